import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Endpoint, KillReport } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ReportHead, StepList } from '../../components/ReportParts';
import { processLabel } from '../../lib/cause-wording';
import { useAppStore } from '../../store/store-context';

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
