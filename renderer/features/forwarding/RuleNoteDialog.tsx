import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProxyRule } from '../../../shared/model';
import { listenKey } from '../../../shared/proxy-rules';
import { ChangeDialog } from '../../components/ChangeDialog';
import { listenEndpoint } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';
import { RuleNoteFields, useNoteDraft } from './RuleNoteFields';
import { RuleReportView } from './RuleReportView';

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground3 } });

/** Name, group and comment of one rule (in Windows or disabled); kept by Portwarden, not by Windows. */
export const RuleNoteDialog = ({ rule }: { rule: ProxyRule }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const current = useAppStore(
    (s) => (s.rulesView?.book ?? s.ruleBook)?.notes.find((n) => n.listenKey === listenKey(rule)) ?? null,
  );
  const form = useNoteDraft(current ?? undefined);
  const setRuleNote = useAppStore((s) => s.setRuleNote);
  const confirm = () => {
    form.attempt();
    if (form.check.note !== null) void setRuleNote(rule, form.check.note);
  };
  return (
    <ChangeDialog
      kind="set-rule-note"
      testId="rule-note-dialog"
      title={t('ruleNote.title')}
      confirmLabel={t('ruleNote.confirm')}
      runningLabel={t('ruleNote.running')}
      onConfirm={confirm}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>
        {listenEndpoint(rule)} → {rule.connectAddress}:{rule.connectPort}
      </Body1>
      <Caption1 className={styles.muted}>{t('ruleNote.intro')}</Caption1>
      <RuleNoteFields form={form} disabled={false} />
    </ChangeDialog>
  );
};
