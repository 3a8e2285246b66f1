import { Body1, Checkbox, Field, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FAMILIES, type ProtocolFamily } from '../../../shared/model';
import { fieldIssues, resetDynamicSchema } from '../../../shared/validate';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ChangeReportView } from '../../components/ChangeReportView';
import { familyKey, familyLabel, sameFamily } from '../../lib/families';
import { useValidationText } from '../../lib/use-validation-text';
import { useAppStore } from '../../store/store-context';
import { isRiskyDynamicRange } from './dynamic-risk';

const useStyles = makeStyles({
  options: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, max-content))',
    columnGap: tokens.spacingHorizontalXXL,
  },
});

export const ResetDynamicDialog = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const validationText = useValidationText();
  const dynamic = useAppStore((s) => s.snapshot?.dynamic ?? []);
  const resetDynamicRange = useAppStore((s) => s.resetDynamicRange);
  const operation = useAppStore((s) => s.operations.reset);
  // Default to the families that need it; the user can add the others.
  const [chosen, setChosen] = useState<readonly ProtocolFamily[]>(() =>
    PROTOCOL_FAMILIES.filter((family) =>
      dynamic.some((range) => sameFamily(range, family) && isRiskyDynamicRange(range)),
    ),
  );
  const [attempted, setAttempted] = useState(false);
  const input = { families: chosen.map(({ protocol, ipVersion }) => ({ protocol, ipVersion })) };
  const parsed = resetDynamicSchema.safeParse(input);
  const errorKey = !parsed.success && attempted ? fieldIssues(parsed.error)[0]?.key : undefined;

  const toggle = (family: ProtocolFamily, checked: boolean) =>
    setChosen((current) =>
      checked
        ? PROTOCOL_FAMILIES.filter((f) => sameFamily(f, family) || current.some((c) => sameFamily(c, f)))
        : current.filter((c) => !sameFamily(c, family)),
    );

  return (
    <ChangeDialog
      kind="reset"
      testId="reset-dynamic-dialog"
      title={t('dynamic.resetTitle')}
      confirmLabel={t('dynamic.confirm')}
      runningLabel={t('dynamic.running')}
      onConfirm={() => {
        setAttempted(true);
        if (parsed.success) void resetDynamicRange(input);
      }}
      renderReport={(report) => (
        <>
          {report.outcome !== 'not-applied' ? (
            <MessageBar intent="warning" layout="multiline" data-testid="reboot-needed">
              <MessageBarBody>{t('dynamic.rebootNeeded')}</MessageBarBody>
            </MessageBar>
          ) : null}
          <ChangeReportView report={report} />
        </>
      )}
    >
      <Body1>{t('dynamic.resetIntro')}</Body1>
      <Field
        label={t('dynamic.families')}
        {...(errorKey ? { validationState: 'error' as const, validationMessage: validationText(errorKey) } : {})}
      >
        <div className={styles.options} role="group" aria-label={t('dynamic.families')}>
          {PROTOCOL_FAMILIES.map((family) => (
            <Checkbox
              key={familyKey(family)}
              value={familyKey(family)}
              label={familyLabel(family)}
              checked={chosen.some((c) => sameFamily(c, family))}
              onChange={(_, d) => toggle(family, d.checked === true)}
              disabled={operation.status === 'running'}
            />
          ))}
        </div>
      </Field>
    </ChangeDialog>
  );
};
