import { Button, Caption1, Title3, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRepeatAll20Regular, History20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { WinnatStatusBadge } from '../features/winnat/WinnatStatusBadge';
import { useAppStore } from '../store/store-context';
import { ChangeButton } from './ChangeButton';
import { LanguageSwitch } from './LanguageSwitch';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', marginRight: 'auto' },
  name: { margin: 0 },
  readAt: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export const AppHeader = () => {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const refresh = useAppStore((s) => s.refresh);
  const refreshing = useAppStore((s) => s.refreshing);
  const readAt = useAppStore((s) => s.snapshot?.readAt);
  const openDialog = useAppStore((s) => s.openDialog);
  const openActivity = useAppStore((s) => s.openActivity);
  const winnatAbsent = useAppStore((s) => s.snapshot?.winnat === 'absent');

  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <Title3 as="h1" className={styles.name}>
          {t('app.name')}
        </Title3>
        <WinnatStatusBadge />
        {readAt ? (
          <Caption1 className={styles.readAt}>{t('app.readAt', { time: new Date(readAt).toLocaleTimeString(i18n.resolvedLanguage) })}</Caption1>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Tooltip content={t('header.refreshHint')} relationship="description">
          <Button icon={<ArrowClockwise20Regular />} onClick={() => void refresh()} disabled={refreshing} aria-keyshortcuts="F5" data-testid="refresh">
            {t('header.refresh')}
          </Button>
        </Tooltip>
        <ChangeButton
          icon={<ArrowRepeatAll20Regular />}
          onClick={() => openDialog({ kind: 'restart' })}
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
        <LanguageSwitch />
      </div>
    </header>
  );
};
