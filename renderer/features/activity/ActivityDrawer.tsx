import { Body1, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SideDrawer } from '../../components/SideDrawer';
import { groupByOperation, type OperationGroup } from '../../lib/command-line';
import { useOperationLabel } from '../../lib/use-labels';
import { useAppStore } from '../../store/store-context';
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

/** Every command the app ran, grouped by the user action that ran it (docs/architecture.md §1: "every action shows its commands"). */
export const ActivityDrawer = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const open = useAppStore((s) => s.activityOpen);
  const close = useAppStore((s) => s.closeActivity);
  const records = useAppStore((s) => s.records);
  const groups = open ? groupByOperation(records) : [];
  const current = groups.filter((group) => !group.earlierRun);
  const earlier = groups.filter((group) => group.earlierRun);

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
      {current.length === 0 ? <Body1>{t('activity.empty')}</Body1> : null}
      {current.map((group) => (
        <OperationSection key={group.operationId} group={group} />
      ))}
      {earlier.length > 0 ? (
        <section className={styles.earlier} aria-labelledby="activity-earlier" data-testid="activity-earlier">
          <div className={styles.earlierHead}>
            <Subtitle1 as="h3" id="activity-earlier" className={styles.heading}>
              {t('activity.earlier')}
            </Subtitle1>
            <Caption1 className={styles.muted}>{t('activity.earlierHint')}</Caption1>
          </div>
          {earlier.map((group) => (
            <OperationSection key={group.operationId} group={group} />
          ))}
        </section>
      ) : null}
    </SideDrawer>
  );
};
