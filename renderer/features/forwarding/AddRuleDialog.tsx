import { Body1, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { netshAddCommand, sameRule } from '../../../shared/proxy-rules';
import { ChangeDialog } from '../../components/ChangeDialog';
import { CopyButton } from '../../components/CopyButton';
import { NEW_DRAFT } from '../../lib/rule-draft';
import { hasFindings } from '../../store/rules-slice';
import { useAppStore } from '../../store/store-context';
import { PreflightWarnings, ReplaceQuestionBar } from './PreflightNotes';
import { RuleFormFields } from './RuleFormFields';
import { RuleReportView } from './RuleReportView';
import { useRuleDraft } from './use-rule-draft';

const useStyles = makeStyles({
  command: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  commandText: {
    flexGrow: 1,
    margin: 0,
    padding: tokens.spacingVerticalXS + ' ' + tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export const AddRuleDialog = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const form = useRuleDraft(NEW_DRAFT, { connectFollowsListen: true });
  // Off by default: opening the firewall is a decision, not a side effect of forwarding.
  const [firewall, setFirewall] = useState(false);
  const addRule = useAppStore((s) => s.addRule);
  const preflight = useAppStore((s) => s.preflight);
  const replaceQuestion = useAppStore((s) => s.replaceQuestion);
  const running = useAppStore((s) => s.operations['add-rule'].status === 'running');
  const rule = form.check.rule;

  // Answers about another rule (the user changed the form since) no longer apply.
  const findings =
    preflight.status === 'done' && rule !== null && sameRule(preflight.value.rule, rule)
      ? preflight.value.result
      : null;
  const question =
    replaceQuestion !== null && rule !== null && sameRule(replaceQuestion.rule, rule) ? replaceQuestion : null;
  const confirmLabel = question
    ? t('addRule.confirmReplace')
    : findings && hasFindings(findings)
      ? t('addRule.confirmAnyway')
      : t('addRule.confirm');

  return (
    <ChangeDialog
      kind="add-rule"
      testId="add-rule-dialog"
      title={t('addRule.title')}
      confirmLabel={confirmLabel}
      runningLabel={t('addRule.running')}
      pendingLabel={preflight.status === 'running' ? t('addRule.checking') : null}
      onConfirm={() => {
        form.attempt();
        if (rule !== null) void addRule({ rule: form.draft, firewall, replaceExisting: question !== null });
      }}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('addRule.intro')}</Body1>
      <RuleFormFields form={form} disabled={running} />
      <Checkbox
        label={t('ruleForm.firewall')}
        checked={firewall}
        onChange={(_, data) => setFirewall(data.checked === true)}
        disabled={running}
        data-testid="rule-firewall"
      />
      {rule !== null ? (
        <div>
          <Caption1 className={styles.muted}>{t('ruleForm.command')}</Caption1>
          <div className={styles.command}>
            <pre className={styles.commandText} data-testid="rule-command">
              {netshAddCommand(rule)}
            </pre>
            <CopyButton
              size="small"
              iconOnly
              label={t('rules.copyNetsh')}
              aria-label={t('rules.copyNetsh')}
              text={() => netshAddCommand(rule)}
            />
          </div>
        </div>
      ) : null}
      {findings && rule ? <PreflightWarnings rule={rule} result={findings} /> : null}
      {preflight.status === 'failed' ? (
        <Caption1 className={styles.muted}>{t('addRule.preflightFailed')}</Caption1>
      ) : null}
      {question ? <ReplaceQuestionBar question={question} /> : null}
    </ChangeDialog>
  );
};
