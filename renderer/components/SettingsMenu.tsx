import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Switch,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { changeBlock } from '../store/selectors';
import { useAppStore } from '../store/store-context';
import { ErrorMessage } from './ErrorMessage';

const REASON = {
  checking: 'elevation.checkingReason',
  'not-elevated': 'elevation.disabledReason',
  busy: 'elevation.busyReason',
} as const;

const useStyles = makeStyles({
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '360px' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * App settings in the header. "Start with Windows" registers a logon scheduled task (the main process
 * re-reads it); like every change it is disabled, with the reason on hover, while the app cannot change Windows.
 * After over-the-shoulder elevation (the app runs as the administrator who typed the password, the
 * desktop is another user's) it cannot be turned on, and the popover says why and what that means for
 * notifications: this popover is where both show, since the read comes with the task's state.
 */
export const SettingsMenu = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const autostart = useAppStore((s) => s.autostart);
  const error = useAppStore((s) => s.autostartError);
  const report = useAppStore((s) => s.autostartReport);
  const saving = useAppStore((s) => s.autostartSaving);
  const block = useAppStore(changeBlock);
  const loadAutostart = useAppStore((s) => s.loadAutostart);
  const setAutostart = useAppStore((s) => s.setAutostart);
  const reason = block !== null && !saving ? t(REASON[block]) : null;
  // Over-the-shoulder elevation: turning it on is refused (autostart.ts says why); an existing task can still go.
  const overTheShoulder = autostart?.overTheShoulder ?? null;
  const cannotEnable = overTheShoulder !== null && !(autostart?.enabled ?? false);

  const toggle = (
    <Switch
      label={t('settings.autostart')}
      checked={autostart?.enabled ?? false}
      disabled={reason !== null || saving || autostart === null || cannotEnable}
      onChange={(_, data) => void setAutostart(data.checked)}
      data-testid="autostart-switch"
    />
  );

  return (
    <Popover onOpenChange={(_, data) => (data.open ? void loadAutostart() : undefined)} positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button icon={<Settings20Regular />} data-testid="settings-open">
          {t('settings.open')}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t('settings.open')}>
        {reason !== null ? (
          <Tooltip content={reason} relationship="description" withArrow>
            <div>{toggle}</div>
          </Tooltip>
        ) : (
          toggle
        )}
        <Caption1 className={styles.hint}>{t('settings.autostartHint')}</Caption1>
        {overTheShoulder ? (
          <>
            <MessageBar intent="warning" layout="multiline" data-testid="over-the-shoulder-autostart">
              <MessageBarBody>
                <MessageBarTitle>{t('settings.overTheShoulderTitle', overTheShoulder)}</MessageBarTitle>{' '}
                {t('settings.overTheShoulderAutostart', overTheShoulder)}
              </MessageBarBody>
            </MessageBar>
            <MessageBar intent="info" layout="multiline" data-testid="over-the-shoulder-notifications">
              <MessageBarBody>{t('settings.overTheShoulderNotifications', overTheShoulder)}</MessageBarBody>
            </MessageBar>
          </>
        ) : null}
        {autostart?.enabled && autostart.needsRepair && !overTheShoulder ? (
          // A task from an older version (72-hour limit, battery conditions) or for another exe: enabling again replaces it.
          <MessageBar intent="warning" layout="multiline" data-testid="autostart-needs-repair">
            <MessageBarBody>{t('settings.autostartNeedsRepair')}</MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                disabled={reason !== null || saving}
                onClick={() => void setAutostart(true)}
                data-testid="autostart-repair"
              >
                {t('settings.autostartRepair')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
        {report ? (
          // A change that ran but is not in place (or could not be read back): the outcome, then why.
          <MessageBar
            intent={report.outcome === 'unknown' ? 'warning' : 'error'}
            layout="multiline"
            data-testid="autostart-report"
          >
            <MessageBarBody>
              {t(`report.${report.outcome}`)}
              {report.message ? ` ${report.message}` : null}
              {report.detail ? <Caption1 className={styles.hint}> {report.detail}</Caption1> : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </PopoverSurface>
    </Popover>
  );
};
