import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ChangeDialog } from '../../components/ChangeDialog';
import { ChangeReportView } from '../../components/ChangeReportView';
import { WslWarning } from '../../components/WslWarning';
import { useAppStore } from '../../store/store-context';

export const RestartWinnatDialog = () => {
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
      renderReport={(report) => <ChangeReportView report={report} diffTestId="restart-diff" />}
    >
      <Body1>{t('restart.intro')}</Body1>
      <WslWarning title={t('restart.warningTitle')} body={t('restart.warning')} />
    </ChangeDialog>
  );
};
