import { Button, Caption1, Tab, TabList, Title3, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRepeatAll20Regular, History20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { WinnatStatusBadge } from '../features/winnat/WinnatStatusBadge';
import { parsePortText } from '../lib/port-verdict';
import { viewReadAt, viewRefreshing } from '../store/selectors';
import { useAppStore } from '../store/store-context';
import type { AppState, View } from '../store/types';
import { ChangeButton } from './ChangeButton';
import { LanguageSwitch } from './LanguageSwitch';
import { SettingsMenu } from './SettingsMenu';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    marginRight: 'auto',
  },
  name: { margin: 0 },
  readAt: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A row of its own under the title and actions, flush with the header's bottom border.
  nav: { flexBasis: '100%', marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

/** The port on screen, if any: the doctor's answer or the port box; a restart's outcome then names it. */
const askedPortOf = (state: AppState): { port: number; protocol: 'tcp' | 'udp' } | null => {
  if (state.view === 'doctor' && state.doctorReport)
    return { port: state.doctorReport.port, protocol: state.doctorReport.protocol };
  if (state.view !== 'ranges') return null;
  const parsed = parsePortText(state.portQuery);
  return parsed.ok ? { port: parsed.port, protocol: 'tcp' } : null;
};

export const AppHeader = () => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const view = useAppStore((s) => s.view);
  const showView = useAppStore((s) => s.showView);
  const refresh = useAppStore((s) => s.refreshView);
  // The Refresh button and the time stamp follow the view on screen.
  const refreshing = useAppStore(viewRefreshing);
  const readAt = useAppStore(viewReadAt);
  const openDialog = useAppStore((s) => s.openDialog);
  const openActivity = useAppStore((s) => s.openActivity);
  const winnatAbsent = useAppStore((s) => s.snapshot?.winnat === 'absent');
  // Primitives, so the header re-renders only when the asked port itself changes.
  const askedPort = useAppStore((s) => askedPortOf(s)?.port);
  const askedProtocol = useAppStore((s) => askedPortOf(s)?.protocol);

  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <Title3 as="h1" className={styles.name}>
          {t('app.name')}
        </Title3>
        <WinnatStatusBadge />
        {readAt ? (
          <Caption1 className={styles.readAt}>
            {t('app.readAt', { time: new Date(readAt).toLocaleTimeString(i18n.resolvedLanguage) })}
          </Caption1>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Tooltip content={t('header.refreshHint')} relationship="description">
          <Button
            icon={<ArrowClockwise20Regular />}
            onClick={() => void refresh()}
            disabled={refreshing}
            aria-keyshortcuts="F5"
            data-testid="refresh"
          >
            {t('header.refresh')}
          </Button>
        </Tooltip>
        <ChangeButton
          icon={<ArrowRepeatAll20Regular />}
          onClick={() =>
            openDialog(
              askedPort === undefined
                ? { kind: 'restart' }
                : { kind: 'restart', port: askedPort, protocol: askedProtocol },
            )
          }
          unavailableReason={winnatAbsent ? t('restart.absentReason') : null}
          data-testid="restart-winnat"
        >
          {t('header.restartWinnat')}
        </ChangeButton>
        <Tooltip content={t('header.activityHint')} relationship="description">
          <Button icon={<History20Regular />} onClick={openActivity} data-testid="activity-open">
            {t('header.activity')}
          </Button>
        </Tooltip>
        <SettingsMenu />
        <LanguageSwitch />
      </div>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <TabList selectedValue={view} onTabSelect={(_, data) => showView(data.value as View)} data-testid="view-tabs">
          <Tab value="ranges" data-testid="tab-ranges">
            {t('nav.ranges')}
          </Tab>
          <Tab value="forwarding" data-testid="tab-forwarding">
            {t('nav.forwarding')}
          </Tab>
          <Tab value="owners" data-testid="tab-owners">
            {t('nav.owners')}
          </Tab>
          <Tab value="doctor" data-testid="tab-doctor">
            {t('nav.doctor')}
          </Tab>
          <Tab value="map" data-testid="tab-map">
            {t('nav.map')}
          </Tab>
        </TabList>
      </nav>
    </header>
  );
};
