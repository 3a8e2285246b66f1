import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ChangeReportView } from '../../components/ChangeReportView';
import { WslWarning } from '../../components/WslWarning';
import { useAppStore } from '../../store/store-context';

/** `port`: the port the user asked about, named in the outcome. */
export const RestartWinnatDialog = ({ port, protocol = 'tcp' }: { port?: number; protocol?: Protocol }) => {
  const { t } = useTranslation();
  const restartWinnat = useAppStore((s) => s.restartWinnat);
  return (
    <ChangeDialog
      kind="restart"
      testId="restart-winnat-dialog"
      title={t('restart.title')}
      confirmLabel={t('restart.confirm')}
      runningLabel={t('restart.running')}
      onConfirm={() => void restartWinnat()}
      renderReport={(report) => (
        <ChangeReportView
          report={report}
          diffTestId="restart-diff"
          asked={port === undefined ? undefined : { port, protocol }}
        />
      )}
    >
      <Body1>{t('restart.intro')}</Body1>
      <WslWarning title={t('restart.warningTitle')} body={t('restart.warning')} />
    </ChangeDialog>
  );
};
