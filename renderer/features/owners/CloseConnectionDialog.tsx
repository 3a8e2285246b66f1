import { Body1, Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CloseConnectionReport, Endpoint } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ReportHead, StepList } from '../../components/ReportParts';
import { processLabel } from '../../lib/cause-wording';
import { endpoint as formatEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';

const CloseReportView = ({ report }: { report: CloseConnectionReport }) => {
  const { t } = useTranslation();
  const { connection } = report;
  return (
    <div data-testid="close-connection-report" data-outcome={report.outcome}>
      <ReportHead outcome={report.outcome} message={report.message} steps={report.steps} />
      {report.outcome === 'applied' ? (
        <Body1 block data-testid="close-connection-closed">
          {t('closeConnection.closed', {
            local: formatEndpoint(connection.localAddress, connection.localPort),
            remote: formatEndpoint(connection.remoteAddress, connection.remotePort),
            process: processLabel(t, report),
          })}
        </Body1>
      ) : null}
      <StepList steps={report.steps} />
    </div>
  );
};

/** Names both ends and the owning process before Windows resets the connection. */
export const CloseConnectionDialog = ({ endpoint }: { endpoint: Endpoint }) => {
  const { t } = useTranslation();
  const closeConnection = useAppStore((s) => s.closeConnection);
  const name = useAppStore((s) =>
    endpoint.remoteAddress === null ? null : (s.ownersNames.get(endpoint.remoteAddress) ?? null),
  );
  return (
    <ChangeDialog
      kind="close-connection"
      testId="close-connection-dialog"
      title={t('closeConnection.title')}
      confirmLabel={t('closeConnection.confirm')}
      runningLabel={t('closeConnection.running')}
      onConfirm={() => void closeConnection(endpoint)}
      renderReport={(report) => <CloseReportView report={report} />}
    >
      <Body1>
        {t('closeConnection.body', {
          local: formatEndpoint(endpoint.localAddress, endpoint.localPort),
          remote: formatEndpoint(endpoint.remoteAddress ?? '', endpoint.remotePort ?? 0),
          process: processLabel(t, endpoint),
        })}
      </Body1>
      {name ? <Caption1>{t('closeConnection.remoteName', { name })}</Caption1> : null}
    </ChangeDialog>
  );
};
