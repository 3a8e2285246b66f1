import { Body1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ChangeDialog } from '../../components/ChangeDialog';
import { useAppStore } from '../../store/store-context';
import { RuleReportView } from './RuleReportView';

export const ResetRulesDialog = () => {
  const { t } = useTranslation();
  const resetRules = useAppStore((s) => s.resetRules);
  const count = useAppStore((s) => s.rulesView?.rules.length ?? 0);
  return (
    <ChangeDialog
      kind="reset-rules"
      testId="reset-rules-dialog"
      title={t('resetRules.title')}
      confirmLabel={t('resetRules.confirm')}
      runningLabel={t('resetRules.running')}
      onConfirm={() => void resetRules()}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('resetRules.body', { count })}</Body1>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('resetRules.backupNote')}</MessageBarBody>
      </MessageBar>
    </ChangeDialog>
  );
};
