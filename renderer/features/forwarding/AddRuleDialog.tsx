import {
  Body1,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listenKey, netshAddCommand, sameRule } from '../../../shared/proxy-rules';
import { deriveProxyType } from '../../../shared/proxy-rules';
import { ChangeDialog } from '../../components/ChangeDialog';
import { CopyButton } from '../../components/CopyButton';
import { NEW_DRAFT } from '../../lib/rule-draft';
import { hasFindings } from '../../store/rules-slice';
import { useAppStore } from '../../store/store-context';
import { PreflightWarnings, ReplaceQuestionBar } from './PreflightNotes';
import { RuleFormFields } from './RuleFormFields';
import { RuleNoteFields, useNoteDraft } from './RuleNoteFields';
import { RuleReportView } from './RuleReportView';
import { useRuleDraft } from './use-rule-draft';
import { WslRuleFields, useWslDraft } from '../wsl/WslRuleFields';
import { distroRefusal, wslUnavailable } from '../wsl/wsl-view';
import { listenEndpoint } from '../../lib/rules';

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
  reason: { color: tokens.colorNeutralForeground3, wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  targets: { display: 'flex', flexWrap: 'wrap' },
});

type Target = 'address' | 'distro';

/** Enter in a text box submits, as in the other forms; not on buttons, check boxes or the select. */
const submitsOnEnter = (event: KeyboardEvent<HTMLElement>): boolean => {
  const element = event.target as HTMLInputElement;
  return (
    event.key === 'Enter' &&
    element.tagName === 'INPUT' &&
    element.type !== 'checkbox' &&
    element.type !== 'radio' &&
    !event.nativeEvent.isComposing
  );
};

export const AddRuleDialog = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const form = useRuleDraft(NEW_DRAFT, { connectFollowsListen: true });
  // Name, group and comment (issue #11): kept by Portwarden once the rule is verified.
  const noteForm = useNoteDraft();
  // Off by default: opening the firewall is a decision, not a side effect of forwarding.
  const [firewall, setFirewall] = useState(false);
  const addRule = useAppStore((s) => s.addRule);
  const preflight = useAppStore((s) => s.preflight);
  const replaceQuestion = useAppStore((s) => s.replaceQuestion);
  const running = useAppStore((s) => s.operations['add-rule'].status === 'running');
  const rule = form.check.rule;
  const [target, setTarget] = useState<Target>('address');
  const wslStatus = useAppStore((s) => s.wslStatus);
  const wslError = useAppStore((s) => s.wslError);
  const loadWslStatus = useAppStore((s) => s.loadWslStatus);
  const addWslRule = useAppStore((s) => s.addWslRule);
  const replaceKey = useAppStore((s) => s.wslReplaceKey);
  const dismissWslReplace = useAppStore((s) => s.dismissWslReplace);
  const distros = wslStatus?.available ? wslStatus.distros : [];
  const wsl = useWslDraft(distros);
  const reasonId = useId();

  // A fresh read each time the dialog opens: distros start and stop outside the app.
  useEffect(() => {
    dismissWslReplace();
    void loadWslStatus();
  }, [loadWslStatus, dismissWslReplace]);

  const unavailable = wslUnavailable(wslStatus, wslError);
  const toDistro = target === 'distro' && unavailable === null;
  const chosen = distros.find((d) => d.name === wsl.draft.distro);
  const refusal = chosen ? distroRefusal(chosen) : null;
  // The rule a WSL target would add, from the address the status read (main reads it again).
  const wslRule =
    wsl.check.input && chosen?.address
      ? {
          type: deriveProxyType(wsl.check.input.listenAddress, chosen.address),
          listenAddress: wsl.check.input.listenAddress,
          listenPort: wsl.check.input.listenPort,
          connectAddress: chosen.address,
          connectPort: wsl.check.input.connectPort,
        }
      : null;
  const wslReplacing = toDistro && wslRule !== null && replaceKey === listenKey(wslRule);

  // Answers about another rule (the user changed the form since) no longer apply.
  const findings =
    preflight.status === 'done' && rule !== null && sameRule(preflight.value.rule, rule)
      ? preflight.value.result
      : null;
  const question =
    replaceQuestion !== null && rule !== null && sameRule(replaceQuestion.rule, rule) ? replaceQuestion : null;
  const confirmLabel = toDistro
    ? wslReplacing
      ? t('wsl.confirmReplace')
      : t('addRule.confirm')
    : question
      ? t('addRule.confirmReplace')
      : findings && hasFindings(findings)
        ? t('addRule.confirmAnyway')
        : t('addRule.confirm');

  const confirm = () => {
    if (toDistro) {
      wsl.attempt();
      if (wsl.check.input !== null && refusal === null)
        void addWslRule({ ...wsl.draft, firewall, replaceExisting: wslReplacing });
      return;
    }
    form.attempt();
    noteForm.attempt();
    if (rule === null || noteForm.check.note === null) return;
    void addRule({
      rule: form.draft,
      firewall,
      replaceExisting: question !== null,
      ...(noteForm.empty ? {} : { note: noteForm.check.note }),
    });
  };

  const command = toDistro ? (wslRule ? netshAddCommand(wslRule) : null) : rule ? netshAddCommand(rule) : null;

  return (
    <ChangeDialog
      kind="add-rule"
      testId="add-rule-dialog"
      title={t('addRule.title')}
      confirmLabel={confirmLabel}
      runningLabel={t('addRule.running')}
      pendingLabel={!toDistro && preflight.status === 'running' ? t('addRule.checking') : null}
      // "A WSL distro" while WSL cannot take a rule, or a distro that is stopped: the reason is shown above.
      confirmDisabled={target === 'distro' && (unavailable !== null || refusal !== null)}
      onConfirm={confirm}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('addRule.intro')}</Body1>
      <Field label={t('wsl.target')}>
        <RadioGroup
          layout="horizontal"
          className={styles.targets}
          value={target}
          onChange={(_, data) => setTarget(data.value as Target)}
          disabled={running}
          data-testid="rule-target"
        >
          <Radio value="address" label={t('wsl.targetAddress')} data-testid="rule-target-address" />
          <Radio
            value="distro"
            label={t('wsl.targetDistro')}
            disabled={unavailable !== null}
            aria-describedby={unavailable !== null ? reasonId : undefined}
            data-testid="rule-target-distro"
          />
        </RadioGroup>
      </Field>
      {unavailable !== null ? (
        <Caption1 id={reasonId} className={styles.reason} data-testid="rule-target-reason">
          {t(unavailable.key, 'values' in unavailable ? unavailable.values : {})}
        </Caption1>
      ) : null}
      <div
        onKeyDown={(event) => {
          if (!submitsOnEnter(event) || running) return;
          event.preventDefault();
          confirm();
        }}
      >
        {toDistro ? (
          <WslRuleFields form={wsl} distros={distros} disabled={running} />
        ) : (
          <>
            <RuleFormFields form={form} disabled={running} />
            <RuleNoteFields form={noteForm} disabled={running} />
          </>
        )}
      </div>
      <Checkbox
        label={t('ruleForm.firewall')}
        checked={firewall}
        onChange={(_, data) => setFirewall(data.checked === true)}
        disabled={running}
        data-testid="rule-firewall"
      />
      {command !== null ? (
        <div>
          <Caption1 className={styles.muted}>{t('ruleForm.command')}</Caption1>
          <div className={styles.command}>
            <pre className={styles.commandText} data-testid="rule-command">
              {command}
            </pre>
            <CopyButton
              size="small"
              iconOnly
              label={t('rules.copyNetsh')}
              aria-label={t('rules.copyNetsh')}
              text={() => command}
            />
          </div>
        </div>
      ) : null}
      {!toDistro && findings && rule ? <PreflightWarnings rule={rule} result={findings} /> : null}
      {!toDistro && preflight.status === 'failed' ? (
        <Caption1 className={styles.muted}>{t('addRule.preflightFailed')}</Caption1>
      ) : null}
      {!toDistro && question ? <ReplaceQuestionBar question={question} /> : null}
      {wslReplacing && wslRule ? (
        <MessageBar intent="warning" layout="multiline" data-testid="wsl-replace-question">
          <MessageBarBody>
            <MessageBarTitle>{t('wsl.replaceTitle')}</MessageBarTitle>
            {t('wsl.replaceBody', { listen: listenEndpoint(wslRule), name: wsl.draft.distro })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </ChangeDialog>
  );
};
