import { Body1, Caption1, Card, Field, Input, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Filter20Regular } from '@fluentui/react-icons';
import type { RowSelectionState } from '@tanstack/react-table';
import { useEffect, useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { listenKey } from '../../../shared/proxy-rules';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ruleMatches } from '../../lib/rules';
import { changeBlock } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { WslPanel } from '../wsl/WslPanel';
import { EditConflictDialog } from './EditConflictDialog';
import { IpHelperBar } from './IpHelperBar';
import { RulesTable } from './RulesTable';
import { RulesToolbar } from './RulesToolbar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { margin: 0 },
  count: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  intro: { color: tokens.colorNeutralForeground2 },
  filter: { width: 'min(320px, 100%)' },
  note: { color: tokens.colorNeutralForeground3 },
  empty: { padding: `${tokens.spacingVerticalS} 0`, color: tokens.colorNeutralForeground3 },
});

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

  // Which rule follows which distro moves with the rules: read WSL on arrival and after every rules read (F5).
  useEffect(() => {
    if (!rulesLoading) void loadWslStatus();
  }, [rulesLoading, loadWslStatus]);
  const [selection, setSelection] = useState<RowSelectionState>({});

  const rules = useMemo(() => rulesView?.rules ?? [], [rulesView]);
  // Derived, so rules deleted or changed elsewhere drop out of the selection by themselves.
  const selected = useMemo(() => rules.filter((rule) => selection[listenKey(rule)] === true), [rules, selection]);
  const shown = useMemo(() => rules.filter((rule) => ruleMatches(rule, filter)).length, [rules, filter]);

  const body = () => {
    if (rulesView === null) {
      if (rulesError !== null) return <ErrorMessage error={rulesError} title={t('errors.title')} />;
      return <Body1>{t('rules.loading')}</Body1>;
    }
    if (rules.length === 0) return <Body1 className={styles.empty}>{t('rules.empty')}</Body1>;
    return (
      <RulesTable
        rules={rules}
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
        {rules.length > 0 ? (
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
        ) : null}
        {body()}
        {rules.length > 0 && shown === 0 ? (
          <Body1 className={styles.empty}>{t('rules.emptyFiltered', { text: filter.trim() })}</Body1>
        ) : null}
        <Caption1 className={styles.note} data-testid={editing ? 'edit-note' : undefined}>
          {editing ? t('rules.editNote') : rules.length > 0 ? t('rules.editHint') : null}
        </Caption1>
        {editing && editOperation.status === 'failed' ? (
          <ErrorMessage error={editOperation.error} title={t('errors.title')} onDismiss={stopEditing} />
        ) : null}
      </Card>
      <EditConflictDialog />
    </section>
  );
};
