import { Caption1, Card, Field, Input, Subtitle1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircle20Filled,
  Question20Regular,
  ShieldAdd20Regular,
  ShieldLock20Filled,
  Warning20Filled,
} from '@fluentui/react-icons';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeButton } from '../../components/ChangeButton';
import type { ProtocolFamily } from '../../../shared/model';
import { familiesLabel, unprotectedVersions } from '../../lib/cause-wording';
import type { PortVerdict } from '../../lib/port-verdict';
import { useValidationText } from '../../lib/use-validation-text';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  field: { width: '220px' },
  input: { fontVariantNumeric: 'tabular-nums' },
  verdict: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  line: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    fontVariantNumeric: 'tabular-nums',
  },
  icon: { flexShrink: 0, marginTop: '1px' },
  system: { color: tokens.colorPaletteDarkOrangeForeground1 },
  administered: { color: tokens.colorBrandForeground1 },
  free: { color: tokens.colorPaletteGreenForeground1 },
  unknown: { color: tokens.colorNeutralForeground3 },
  fix: { color: tokens.colorNeutralForeground2 },
});

interface Line {
  readonly key: string;
  readonly icon: ReactNode;
  readonly text: string;
}

export const PortFilter = ({ verdict, inputRef }: { verdict: PortVerdict; inputRef: Ref<HTMLInputElement> }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const validationText = useValidationText();
  const portQuery = useAppStore((s) => s.portQuery);
  const setPortQuery = useAppStore((s) => s.setPortQuery);
  const openDialog = useAppStore((s) => s.openDialog);
  const winnatAbsent = useAppStore((s) => s.snapshot?.winnat === 'absent');

  const lines: Line[] = [];
  const fixes = new Set<string>();
  let firstMatch: ProtocolFamily | undefined;
  if (verdict.kind === 'checked') {
    const { port } = verdict;
    for (const { protocol, excluded, unreadable } of verdict.protocols) {
      for (const ipVersion of unreadable) {
        lines.push({
          key: `${protocol}-${ipVersion}-unreadable`,
          icon: <Question20Regular className={mergeClasses(styles.icon, styles.unknown)} aria-hidden />,
          text: t('port.unreadable', { family: familiesLabel(protocol, [ipVersion]), port }),
        });
      }
      // One line per cause of the shared verdict: a block WinNAT holds in IPv4 and IPv6 is one line naming both.
      for (const cause of excluded) {
        const { range } = cause;
        const kind = range.administered ? 'administered' : 'system';
        firstMatch ??= { protocol, ipVersion: range.ipVersion };
        fixes.add(
          range.administered
            ? t('port.administeredFix')
            : t(winnatAbsent ? 'port.systemFixNoWinnat' : 'port.systemFix'),
        );
        lines.push({
          key: `${protocol}-${range.start}-${range.end}-${kind}`,
          icon: range.administered ? (
            <ShieldLock20Filled className={mergeClasses(styles.icon, styles.administered)} aria-hidden />
          ) : (
            <Warning20Filled className={mergeClasses(styles.icon, styles.system)} aria-hidden />
          ),
          text: t(`port.${kind}`, {
            port,
            start: range.start,
            end: range.end,
            family: familiesLabel(protocol, cause.ipVersions),
          }),
        });
      }
      const missing = unprotectedVersions(excluded);
      if (missing.length > 0) fixes.add(t('port.protectedOnly', { family: familiesLabel(protocol, missing) }));
    }
    if (lines.length === 0) {
      lines.push({
        key: 'free',
        icon: <CheckmarkCircle20Filled className={mergeClasses(styles.icon, styles.free)} aria-hidden />,
        text: t('port.notExcluded', { port }),
      });
    }
  }

  const invalid = verdict.kind === 'invalid';

  return (
    <Card className={styles.card}>
      <Subtitle1 as="h2">{t('port.title')}</Subtitle1>
      <div className={styles.row}>
        <Field
          className={styles.field}
          label={t('port.label')}
          validationState={invalid ? 'error' : 'none'}
          validationMessage={invalid ? validationText(verdict.key) : undefined}
        >
          <Input
            ref={inputRef}
            className={styles.input}
            type="search"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('port.placeholder')}
            value={portQuery}
            onChange={(_, data) => setPortQuery(data.value)}
            data-testid="port-filter"
          />
        </Field>
        <ChangeButton
          icon={<ShieldAdd20Regular />}
          data-testid="protect-port-open"
          onClick={() =>
            openDialog({
              kind: 'protect',
              ...(verdict.kind === 'checked' ? { port: verdict.port } : {}),
              ...(firstMatch ? { family: firstMatch } : {}),
            })
          }
        >
          {t('port.protect')}
        </ChangeButton>
      </div>
      <div data-testid="port-verdict" role="status" aria-live="polite">
        {verdict.kind === 'empty' ? <Caption1>{t('port.hint')}</Caption1> : null}
        {lines.length > 0 ? (
          <ul className={styles.verdict}>
            {lines.map((line) => (
              <li key={line.key} className={styles.line}>
                {line.icon}
                <span>{line.text}</span>
              </li>
            ))}
            {[...fixes].map((fix) => (
              <li key={fix} className={mergeClasses(styles.line, styles.fix)}>
                <Caption1>{fix}</Caption1>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
};
