import {
  Body1,
  Body1Strong,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Endpoint, KillReport } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ReportHead, StepList } from '../../components/ReportParts';
import { processLabel } from '../../lib/cause-wording';
import { endpointsOfProcess } from '../../lib/owners';
import { endpoint as formatEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';

/** A process can hold thousands of sockets; the dialog names this many and counts the rest. */
const LISTED_PORTS = 50;

const useStyles = makeStyles({
  ports: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    listStyleType: 'none',
    maxHeight: '180px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  port: {
    display: 'grid',
    gridTemplateColumns: '44px minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    fontVariantNumeric: 'tabular-nums',
    lineHeight: tokens.lineHeightBase400,
  },
  address: { overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * Every endpoint the process holds in the list on screen: ending it frees them all, and the user should
 * see what else dies with the port they came for.
 */
const ProcessPorts = ({ endpoint }: { endpoint: Endpoint }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const endpoints = useAppStore((s) => s.ownersView?.endpoints ?? null);
  const allStates = useAppStore((s) => s.ownersAllStates);
  // From the doctor there may be no owners list yet: the one endpoint the user came for is still listed.
  const held = useMemo(() => {
    const all = endpoints === null ? [] : endpointsOfProcess(endpoints, endpoint.pid);
    return all.length === 0 ? [endpoint] : all;
  }, [endpoints, endpoint]);
  const shown = held.slice(0, LISTED_PORTS);
  return (
    <div className={styles.ports} data-testid="kill-ports">
      <Body1Strong>{t('kill.portsTitle', { count: held.length })}</Body1Strong>
      <ul className={styles.list}>
        {shown.map((e) => {
          const local = formatEndpoint(e.localAddress, e.localPort);
          const remote =
            e.remoteAddress === null || e.remotePort === 0
              ? ''
              : ` → ${formatEndpoint(e.remoteAddress, e.remotePort ?? 0)}`;
          return (
            <li key={`${e.protocol}|${local}|${remote}`} className={styles.port} data-testid="kill-port">
              <span>{e.protocol.toUpperCase()}</span>
              <span className={styles.address}>
                {local}
                {remote}
              </span>
              <span>{e.state ?? ''}</span>
            </li>
          );
        })}
      </ul>
      {held.length > shown.length ? (
        <Caption1 className={styles.note}>{t('kill.portsMore', { count: held.length - shown.length })}</Caption1>
      ) : null}
      <Caption1 className={styles.note}>{allStates ? t('kill.portsNoteAll') : t('kill.portsNoteListeners')}</Caption1>
    </div>
  );
};

const KillReportView = ({ report }: { report: KillReport }) => {
  const { t } = useTranslation();
  return (
    <div data-testid="kill-report" data-outcome={report.outcome}>
      <ReportHead outcome={report.outcome} message={report.message} steps={report.steps} />
      {report.outcome === 'applied' ? (
        <Body1 block>{t('kill.ended', { process: processLabel(t, report) })}</Body1>
      ) : null}
      <StepList steps={report.steps} />
    </div>
  );
};

/** Names the process, its PID and the services inside it before anything is ended. */
export const KillDialog = ({ endpoint }: { endpoint: Endpoint }) => {
  const { t } = useTranslation();
  const killProcess = useAppStore((s) => s.killProcess);
  return (
    <ChangeDialog
      kind="kill"
      testId="kill-dialog"
      title={t('kill.title')}
      confirmLabel={t('kill.confirm')}
      runningLabel={t('kill.running')}
      onConfirm={() => void killProcess(endpoint)}
      renderReport={(report) => <KillReportView report={report} />}
    >
      <Body1>{t('kill.body', { process: processLabel(t, endpoint) })}</Body1>
      <ProcessPorts endpoint={endpoint} />
      {endpoint.services.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="kill-services-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('kill.servicesTitle')}</MessageBarTitle>
            {t('kill.services', { services: endpoint.services.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </ChangeDialog>
  );
};
