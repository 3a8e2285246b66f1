import {
  Body1,
  Caption1,
  Card,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Filter20Regular } from '@fluentui/react-icons';
import type { RowSelectionState } from '@tanstack/react-table';
import { useEffect, useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { listenKey } from '../../../shared/proxy-rules';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { RuleNote } from '../../../shared/model';
import { listenEndpoint } from '../../lib/rules';
import { changeBlock } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { WslPanel } from '../wsl/WslPanel';
import { EditConflictDialog } from './EditConflictDialog';
import { IpHelperBar } from './IpHelperBar';
import { DriftPanel } from './DriftPanel';
import { disabledRow, rowMatches, RulesTable, type TableRule } from './RulesTable';
import { RulesToolbar } from './RulesToolbar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0 },
  count: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  intro: { color: tokens.colorNeutralForeground2 },
  filter: { width: 'min(320px, 100%)' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  group: { minWidth: '160px', maxWidth: '100%' },
  note: { color: tokens.colorNeutralForeground3 },
  empty: { padding: `${tokens.spacingVerticalS} 0`, color: tokens.colorNeutralForeground3 },
});

/** A group value no user can type (groups are trimmed text without control characters). */
const NO_GROUP = '\u0000none';

/** The Forwarding tab: IP Helper state, the rule set with its actions, inline edit. */
export const ForwardingView = ({ searchRef }: { searchRef: Ref<HTMLInputElement> }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const rulesView = useAppStore((s) => s.rulesView);
  const rulesError = useAppStore((s) => s.rulesError);
  const editing = useAppStore((s) => s.editingKey !== null);
  const editOperation = useAppStore((s) => s.operations['edit-rule']);
  const stopEditing = useAppStore((s) => s.stopEditing);
  const openDialog = useAppStore((s) => s.openDialog);
  const blocked = useAppStore((s) => changeBlock(s) !== null);
  const rulesLoading = useAppStore((s) => s.rulesLoading);
  const loadWslStatus = useAppStore((s) => s.loadWslStatus);
  const [filter, setFilter] = useState('');
  // '' = every group; NO_GROUP = rules without one.
  const [group, setGroup] = useState('');
  const book = useAppStore((s) => s.rulesView?.book ?? s.ruleBook);
  const enableOperation = useAppStore((s) => s.operations['enable-rule']);
  const enabledRule = useAppStore((s) => s.enabledRule);
  const enabledListen = enabledRule ? listenEndpoint(enabledRule) : '';

  // Which rule follows which distro moves with the rules: read WSL on arrival and after every rules read (F5).
  useEffect(() => {
    if (!rulesLoading) void loadWslStatus();
  }, [rulesLoading, loadWslStatus]);
  const [selection, setSelection] = useState<RowSelectionState>({});

  const rules = useMemo(() => rulesView?.rules ?? [], [rulesView]);
  const notes = useMemo(
    () => new Map<string, RuleNote>((book?.notes ?? []).map((note) => [note.listenKey, note])),
    [book],
  );
  const groups = useMemo(
    () => [...new Set((book?.notes ?? []).map((note) => note.group).filter((g) => g !== ''))].sort(),
    [book],
  );
  // Disabled rules are rows too (greyed, with Enable), after the ones Windows lists.
  const rows = useMemo(() => {
    const all: TableRule[] = [...rules, ...(book?.disabled ?? []).map(disabledRow)];
    if (group === '') return all;
    return all.filter((rule) => (notes.get(listenKey(rule))?.group ?? '') === (group === NO_GROUP ? '' : group));
  }, [rules, book, group, notes]);
  // Derived, so rules deleted or changed elsewhere drop out of the selection by themselves.
  const selected = useMemo(() => rules.filter((rule) => selection[listenKey(rule)] === true), [rules, selection]);
  const shown = useMemo(
    () =>
      rows.filter((rule: TableRule) => !rule.disabled && rowMatches(rule, notes.get(listenKey(rule)), filter)).length,
    [rows, filter, notes],
  );

  const body = () => {
    if (rulesView === null) {
      if (rulesError !== null) return <ErrorMessage error={rulesError} title={t('errors.title')} />;
      return <Body1>{t('rules.loading')}</Body1>;
    }
    if (rules.length === 0 && rows.length === 0) return <Body1 className={styles.empty}>{t('rules.empty')}</Body1>;
    return (
      <RulesTable
        rules={rows}
        notes={notes}
        filter={filter}
        selection={selection}
        onSelectionChange={setSelection}
        onDeleteKey={() => {
          if (selected.length > 0 && !blocked) openDialog({ kind: 'delete-rules', rules: selected });
        }}
      />
    );
  };

  return (
    <section className={styles.section} aria-labelledby="rules-title" data-testid="forwarding-view">
      <IpHelperBar />
      <WslPanel />
      <Card className={styles.card}>
        <div className={styles.head}>
          <Subtitle1 as="h2" id="rules-title" className={styles.title}>
            {t('rules.title')}
          </Subtitle1>
          {rulesView !== null ? (
            <Caption1 className={styles.count}>
              {shown === rules.length
                ? t('rules.count', { count: rules.length })
                : t('rules.summary', { shown, total: rules.length })}
              {selected.length > 0 ? ` · ${t('rules.selected', { count: selected.length })}` : ''}
            </Caption1>
          ) : null}
        </div>
        <Caption1 className={styles.intro}>{t('rules.intro')}</Caption1>
        <RulesToolbar rules={rules} selected={selected} />
        {book?.error !== undefined ? (
          <MessageBar intent="warning" layout="multiline" data-testid="rule-book-error">
            <MessageBarBody>{t('rules.bookError', { detail: book.error })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {rows.length > 0 || group !== '' ? (
          <div className={styles.filters}>
            <Field className={styles.filter} label={t('rules.filter')}>
              <Input
                ref={searchRef}
                type="search"
                contentBefore={<Filter20Regular />}
                placeholder={t('rules.filterPlaceholder')}
                value={filter}
                onChange={(_, data) => setFilter(data.value)}
                autoComplete="off"
                spellCheck={false}
                data-testid="rules-filter"
              />
            </Field>
            {groups.length > 0 ? (
              <Field className={styles.group} label={t('rules.groupFilter')}>
                <Dropdown
                  value={group === '' ? t('rules.allGroups') : group === NO_GROUP ? t('rules.noGroup') : group}
                  selectedOptions={[group]}
                  onOptionSelect={(_, data) => setGroup(data.optionValue ?? '')}
                  data-testid="rules-group-filter"
                >
                  <Option value="">{t('rules.allGroups')}</Option>
                  {groups.map((name) => (
                    <Option key={name} value={name}>
                      {name}
                    </Option>
                  ))}
                  <Option value={NO_GROUP}>{t('rules.noGroup')}</Option>
                </Dropdown>
              </Field>
            ) : null}
          </div>
        ) : null}
        {body()}
        {rules.length > 0 && shown === 0 ? (
          <Body1 className={styles.empty}>{t('rules.emptyFiltered', { text: filter.trim() })}</Body1>
        ) : null}
        <Caption1 className={styles.note} data-testid={editing ? 'edit-note' : undefined}>
          {editing ? t('rules.editNote') : rules.length > 0 ? t('rules.editHint') : null}
        </Caption1>
        {enableOperation.status === 'failed' ? (
          <div data-testid="enable-error">
            {enableOperation.error.code === 'conflict' ? (
              // The listen key is taken now: say so in words, not as the raw conflict payload.
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{t('rules.enableTaken', { listen: enabledListen })}</MessageBarBody>
              </MessageBar>
            ) : (
              <ErrorMessage error={enableOperation.error} title={t('errors.title')} />
            )}
          </div>
        ) : null}
        {enableOperation.status === 'done' ? (
          <Caption1 data-testid="enable-result" data-outcome={enableOperation.report.outcome}>
            {enableOperation.report.outcome === 'applied'
              ? t('rules.enabled', { listen: enabledListen })
              : t('rules.enableNotApplied', { listen: enabledListen })}
          </Caption1>
        ) : null}
        {editing && editOperation.status === 'failed' ? (
          <ErrorMessage error={editOperation.error} title={t('errors.title')} onDismiss={stopEditing} />
        ) : null}
      </Card>
      <DriftPanel />
      <EditConflictDialog />
    </section>
  );
};
