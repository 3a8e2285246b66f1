import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FAMILIES, type ChangeReport, type RangeChange } from '../../shared/model';
import { familyKey, familyLabel, formatRange, sameFamily } from '../lib/families';
import { useStatusLabel } from '../lib/use-labels';
import { ReportHead, StepList } from './ReportParts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  diff: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  numbers: { fontVariantNumeric: 'tabular-nums' },
  family: { fontWeight: tokens.fontWeightSemibold },
});

/** One line per family ("TCP/IPv4: 8031–8130, 8131–8230"): a WinNAT restart moves dozens of blocks. */
const RangeChangeList = ({
  title,
  empty,
  changes,
}: {
  title: string;
  empty: string;
  changes: readonly RangeChange[];
}) => {
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
  const statusLabel = useStatusLabel();
  return (
    <div className={styles.root} data-testid="change-report" data-outcome={report.outcome}>
      <ReportHead
        outcome={report.outcome}
        message={report.message}
        steps={report.steps}
        after={<span>{t('report.winnatNow', { status: statusLabel(report.winnatAfter) })}</span>}
      />
      <StepList steps={report.steps} />
      <div className={styles.diff} data-testid={diffTestId}>
        <RangeChangeList title={t('report.freed')} empty={t('report.noneFreed')} changes={report.diff.freed} />
        <RangeChangeList title={t('report.appeared')} empty={t('report.noneAppeared')} changes={report.diff.appeared} />
      </div>
    </div>
  );
};
