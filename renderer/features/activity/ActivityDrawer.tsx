import {
  Body1,
  Button,
  Caption1,
  Subtitle1,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SideDrawer } from '../../components/SideDrawer';
import type { OperationGroup } from '../../lib/command-line';
import { useOperationLabel } from '../../lib/use-labels';
import { useAppStore } from '../../store/store-context';
import { ACTIVITY_FILTERS, sinceText, splitActivity, type ActivityFilter, type ReadSource } from './activity-groups';
import { CommandRecordView } from './CommandRecordView';
import { VerifiedBadge } from './VerifiedBadge';

const useStyles = makeStyles({
  drawer: { width: 'min(760px, 100vw)' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  earlier: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  earlierHead: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  readList: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  readItem: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  readToggle: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, fontWeight: tokens.fontWeightRegular },
  readLine: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, alignItems: 'baseline' },
  readCommand: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  readDetail: { paddingLeft: tokens.spacingHorizontalXL },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const OperationSection = ({ group }: { group: OperationGroup }) => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const operationLabel = useOperationLabel();
  const started = new Date(group.startedAt);
  // Earlier runs can be days old: show the date too.
  const when = group.earlierRun
    ? started.toLocaleString(i18n.resolvedLanguage)
    : started.toLocaleTimeString(i18n.resolvedLanguage);
  return (
    <section
      className={styles.group}
      aria-label={operationLabel(group.operation)}
      data-operation={group.operation}
      data-earlier={group.earlierRun ? 'true' : undefined}
      data-testid="activity-operation"
    >
      <div className={styles.groupHead}>
        <Subtitle2 as={group.earlierRun ? 'h4' : 'h3'}>{operationLabel(group.operation)}</Subtitle2>
        {group.verified ? <VerifiedBadge verified={group.verified} /> : null}
        <Caption1 className={styles.muted}>
          {when} · {t('activity.commandCount', { count: group.records.length })}
        </Caption1>
      </div>
      {group.records.map((record) => (
        <CommandRecordView key={record.id} record={record} />
      ))}
    </section>
  );
};

/** One background command line, collapsed: the count and how long ago it last ran; expands to its newest run. */
const ReadSourceLine = ({ source, now }: { source: ReadSource; now: number }) => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId('read-source');
  return (
    <li className={styles.readItem} data-testid="activity-read-source" data-line={source.line}>
      <Button
        appearance="subtle"
        size="small"
        className={styles.readToggle}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span className={styles.readLine}>
          <code className={styles.readCommand}>{source.line}</code>
          <span className={styles.muted}>
            {t('activity.readSummary', {
              count: source.count,
              since: sinceText(source.lastAt, now, i18n.resolvedLanguage),
            })}
          </span>
          {source.failures > 0 ? (
            <span className={styles.failed}>{t('activity.readFailures', { count: source.failures })}</span>
          ) : null}
        </span>
      </Button>
      {open ? (
        <div id={id} className={styles.readDetail}>
          <CommandRecordView record={source.latest} />
        </div>
      ) : null}
    </li>
  );
};

/** Re-renders once a second while shown, so "last 2 s ago" stays true. */
const useNowWhile = (active: boolean): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
};

/**
 * Every command the app ran (docs/architecture.md §1: "every action shows its commands"). The user's
 * changes come first, grouped by the action that ran them; the app's own background reads follow as one
 * line per command (issue #11), and a filter shows either part alone.
 */
export const ActivityDrawer = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useAppStore((s) => s.activityOpen);
  const close = useAppStore((s) => s.closeActivity);
  const records = useAppStore((s) => s.records);
  const [filter, setFilter] = useState<ActivityFilter>('all');
  const parts = useMemo(() => (open ? splitActivity(records) : null), [open, records]);
  const now = useNowWhile(open);
  const showChanges = filter !== 'reads';
  const showReads = filter !== 'changes';

  return (
    <SideDrawer
      open={open}
      onClose={close}
      titleId="activity-title"
      title={t('activity.title')}
      intro={t('activity.intro')}
      testId="activity-drawer"
      className={styles.drawer}
      bodyClassName={styles.body}
    >
      <TabList
        size="small"
        selectedValue={filter}
        onTabSelect={(_, data) => setFilter(data.value as ActivityFilter)}
        aria-label={t('activity.filterLabel')}
        data-testid="activity-filter"
      >
        {ACTIVITY_FILTERS.map((value) => (
          <Tab key={value} value={value} data-testid={`activity-filter-${value}`}>
            {t(`activity.filter.${value}`, {
              count: value === 'changes' ? (parts?.changes.length ?? 0) : (parts?.reads.length ?? 0),
            })}
          </Tab>
        ))}
      </TabList>
      {showChanges && parts ? (
        <section className={styles.part} aria-labelledby="activity-changes" data-testid="activity-changes">
          <Subtitle1 as="h3" id="activity-changes" className={styles.heading}>
            {t('activity.changes')}
          </Subtitle1>
          {parts.changes.length === 0 ? <Body1 className={styles.muted}>{t('activity.noChanges')}</Body1> : null}
          {parts.changes.map((group) => (
            <OperationSection key={group.operationId} group={group} />
          ))}
        </section>
      ) : null}
      {showReads && parts ? (
        <section className={styles.part} aria-labelledby="activity-reads" data-testid="activity-reads">
          <div className={styles.earlierHead}>
            <Subtitle1 as="h3" id="activity-reads" className={styles.heading}>
              {t('activity.reads')}
            </Subtitle1>
            <Caption1 className={styles.muted}>{t('activity.readsHint')}</Caption1>
          </div>
          {parts.reads.length === 0 ? <Body1 className={styles.muted}>{t('activity.empty')}</Body1> : null}
          <ul className={styles.readList}>
            {parts.reads.map((source) => (
              <ReadSourceLine key={source.line} source={source} now={now} />
            ))}
          </ul>
        </section>
      ) : null}
      {showChanges && parts && parts.earlier.length > 0 ? (
        <section className={styles.earlier} aria-labelledby="activity-earlier" data-testid="activity-earlier">
          <div className={styles.earlierHead}>
            <Subtitle1 as="h3" id="activity-earlier" className={styles.heading}>
              {t('activity.earlier')}
            </Subtitle1>
            <Caption1 className={styles.muted}>{t('activity.earlierHint')}</Caption1>
          </div>
          {parts.earlier.map((group) => (
            <OperationSection key={group.operationId} group={group} />
          ))}
        </section>
      ) : null}
    </SideDrawer>
  );
};
