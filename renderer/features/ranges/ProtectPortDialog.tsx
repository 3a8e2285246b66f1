import { Body1, Caption1, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpVersion, Protocol, ProtocolFamily } from '../../../shared/model';
import { addExclusionSchema, fieldIssues, type AddExclusionInput } from '../../../shared/validate';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ChangeReportView } from '../../components/ChangeReportView';
import { WslWarning } from '../../components/WslWarning';
import { useValidationText } from '../../lib/use-validation-text';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalL,
  },
  number: { fontVariantNumeric: 'tabular-nums' },
});

type FormField = 'protocol' | 'ipVersion' | 'startPort' | 'numberOfPorts';

export const ProtectPortDialog = ({ family, port }: { family?: ProtocolFamily; port?: number }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const validationText = useValidationText();
  const protectPort = useAppStore((s) => s.protectPort);
  const winnat = useAppStore((s) => s.snapshot?.winnat);
  // What the main process will do (exclusions.ts: mayHoldReservations): only a WinNAT that may hold
  // reservations is stopped and started again. The wording follows it, so nobody is warned for nothing.
  const touchesWinnat = winnat === undefined || winnat === 'running' || winnat === 'starting' || winnat === 'unknown';
  const [form, setForm] = useState({
    protocol: family?.protocol ?? ('tcp' as Protocol),
    // Both by default: WinNAT reserves in IPv4 and IPv6, and Docker binds both.
    ipVersion: 'both' as IpVersion | 'both',
    startPort: port === undefined ? '' : String(port),
    numberOfPorts: '1',
  });
  // Errors appear after the first attempt, then follow the typing: no red field before the user is done.
  const [attempted, setAttempted] = useState(false);

  const input: AddExclusionInput = form;
  const parsed = addExclusionSchema.safeParse(input);
  const errors = new Map<string, string>();
  if (!parsed.success)
    for (const issue of fieldIssues(parsed.error)) if (!errors.has(issue.field)) errors.set(issue.field, issue.key);

  const fieldProps = (field: FormField) => {
    const key = attempted ? errors.get(field) : undefined;
    return key ? { validationState: 'error' as const, validationMessage: validationText(key) } : {};
  };
  const set = (field: FormField) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  return (
    <ChangeDialog
      kind="protect"
      testId="protect-port-dialog"
      title={t('protect.title')}
      confirmLabel={t(touchesWinnat ? 'protect.confirm' : 'protect.confirmNoWinnat')}
      runningLabel={t(touchesWinnat ? 'protect.running' : 'protect.runningNoWinnat')}
      onConfirm={() => {
        setAttempted(true);
        if (parsed.success) void protectPort(input);
      }}
      renderReport={(report) => (
        // The outcome names the port asked for (issue #11), as the main process read it back.
        <ChangeReportView
          report={report}
          asked={parsed.success ? { port: parsed.data.startPort, protocol: parsed.data.protocol } : undefined}
        />
      )}
    >
      <Body1>{t('protect.intro')}</Body1>
      <div className={styles.grid}>
        <Field label={t('protect.protocol')} {...fieldProps('protocol')}>
          <RadioGroup layout="horizontal" value={form.protocol} onChange={(_, d) => set('protocol')(d.value)}>
            <Radio value="tcp" label="TCP" />
            <Radio value="udp" label="UDP" />
          </RadioGroup>
        </Field>
        <Field label={t('protect.ipVersion')} {...fieldProps('ipVersion')}>
          <RadioGroup
            layout="horizontal"
            value={form.ipVersion}
            onChange={(_, d) => set('ipVersion')(d.value)}
            data-testid="protect-ip-version"
          >
            <Radio value="both" label={t('protect.ipVersionBoth')} />
            <Radio value="ipv4" label="IPv4" />
            <Radio value="ipv6" label="IPv6" />
          </RadioGroup>
        </Field>
        <Field label={t('protect.startPort')} required {...fieldProps('startPort')}>
          <Input
            className={styles.number}
            inputMode="numeric"
            autoComplete="off"
            value={form.startPort}
            onChange={(_, d) => set('startPort')(d.value)}
            data-testid="protect-start-port"
          />
        </Field>
        <Field label={t('protect.numberOfPorts')} required {...fieldProps('numberOfPorts')}>
          <Input
            className={styles.number}
            inputMode="numeric"
            autoComplete="off"
            value={form.numberOfPorts}
            onChange={(_, d) => set('numberOfPorts')(d.value)}
            data-testid="protect-number-of-ports"
          />
        </Field>
      </div>
      {parsed.success ? (
        <Caption1 className={styles.number}>
          {t('protect.covers', {
            start: parsed.data.startPort,
            end: parsed.data.startPort + parsed.data.numberOfPorts - 1,
          })}
        </Caption1>
      ) : null}
      {touchesWinnat ? (
        <WslWarning title={t('protect.warningTitle')} body={t('protect.warning')} />
      ) : (
        <Caption1 data-testid="protect-no-winnat">
          {t(winnat === 'absent' ? 'protect.noWinnat' : 'protect.winnatStopped')}
        </Caption1>
      )}
    </ChangeDialog>
  );
};
