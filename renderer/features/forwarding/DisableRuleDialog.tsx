import { Body1, Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/model';
import { ChangeDialog } from '../../components/ChangeDialog';
import { connectEndpoint, listenEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';
import { RuleReportView } from './RuleReportView';

/** Disable: the rule leaves Windows (a visible confirmation first), Portwarden keeps it to enable again. */
export const DisableRuleDialog = ({ rule }: { rule: RuleView }) => {
  const { t } = useTranslation();
  const disableRule = useAppStore((s) => s.disableRule);
  return (
    <ChangeDialog
      kind="disable-rule"
      testId="disable-rule-dialog"
      title={t('disableRule.title')}
      confirmLabel={t('disableRule.confirm')}
      runningLabel={t('disableRule.running')}
      onConfirm={() => void disableRule(rule)}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('disableRule.body', { listen: listenEndpoint(rule), connect: connectEndpoint(rule) })}</Body1>
      <Caption1>{t('disableRule.keep')}</Caption1>
    </ChangeDialog>
  );
};
