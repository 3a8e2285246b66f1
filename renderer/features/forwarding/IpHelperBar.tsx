import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular, Play20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeButton } from '../../components/ChangeButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useStatusLabel } from '../../lib/use-labels';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/** portproxy lives in the IP Helper service: with it stopped every rule is dead, whatever the table says (docs/architecture.md §1). */
export const IpHelperBar = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const statusLabel = useStatusLabel();
  const status = useAppStore((s) => s.rulesView?.iphlpsvc);
  const operation = useAppStore((s) => s.operations['start-iphlpsvc']);
  const startIpHelper = useAppStore((s) => s.startIpHelper);
  const [seen, setSeen] = useState<unknown>(null);
  // Once started the warning goes away: say so, or the button seemed to do nothing (issue #11).
  if (operation.status === 'done' && status === 'running') {
    if (seen === operation) return null;
    const applied = operation.report.outcome === 'applied';
    return (
      <MessageBar
        intent={applied ? 'success' : 'warning'}
        layout="multiline"
        data-testid="iphlpsvc-result"
        data-outcome={operation.report.outcome}
      >
        <MessageBarBody>
          <MessageBarTitle>{t(applied ? 'iphlpsvc.startedTitle' : 'iphlpsvc.unsureTitle')}</MessageBarTitle>
          {t(applied ? 'iphlpsvc.started' : 'iphlpsvc.unsure')}
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label={t('common.dismiss')}
              icon={<Dismiss20Regular />}
              onClick={() => setSeen(operation)}
            />
          }
        />
      </MessageBar>
    );
  }
  if (status === undefined || status === 'running') return null;
  const running = operation.status === 'running';
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline" data-testid="iphlpsvc-warning" data-status={status}>
        <MessageBarBody>
          <MessageBarTitle>{t('iphlpsvc.title')}</MessageBarTitle>
          {status === 'stopped' ? t('iphlpsvc.stopped') : t('iphlpsvc.other', { status: statusLabel(status) })}
        </MessageBarBody>
        <MessageBarActions>
          <ChangeButton
            appearance="primary"
            icon={<Play20Regular />}
            onClick={() => void startIpHelper()}
            disabled={running}
            unavailableReason={status === 'absent' ? t('iphlpsvc.absentReason') : null}
            data-testid="start-iphlpsvc"
          >
            {running ? t('iphlpsvc.starting') : t('iphlpsvc.start')}
          </ChangeButton>
        </MessageBarActions>
      </MessageBar>
      {operation.status === 'failed' ? <ErrorMessage error={operation.error} title={t('errors.title')} /> : null}
      {operation.status === 'done' ? (
        <MessageBar intent="error" data-testid="iphlpsvc-result" data-outcome={operation.report.outcome}>
          <MessageBarBody>{t('iphlpsvc.notStarted', { status: statusLabel(status) })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
};
