import {
  Body1,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SideDrawer } from '../../components/SideDrawer';
import { groupByOperation } from '../../lib/command-line';
import { useOperationLabel } from '../../lib/use-labels';
import { useAppStore } from '../../store/store-context';
import { CommandRecordView } from './CommandRecordView';

const useStyles = makeStyles({
  drawer: { width: 'min(760px, 100vw)' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupHead: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/** Every command the app ran, grouped by the user action that ran it (DESIGN §1: "every action shows its commands"). */
export const ActivityDrawer = () => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const open = useAppStore((s) => s.activityOpen);
  const close = useAppStore((s) => s.closeActivity);
  const records = useAppStore((s) => s.records);
  const operationLabel = useOperationLabel();
  const groups = open ? groupByOperation(records) : [];

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
        {groups.length === 0 ? <Body1>{t('activity.empty')}</Body1> : null}
        {groups.map((group) => (
          <section key={group.operationId} className={styles.group} aria-label={operationLabel(group.operation)} data-operation={group.operation}>
            <div className={styles.groupHead}>
              <Subtitle2 as="h3">{operationLabel(group.operation)}</Subtitle2>
              <Caption1 className={styles.muted}>
                {new Date(group.startedAt).toLocaleTimeString(i18n.resolvedLanguage)} · {t('activity.commandCount', { count: group.records.length })}
              </Caption1>
            </div>
            {group.records.map((record) => (
              <CommandRecordView key={record.id} record={record} />
            ))}
          </section>
        ))}
    </SideDrawer>
  );
};
