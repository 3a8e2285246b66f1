import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { useAppStore } from '../../store/store-context';
import { RuleList } from './RuleList';
import { RuleReportView } from './RuleReportView';

export const DeleteRulesDialog = ({ rules }: { rules: readonly RuleView[] }) => {
  const { t } = useTranslation();
  const deleteRules = useAppStore((s) => s.deleteRules);
  return (
    <ChangeDialog
      kind="delete-rules"
      testId="delete-rules-dialog"
      title={t('deleteRules.title')}
      confirmLabel={t('deleteRules.confirm')}
      runningLabel={t('deleteRules.running')}
      onConfirm={() => void deleteRules(rules)}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('deleteRules.body', { count: rules.length })}</Body1>
      <RuleList rules={rules} label={t('deleteRules.title')} testId="delete-rules-list" />
    </ChangeDialog>
  );
};
