import { Body1, Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { useBackupName } from '../../lib/backup-name';
import { useAppStore } from '../../store/store-context';
import { RuleReportView } from './RuleReportView';

export const RestoreBackupDialog = ({ backup }: { backup: BackupInfo }) => {
  const { t } = useTranslation();
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const name = useBackupName()(backup);
  return (
    <ChangeDialog
      kind="restore-backup"
      testId="restore-backup-dialog"
      title={t('restoreBackup.title')}
      confirmLabel={t('restoreBackup.confirm')}
      runningLabel={t('restoreBackup.running')}
      onConfirm={() => void restoreBackup(backup)}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('restoreBackup.body', { count: backup.ruleCount, name })}</Body1>
      <Caption1>{t('restoreBackup.backupNote')}</Caption1>
    </ChangeDialog>
  );
};
