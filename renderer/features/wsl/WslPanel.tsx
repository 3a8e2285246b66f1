import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSync20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WslStatus, WslSyncReport, WslTarget } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { listenEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';
import { MirroredBar } from './MirroredBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  distros: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const targetLine = (target: WslTarget) => `${listenEndpoint(target)} → ${target.distro}`;

/** What a re-sync did, naming every rule it moved; those it could not move and why. */
const SyncResult = ({
  report,
  background,
  onDismiss,
}: {
  report: WslSyncReport;
  background: boolean;
  onDismiss: () => void;
}) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const waiting = report.status.targets.filter((target) => target.state === 'waiting');
  const unreadable = report.status.targets.filter((target) => target.state === 'unreadable');
  const byKey = new Map(report.status.targets.map((target) => [target.listenKey, target]));
  const intent = report.outcome !== 'applied' ? 'warning' : report.moved.length > 0 ? 'success' : 'info';
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      data-testid="wsl-sync-result"
      data-outcome={report.outcome}
      data-moved={report.moved.length}
    >
      <MessageBarBody className={styles.text}>
        <MessageBarTitle>{background ? t('wsl.backgroundSyncTitle') : t('wsl.syncTitle')}</MessageBarTitle>
        {report.moved.length > 0 ? (
          <>
            {t('wsl.syncMoved', { count: report.moved.length })}
            <ul className={styles.list} data-testid="wsl-sync-moved">
              {report.moved.map((move) => {
                const target = byKey.get(move.listenKey);
                return (
                  <li key={move.listenKey}>
                    {t('wsl.movedLine', {
                      listen: target ? listenEndpoint(target) : move.listenKey,
                      distro: move.distro,
                      from: move.from,
                      to: move.to,
                    })}
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <span>{waiting.length + unreadable.length > 0 ? t('wsl.syncNoneMoved') : t('wsl.syncNoMove')}</span>
        )}
        {waiting.length > 0 ? (
          <Caption1 block data-testid="wsl-sync-waiting">
            {t('wsl.syncWaiting', { rules: waiting.map(targetLine).join(', ') })}
          </Caption1>
        ) : null}
        {unreadable.length > 0 ? (
          <Caption1 block>
            {t('wsl.syncUnreadable', {
              rules: unreadable.map((target) => `${targetLine(target)} (${target.detail ?? ''})`).join(', '),
            })}
          </Caption1>
        ) : null}
        {/* The main process's English sentence, as every report shows it. */}
        {report.message ? <Caption1 block>{report.message}</Caption1> : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<Dismiss20Regular />}
            aria-label={t('common.dismiss')}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
};

// TFunction as in lib/cause-wording.ts: ReturnType<typeof useTranslation>['t'] hit TS2589 as the key list grew.
const distroText = (status: WslStatus, t: TFunction) =>
  status.distros.map((d) => ({
    name: d.name,
    text: [
      d.state === 'running' ? t('wsl.running') : d.state === 'stopped' ? t('wsl.stopped') : d.stateText,
      d.address ?? null,
      d.isDefault ? t('wsl.defaultDistro') : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }));

/**
 * WSL above the rules: in NAT mode the distros, how many rules follow one and "Re-sync now" with what it
 * moved; in mirrored mode why portproxy is not needed; when the mode cannot be told, why nothing moves.
 */
export const WslPanel = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useAppStore((s) => s.wslStatus);
  const operation = useAppStore((s) => s.operations['wsl-resync']);
  const background = useAppStore((s) => s.wslSync);
  const resync = useAppStore((s) => s.resyncWslRules);
  const dismiss = useAppStore((s) => s.dismissWslSync);
  if (status === null) return null;
  const { networking, targets } = status;

  if (networking.mode === 'mirrored') return <MirroredBar />;

  const result =
    operation.status === 'done' ? (
      <SyncResult report={operation.report} background={false} onDismiss={dismiss} />
    ) : operation.status === 'failed' ? (
      <ErrorMessage error={operation.error} title={t('wsl.syncTitle')} onDismiss={dismiss} />
    ) : background ? (
      <SyncResult report={background} background onDismiss={dismiss} />
    ) : null;

  if (networking.mode === 'unknown') {
    return (
      <div className={styles.root}>
        <MessageBar intent="warning" layout="multiline" data-testid="wsl-unknown">
          <MessageBarBody className={styles.text}>
            <MessageBarTitle>{t('wsl.unknownTitle')}</MessageBarTitle>
            {t('wsl.unknownBody', { error: networking.error })}
          </MessageBarBody>
        </MessageBar>
        {result}
      </div>
    );
  }
  if (!status.available) {
    // No WSL and nothing following a distro: nothing to say here (the Add rule dialog says why).
    if (targets.length === 0) return null;
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="wsl-unavailable">
        <MessageBarBody className={styles.text}>
          <MessageBarTitle>{t('wsl.unavailableTitle')}</MessageBarTitle>
          {status.note}
        </MessageBarBody>
      </MessageBar>
    );
  }

  const running = operation.status === 'running';
  return (
    <div className={styles.root}>
      <MessageBar intent="info" layout="multiline" icon={null} data-testid="wsl-panel">
        <MessageBarBody className={styles.text}>
          <MessageBarTitle>{t('wsl.cardTitle')}</MessageBarTitle>
          <Body1 className={styles.text}>{t('wsl.natMode')}</Body1>
          <span className={styles.distros} data-testid="wsl-distros">
            {distroText(status, t).map((d) => (
              <span key={d.name}>
                <strong>{d.name}</strong> <span className={styles.muted}>{d.text}</span>
              </span>
            ))}
          </span>
          <Caption1 block className={styles.muted}>
            {targets.length === 0 ? t('wsl.noneFollowing') : t('wsl.followingCount', { count: targets.length })}
          </Caption1>
        </MessageBarBody>
        <MessageBarActions>
          <ChangeButton
            icon={<ArrowSync20Regular />}
            onClick={() => void resync()}
            disabled={running}
            hint={t('wsl.resyncHint')}
            unavailableReason={targets.length === 0 ? t('wsl.resyncNothing') : null}
            data-testid="wsl-resync"
          >
            {running ? t('wsl.resyncing') : t('wsl.resync')}
          </ChangeButton>
        </MessageBarActions>
      </MessageBar>
      {result}
    </div>
  );
};
