import { Badge, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FAMILIES, type ChangeReport, type Outcome, type RangeChange } from '../../shared/model';
import { familyKey, familyLabel, formatRange, sameFamily } from '../lib/families';
import { useStatusLabel, useStepLabel } from '../lib/use-labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  steps: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  block: { display: 'block', margin: 0 },
  step: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  stepIconOk: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  stepIconFailed: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  stepDetail: { display: 'block', fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  diff: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  numbers: { fontVariantNumeric: 'tabular-nums' },
  family: { fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const OUTCOME_COLOR: Record<Outcome, 'success' | 'danger' | 'warning'> = { applied: 'success', 'not-applied': 'danger', unknown: 'warning' };

/** One line per family ("TCP/IPv4: 8031–8130, 8131–8230"): a WinNAT restart moves dozens of blocks. */
const RangeChangeList = ({ title, empty, changes }: { title: string; empty: string; changes: readonly RangeChange[] }) => {
  const styles = useStyles();
  const byFamily = PROTOCOL_FAMILIES.map((family) => ({
    family,
    ranges: changes.filter((change) => sameFamily(change, family)).sort((a, b) => a.start - b.start),
  })).filter((group) => group.ranges.length > 0);
  return (
    <div>
      <Body1Strong block>{title}</Body1Strong>
      {byFamily.length === 0 ? (
        <Caption1 block>{empty}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={title}>
          {byFamily.map(({ family, ranges }) => (
            <li key={familyKey(family)} className={styles.numbers}>
              <span className={styles.family}>{familyLabel(family)}:</span>{' '}
              {ranges.map((range) => `${formatRange(range)}${range.administered ? ' *' : ''}`).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/** What a change did, judged by the main process from a re-read: outcome, steps, range difference, WinNAT now. */
export const ChangeReportView = ({ report, diffTestId }: { report: ChangeReport; diffTestId?: string }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const stepLabel = useStepLabel();
  const statusLabel = useStatusLabel();
  const failed = report.steps.find((step) => !step.ok);
  return (
    <div className={styles.root} data-testid="change-report" data-outcome={report.outcome}>
      <div className={styles.row}>
        <Body1Strong>{t('report.outcome')}:</Body1Strong>
        <Badge appearance="filled" color={OUTCOME_COLOR[report.outcome]}>
          {t(`report.${report.outcome}`)}
        </Badge>
        <span>{t('report.winnatNow', { status: statusLabel(report.winnatAfter) })}</span>
      </div>
      {/* The main process's message is an English sentence for logs; shown as-is under the translated outcome. */}
      {report.message ? <Caption1 block>{report.message}</Caption1> : null}
      {failed ? <Body1Strong block className={styles.failed}>{t('report.failedAt', { step: stepLabel(failed.step) })}</Body1Strong> : null}
      {report.steps.length > 0 ? (
        <div>
          <Body1Strong block>{t('report.steps')}</Body1Strong>
          <ol className={styles.steps} aria-label={t('report.steps')}>
            {report.steps.map((step, index) => (
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
      ) : null}
      <div className={styles.diff} data-testid={diffTestId}>
        <RangeChangeList title={t('report.freed')} empty={t('report.noneFreed')} changes={report.diff.freed} />
        <RangeChangeList title={t('report.appeared')} empty={t('report.noneAppeared')} changes={report.diff.appeared} />
      </div>
    </div>
  );
};

