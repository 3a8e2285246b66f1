/** The parts every change report shares (outcome, message, failed step, steps), for ranges and rules alike. */
import { Badge, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome, StepReport } from '../../shared/model';
import { useStepLabel } from '../lib/use-labels';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  steps: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  step: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  stepIconOk: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  stepIconFailed: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  stepDetail: { display: 'block', fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export const OUTCOME_COLOR: Record<Outcome, 'success' | 'danger' | 'warning'> = {
  applied: 'success',
  'not-applied': 'danger',
  unknown: 'warning',
};

export const OutcomeBadge = ({ outcome }: { outcome: Outcome }) => {
  const { t } = useTranslation();
  return (
    <Badge appearance="filled" color={OUTCOME_COLOR[outcome]}>
      {t(`report.${outcome}`)}
    </Badge>
  );
};

/** "Outcome: Applied · <service> now: running", the English message, and the step that failed. */
export const ReportHead = ({
  outcome,
  message,
  steps,
  after,
}: {
  outcome: Outcome;
  message?: string;
  steps: readonly StepReport[];
  after?: ReactNode;
}) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const stepLabel = useStepLabel();
  const failed = steps.find((step) => !step.ok);
  return (
    <>
      <div className={styles.row}>
        <Body1Strong>{t('report.outcome')}:</Body1Strong>
        <OutcomeBadge outcome={outcome} />
        {after}
      </div>
      {/* The main process's message is an English sentence for logs; shown as-is under the translated outcome. */}
      {message ? <Caption1 block>{message}</Caption1> : null}
      {failed ? (
        <Body1Strong block className={styles.failed}>
          {t('report.failedAt', { step: stepLabel(failed.step) })}
        </Body1Strong>
      ) : null}
    </>
  );
};

export const StepList = ({ steps }: { steps: readonly StepReport[] }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const stepLabel = useStepLabel();
  if (steps.length === 0) return null;
  return (
    <div>
      <Body1Strong block>{t('report.steps')}</Body1Strong>
      <ol className={styles.steps} aria-label={t('report.steps')}>
        {steps.map((step, index) => (
          <li key={`${step.step}-${index}`}>
            <span className={styles.step}>
              {step.ok ? (
                <CheckmarkCircle16Filled className={styles.stepIconOk} aria-hidden />
              ) : (
                <DismissCircle16Filled className={styles.stepIconFailed} aria-hidden />
              )}
              <span>
                {stepLabel(step.step)}: {step.ok ? t('report.stepOk') : t('report.stepFailed')}
                {step.detail ? <Caption1 className={styles.stepDetail}>{step.detail}</Caption1> : null}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
};
