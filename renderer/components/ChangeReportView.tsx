import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PROTOCOL_FAMILIES, type ChangeReport, type Protocol, type RangeChange } from '../../shared/model';
import { familyKey, familyLabel, formatRange, sameFamily } from '../lib/families';
import { useStatusLabel } from '../lib/use-labels';
import { portVerdict } from '../lib/port-verdict';
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

/** The port the user asked about, the port the change was for. */
export interface AskedPort {
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * Where the asked port stands after the change, from the state the main process read back (issue #11: a
 * WinNAT restart listed dozens of moved blocks and never said whether 8065 was free now).
 */
const AskedPortLine = ({ asked, report }: { asked: AskedPort; report: ChangeReport }) => {
  const { t } = useTranslation();
  const verdict = portVerdict(String(asked.port), report.snapshot.excluded);
  if (verdict.kind !== 'checked') return null;
  const causes = verdict.protocols.find((p) => p.protocol === asked.protocol)?.excluded ?? [];
  const system = causes.filter((cause) => !cause.range.administered);
  const mine = causes.filter((cause) => cause.range.administered);
  // The protocol is named once in the sentence; each range lists its IP versions.
  const where = (list: typeof causes) =>
    list
      .map(
        (cause) =>
          `${formatRange(cause.range)} (${cause.ipVersions.map((v) => (v === 'ipv4' ? 'IPv4' : 'IPv6')).join(', ')})`,
      )
      .join(', ');
  const values = { port: asked.port, protocol: asked.protocol.toUpperCase() };
  const [text, state] =
    system.length > 0
      ? [t('report.askedStillReserved', { ...values, ranges: where(system) }), 'reserved']
      : mine.length > 0
        ? [t('report.askedProtected', { ...values, ranges: where(mine) }), 'protected']
        : [t('report.askedFree', values), 'free'];
  return (
    <Body1Strong block data-testid="asked-port" data-state={state}>
      {text}
    </Body1Strong>
  );
};

/** What a change did, judged by the main process from a re-read: outcome, steps, range difference, WinNAT now. */
export const ChangeReportView = ({
  report,
  diffTestId,
  asked,
}: {
  report: ChangeReport;
  diffTestId?: string;
  /** Names this port's state first, when the change was made for one. */
  asked?: AskedPort;
}) => {
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
      {asked ? <AskedPortLine asked={asked} report={report} /> : null}
      <StepList steps={report.steps} />
      <div className={styles.diff} data-testid={diffTestId}>
        <RangeChangeList title={t('report.freed')} empty={t('report.noneFreed')} changes={report.diff.freed} />
        <RangeChangeList title={t('report.appeared')} empty={t('report.noneAppeared')} changes={report.diff.appeared} />
      </div>
    </div>
  );
};
