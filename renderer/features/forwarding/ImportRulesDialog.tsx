import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isEmptyPlan, planRuleSet } from '../../../shared/proxy-rules';
import { ChangeDialog } from '../../components/ChangeDialog';
import { readImportRows, validateImportRows, type ImportRowIssue } from '../../lib/rule-import';
import { useValidationText } from '../../lib/use-validation-text';
import { useAppStore } from '../../store/store-context';
import { ImportPlanView, type ImportFirewall } from './ImportPlanView';
import { RuleReportView } from './RuleReportView';

const useStyles = makeStyles({
  sources: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
  fileName: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  text: { fontFamily: tokens.fontFamilyMonospace },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  firewall: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Mode = 'merge' | 'replace';

const FIELD_LABEL = {
  type: 'rules.type',
  listenAddress: 'rules.listenAddress',
  listenPort: 'rules.listenPort',
  connectAddress: 'rules.connectAddress',
  connectPort: 'rules.connectPort',
} as const;

/** "Row 3: Listen port — Enter a port from 1 to 65535." in the user's language. */
const useIssueText = () => {
  const { t } = useTranslation();
  const validationText = useValidationText();
  return (issue: ImportRowIssue) => {
    // The file's own field, named as written in it: the form has no "firewall" field to point at.
    if (issue.field === 'firewall') return t('importRules.firewallIssue', { row: issue.row });
    const label = issue.field in FIELD_LABEL ? t(FIELD_LABEL[issue.field as keyof typeof FIELD_LABEL]) : issue.field;
    return t('importRules.rowIssue', { row: issue.row, field: label, message: validationText(issue.key) });
  };
};

/**
 * Import from a file (read with File.text(), no permission needed) or pasted text. Every row is checked
 * before anything is offered; the preview is the plan the main process will apply.
 */
export const ImportRulesDialog = () => {
  const { t } = useTranslation();
  const styles = useStyles();
  const issueText = useIssueText();
  const importRules = useAppStore((s) => s.importRules);
  const current = useAppStore((s) => s.rulesView?.rules);
  const storeIssues = useAppStore((s) => s.importIssues);
  const running = useAppStore((s) => s.operations['import-rules'].status === 'running');
  const [text, setText] = useState('');
  const [mode, setMode] = useState<Mode>('merge');
  const [fileName, setFileName] = useState<string | null>(null);
  // The firewall confirmation belongs to the text it was given for: another file or an edit clears it.
  const [firewallConfirmedFor, setFirewallConfirmedFor] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const read = useMemo(() => (text.trim() === '' ? null : readImportRows(text)), [text]);
  const validated = useMemo(() => (read?.ok ? validateImportRows(read.rows) : null), [read]);
  const plan = useMemo(
    () => (validated?.ok ? planRuleSet(current ?? [], validated.rules, mode) : null),
    [validated, current, mode],
  );
  const issues = validated && !validated.ok ? validated.issues : storeIssues;
  const firewallPorts = useMemo(() => (validated?.ok ? validated.firewallPorts : []), [validated]);
  const firewall: ImportFirewall = useMemo(
    () => ({
      ports: firewallPorts,
      existing: new Set((current ?? []).filter((rule) => rule.firewallRule !== null).map((rule) => rule.listenPort)),
      confirmed: firewallConfirmedFor === text && firewallPorts.length > 0,
    }),
    [firewallPorts, current, firewallConfirmedFor, text],
  );
  const firewallToAdd = firewallPorts.filter((port) => !firewall.existing.has(port));
  const withFirewall = firewall.confirmed && firewallToAdd.length > 0;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    // Choosing the same file again (after fixing it) must fire change again.
    event.target.value = '';
  };

  return (
    <ChangeDialog
      kind="import-rules"
      testId="import-dialog"
      title={t('importRules.title')}
      confirmLabel={withFirewall ? t('importRules.confirmFirewall') : t('importRules.confirm')}
      runningLabel={t('importRules.running')}
      confirmDisabled={plan === null || (isEmptyPlan(plan) && !withFirewall)}
      wide
      onConfirm={() => {
        if (read?.ok) void importRules({ rows: read.rows, mode, firewall: firewall.confirmed });
      }}
      renderReport={(report) => <RuleReportView report={report} />}
    >
      <Body1>{t('importRules.intro')}</Body1>
      <div className={styles.sources}>
        <div className={styles.file}>
          {/* The native picker, styled as a Fluent button; File.text() needs no permission (docs/architecture.md §5). */}
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onFile(e)}
            data-testid="import-file"
          />
          <Button icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()} disabled={running}>
            {t('importRules.file')}
          </Button>
          {fileName ? <Caption1 className={styles.fileName}>{fileName}</Caption1> : null}
        </div>
        <Field label={t('importRules.paste')}>
          <Textarea
            className={styles.text}
            textarea={{ className: styles.text, spellCheck: false }}
            resize="vertical"
            rows={5}
            value={text}
            onChange={(_, data) => setText(data.value)}
            disabled={running}
            data-testid="import-text"
          />
        </Field>
      </div>
      {read && !read.ok ? (
        <MessageBar intent="error" layout="multiline" data-testid="import-problem">
          <MessageBarBody>
            {read.problem === 'json'
              ? t('importRules.invalidJson', { detail: read.detail ?? '' })
              : read.problem === 'shape'
                ? t('importRules.invalidShape')
                : t('importRules.tooMany')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {issues.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="import-issues">
          <MessageBarBody>
            <MessageBarTitle>{t('importRules.invalidTitle')}</MessageBarTitle>
            <ul className={styles.issues}>
              {issues.map((issue) => (
                <li key={`${issue.row}-${issue.field}`}>{issueText(issue)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan !== null ? (
        <>
          <Field label={t('importRules.mode')}>
            <RadioGroup
              value={mode}
              onChange={(_, data) => setMode(data.value as Mode)}
              disabled={running}
              data-testid="import-mode"
            >
              <Radio value="merge" label={t('importRules.merge')} />
              <Radio value="replace" label={t('importRules.replace')} />
            </RadioGroup>
          </Field>
          <ImportPlanView plan={plan} firewall={firewall} />
          {firewallToAdd.length > 0 ? (
            <div className={styles.firewall} data-testid="import-firewall">
              <Checkbox
                checked={firewall.confirmed}
                onChange={(_, data) => setFirewallConfirmedFor(data.checked === true ? text : null)}
                disabled={running}
                label={t('importRules.firewallConfirm', {
                  count: firewallToAdd.length,
                  ports: firewallToAdd.join(', '),
                })}
                data-testid="import-firewall-confirm"
              />
              <Caption1 className={styles.muted}>{t('importRules.firewallExplain')}</Caption1>
            </div>
          ) : null}
          <Caption1 className={styles.muted}>{t('importRules.backupNote')}</Caption1>
        </>
      ) : null}
    </ChangeDialog>
  );
};
