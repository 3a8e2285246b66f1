import { Button, Caption1, Field, Input, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleView } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { CopyButton } from '../../components/CopyButton';
import { ProgressNote } from '../../components/ProgressNote';
import { draftOf, netshEditCommands, RULE_FIELDS, type RuleField } from '../../lib/rule-draft';
import { hasFirewall, toProxyRule } from '../../lib/rules';
import { useAppStore } from '../../store/store-context';
import { useRuleDraft } from './use-rule-draft';

const useStyles = makeStyles({
  row: { backgroundColor: tokens.colorNeutralBackground1Selected, verticalAlign: 'top' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  input: { width: '100%', minWidth: '0' },
  port: { width: '9ch', minWidth: '0', fontVariantNumeric: 'tabular-nums' },
  // Ports line up on the right, as in the read-only rows.
  portField: { justifyItems: 'end', textAlign: 'right' },
  type: { fontFamily: tokens.fontFamilyMonospace, display: 'block', paddingTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', whiteSpace: 'nowrap' },
});

const LABEL_KEY = {
  listenAddress: 'rules.listenAddress',
  listenPort: 'rules.listenPort',
  connectAddress: 'rules.connectAddress',
  connectPort: 'rules.connectPort',
} as const satisfies Record<RuleField, string>;

/**
 * One rule as inputs, in place of its row. Enter saves, Escape cancels. Saving sends the rule as it
 * was shown (so the main process can spot a change made outside the app) and keeps the firewall as it is.
 */
export const RuleEditRow = ({ rule, focusField }: { rule: RuleView; focusField: RuleField | null }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const { draft, check, set, fieldProps, attempt } = useRuleDraft(draftOf(rule));
  const editRule = useAppStore((s) => s.editRule);
  const stopEditing = useAppStore((s) => s.stopEditing);
  const running = useAppStore((s) => s.operations['edit-rule'].status === 'running');
  const firstInput = useRef<HTMLInputElement>(null);
  const focusInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = focusInput.current ?? firstInput.current;
    input?.focus();
    input?.select();
  }, []);

  const save = () => {
    attempt();
    if (check.rule === null || running) return;
    void editRule({ original: toProxyRule(rule), updated: draft, firewall: hasFirewall(rule) });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing();
    }
  };

  return (
    <TableRow
      className={styles.row}
      onKeyDown={onKeyDown}
      data-testid="rule-row"
      data-listen={`${rule.listenAddress}:${rule.listenPort}`}
      data-editing="true"
      aria-busy={running}
    >
      <TableCell className={styles.cell} />
      <TableCell className={styles.cell}>
        <Caption1 className={styles.type} aria-label={t('rules.type')} data-testid="edit-type">
          {check.type}
        </Caption1>
      </TableCell>
      {RULE_FIELDS.map((field, index) => {
        const port = field === 'listenPort' || field === 'connectPort';
        return (
          <TableCell key={field} className={styles.cell}>
            <Field {...fieldProps(field)} size="small" className={port ? styles.portField : undefined}>
              <Input
                ref={field === focusField ? focusInput : index === 0 ? firstInput : undefined}
                size="small"
                className={port ? styles.port : styles.input}
                inputMode={port ? 'numeric' : 'text'}
                autoComplete="off"
                spellCheck={false}
                aria-label={t(LABEL_KEY[field])}
                value={draft[field]}
                onChange={(_, data) => set(field)(data.value)}
                disabled={running}
                data-testid={`edit-${field}`}
              />
            </Field>
          </TableCell>
        );
      })}
      <TableCell className={styles.cell}>{hasFirewall(rule) ? t('common.yes') : t('common.no')}</TableCell>
      <TableCell className={styles.cell}>{running ? <ProgressNote label={t('rules.editRunning')} /> : null}</TableCell>
      <TableCell className={styles.cell}>
        <span className={styles.actions}>
          <ChangeButton
            size="small"
            appearance="primary"
            icon={<Checkmark20Regular />}
            onClick={save}
            disabled={running}
            data-testid="edit-save"
          >
            {t('rules.save')}
          </ChangeButton>
          <Button
            size="small"
            icon={<Dismiss20Regular />}
            onClick={stopEditing}
            disabled={running}
            data-testid="edit-cancel"
          >
            {t('rules.cancelEdit')}
          </Button>
          <CopyButton
            size="small"
            appearance="subtle"
            iconOnly
            disabled={check.rule === null}
            label={t('rules.copyNetsh')}
            aria-label={t('rules.copyNetsh')}
            text={() => (check.rule ? netshEditCommands(toProxyRule(rule), check.rule).join('\r\n') : '')}
          />
        </span>
      </TableCell>
    </TableRow>
  );
};
