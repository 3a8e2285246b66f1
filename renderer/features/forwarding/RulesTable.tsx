import {
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableRow,
  TableSelectionCell,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  Edit20Regular,
  PauseCircle20Regular,
  PlayCircle20Regular,
  PlugConnected20Regular,
  Tag20Regular,
} from '@fluentui/react-icons';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listenKey, netshAddCommand } from '../../../shared/proxy-rules';
import type { DisabledRule, RuleCheck, RuleNote, RuleView } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { SortableHeaderCell } from '../../components/SortableHeaderCell';
import { CopyButton } from '../../components/CopyButton';
import type { RuleField } from '../../lib/rule-draft';
import { ruleStatus, type RuleTone } from '../../lib/rule-status';
import { listenEndpoint, ruleMatches, toProxyRule } from '../../lib/rules';
import { changeBlock } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ConnectAddressCell } from '../wsl/WslTargetCell';
import { RuleEditRow } from './RuleEditRow';
import { RuleStatusCell } from './RuleStatusCell';

const useStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: { tableLayout: 'auto', width: '100%' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numericHeader: { justifyContent: 'flex-end', textAlign: 'right' },
  // Wide enough for any IPv4 address on one line; longer IPv6 addresses and host names may wrap.
  address: { overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums', minWidth: '15ch' },
  type: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  status: { minWidth: '14ch' },
  actionCell: { width: '1%', whiteSpace: 'nowrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS, alignItems: 'center', justifyContent: 'flex-end' },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  // Disabled rules (kept by Portwarden, not in Windows): greyed, but still readable (contrast of Foreground3).
  off: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  name: { minWidth: '8ch', maxWidth: '28ch', overflowWrap: 'anywhere', wordBreak: 'keep-all' },
  comment: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    color: tokens.colorNeutralForeground3,
  },
  group: { whiteSpace: 'nowrap' },
});

/**
 * A row of the table: a rule as Windows lists it, or a disabled one Portwarden keeps (greyed, with
 * Enable). Disabled rows have no Windows firewall or status; `disabled` carries what was kept.
 */
export type TableRule = RuleView & { readonly disabled?: DisabledRule };

export const disabledRow = (rule: DisabledRule): TableRule => ({
  ...toProxyRule(rule),
  firewallRule: null,
  firewallRules: [],
  disabled: rule,
});

/** The filter box also finds a rule by its name, group or comment. */
export const rowMatches = (rule: RuleView, note: RuleNote | undefined, text: string): boolean =>
  ruleMatches(rule, text) ||
  (note !== undefined &&
    [note.name, note.group, note.comment].join(' ').toLowerCase().includes(text.trim().toLowerCase()));

const column = createColumnHelper<TableRule>();
const NUMERIC: ReadonlySet<string> = new Set(['listenPort', 'connectPort']);
const EDITABLE: ReadonlySet<string> = new Set<RuleField>([
  'listenAddress',
  'listenPort',
  'connectAddress',
  'connectPort',
]);
/** Sorting by status puts what needs attention first. */
const TONE_ORDER: Record<RuleTone, number> = { problem: 0, unknown: 1, unchecked: 2, ok: 3 };

export interface RulesTableProps {
  readonly rules: readonly TableRule[];
  /** Name, group and comment by listen key (Portwarden's rule book). */
  readonly notes: ReadonlyMap<string, RuleNote>;
  readonly filter: string;
  readonly selection: RowSelectionState;
  readonly onSelectionChange: OnChangeFn<RowSelectionState>;
  /** The Del key while the table has focus. */
  readonly onDeleteKey: () => void;
}

export const RulesTable = ({ rules, notes, filter, selection, onSelectionChange, onDeleteKey }: RulesTableProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const checks = useAppStore((s) => s.checks);
  const editingKey = useAppStore((s) => s.editingKey);
  const startEditing = useAppStore((s) => s.startEditing);
  const checkRules = useAppStore((s) => s.checkRules);
  const blocked = useAppStore((s) => changeBlock(s) !== null);
  const openDialog = useAppStore((s) => s.openDialog);
  /** The class of a data cell, the same for a rule Windows lists and one Portwarden keeps disabled. */
  const cellClass = (id: string): string => {
    if (NUMERIC.has(id)) return styles.numeric;
    switch (id) {
      case 'type':
        return styles.type;
      case 'group':
        return styles.group;
      case 'name':
        return styles.name;
      case 'status':
        return styles.status;
      case 'firewall':
        return styles.nowrap;
      default:
        return styles.address;
    }
  };
  /** Name, group and comment of a rule, in both kinds of row. */
  const detailsButton = (rule: TableRule, listen: string) => (
    <ChangeButton
      size="small"
      appearance="subtle"
      icon={<Tag20Regular />}
      aria-label={t('rules.detailsLabel', { listen })}
      hint={t('rules.detailsLabel', { listen })}
      onClick={() => openDialog({ kind: 'set-rule-note', rule: toProxyRule(rule) })}
      data-testid="rule-details"
    />
  );
  const enableRule = useAppStore((s) => s.enableRule);
  const { i18n } = useTranslation();
  const formatTime = (iso: string) => new Date(iso).toLocaleString(i18n.resolvedLanguage);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'listenPort', desc: false }]);
  const [focusField, setFocusField] = useState<RuleField | null>(null);

  // Saving with Enter unmounts the focused input: give focus back to the row's Edit button (issue #11), or
  // to the table when the row moved (a new listen port is a new row).
  const wrapRef = useRef<HTMLDivElement>(null);
  const lastEdited = useRef<string | null>(null);
  useEffect(() => {
    if (editingKey !== null) {
      lastEdited.current = editingKey;
      return;
    }
    const key = lastEdited.current;
    lastEdited.current = null;
    const wrap = wrapRef.current;
    if (key === null || wrap === null) return;
    // Only when focus fell to the page: a click elsewhere meanwhile stays where the user put it.
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const row = [...wrap.querySelectorAll<HTMLElement>('[data-testid="rule-row"]')].find(
      (element) => element.dataset.key === key,
    );
    (row?.querySelector<HTMLElement>('[data-testid="rule-edit"]') ?? wrap).focus();
  }, [editingKey]);

  const edit = (rule: RuleView, field: RuleField | null) => {
    if (blocked) return;
    setFocusField(field);
    startEditing(rule);
  };

  const columns = useMemo(
    () => [
      column.display({ id: 'select' }),
      // Name with the comment as secondary text (clamped to two lines; the whole comment in the tooltip).
      column.accessor((rule) => notes.get(listenKey(rule))?.name ?? '', {
        id: 'name',
        header: () => t('rules.name'),
        cell: ({ row }) => {
          const note = notes.get(listenKey(row.original));
          if (!note) return null;
          return (
            <span data-testid="rule-name">
              {note.name}
              {note.comment ? (
                <Tooltip content={note.comment} relationship="description">
                  <Caption1 as="span" className={styles.comment} tabIndex={0} data-testid="rule-comment">
                    {note.comment}
                  </Caption1>
                </Tooltip>
              ) : null}
            </span>
          );
        },
      }),
      column.accessor((rule) => notes.get(listenKey(rule))?.group ?? '', {
        id: 'group',
        header: () => t('rules.group'),
        cell: ({ getValue }) => <span data-testid="rule-group">{getValue()}</span>,
      }),
      column.accessor('type', { header: () => t('rules.type') }),
      column.accessor('listenAddress', { header: () => t('rules.listenAddress') }),
      column.accessor('listenPort', { header: () => t('rules.listenPort') }),
      // A rule that follows a WSL distro names it ("Ubuntu (172.x) · moved 5 min. ago"); sorting stays by address.
      column.accessor('connectAddress', {
        header: () => t('rules.connectAddress'),
        cell: ({ row }) => <ConnectAddressCell rule={row.original} />,
      }),
      column.accessor('connectPort', { header: () => t('rules.connectPort') }),
      // Firewall truth: any enabled inbound allow rule for the port (ours or the user's), named in the
      // tooltip; "Unknown" when the firewall could not be read, never a guessed "No".
      column.accessor((rule) => (rule.firewallRules === null ? 1 : rule.firewallRules.length > 0 ? 2 : 0), {
        id: 'firewall',
        header: () => t('rules.firewall'),
        cell: ({ row }) => {
          const names = row.original.firewallRules;
          if (names === null)
            return (
              <Tooltip content={t('rules.firewallUnknownHint')} relationship="description">
                <span tabIndex={0} data-testid="rule-firewall" data-state="unknown">
                  {t('rules.firewallUnknown')}
                </span>
              </Tooltip>
            );
          if (names.length === 0)
            return (
              <span data-testid="rule-firewall" data-state="no">
                {t('common.no')}
              </span>
            );
          return (
            <Tooltip
              content={
                names.length === 1
                  ? t('rules.firewallHint', { name: names[0] })
                  : t('rules.firewallHintMany', { names: names.map((n) => `“${n}”`).join(', ') })
              }
              relationship="description"
            >
              <span tabIndex={0} data-testid="rule-firewall" data-state="yes" data-rules={names.join('\n')}>
                {t('common.yes')}
              </span>
            </Tooltip>
          );
        },
      }),
      column.accessor((rule) => TONE_ORDER[ruleStatus(checks[listenKey(rule)] as RuleCheck | undefined).tone], {
        id: 'status',
        header: () => t('rules.status'),
        cell: ({ row }) => <RuleStatusCell rule={row.original} />,
      }),
      column.display({ id: 'actions', header: () => t('rules.actions') }),
    ],
    [t, checks, notes, styles.comment],
  );

  const data = useMemo(() => [...rules], [rules]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting, rowSelection: selection, globalFilter: filter },
    // A disabled rule may share its listen key with a rule added in Windows since: its own id.
    getRowId: (rule) => (rule.disabled ? `off|${listenKey(rule)}` : listenKey(rule)),
    onSortingChange: setSorting,
    onRowSelectionChange: onSelectionChange,
    enableRowSelection: (row) => !row.original.disabled,
    globalFilterFn: (row, _id, value: string) => rowMatches(row.original, notes.get(listenKey(row.original)), value),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // A row's check box is an <input> too, and the footer says "select rules and press Del": only text fields keep Del.
    const typing = target.tagName === 'TEXTAREA' || (target instanceof HTMLInputElement && target.type !== 'checkbox');
    if (event.key !== 'Delete' || editingKey !== null || typing) return;
    event.preventDefault();
    onDeleteKey();
  };

  const allSelected = table.getIsAllRowsSelected();
  const someSelected = table.getIsSomeRowsSelected();

  return (
    // Focusable so Del works after clicking anywhere in the table, not only on a check box.
    <div
      ref={wrapRef}
      className={styles.wrap}
      tabIndex={0}
      onKeyDown={onKeyDown}
      role="group"
      aria-label={t('rules.title')}
    >
      <Table size="small" sortable aria-label={t('rules.title')} className={styles.table} data-testid="rules-table">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                if (id === 'select') {
                  return (
                    <TableSelectionCell
                      key={header.id}
                      type="checkbox"
                      checked={allSelected ? true : someSelected ? 'mixed' : false}
                      onClick={() => table.toggleAllRowsSelected(!allSelected)}
                      checkboxIndicator={{ 'aria-label': t('rules.selectAll') }}
                      invisible={table.getRowModel().rows.length === 0}
                      data-testid="rules-select-all"
                    />
                  );
                }
                return (
                  <SortableHeaderCell
                    key={header.id}
                    header={header}
                    sortable={id !== 'actions'}
                    numeric={NUMERIC.has(id)}
                    numericClassName={styles.numericHeader}
                    className={id === 'actions' ? styles.actionCell : undefined}
                  />
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => {
            const rule = row.original;
            const listen = listenEndpoint(rule);
            if (row.id === editingKey) return <RuleEditRow key={row.id} rule={rule} focusField={focusField} />;
            if (rule.disabled) {
              const kept = rule.disabled;
              return (
                <TableRow
                  key={row.id}
                  className={styles.off}
                  data-testid="rule-row"
                  data-disabled="true"
                  data-key={row.id}
                  data-listen={`${rule.listenAddress}:${rule.listenPort}`}
                >
                  {row.getVisibleCells().map((cell) => {
                    const id = cell.column.id;
                    if (id === 'select') return <TableCell key={cell.id} />;
                    if (id === 'firewall')
                      return (
                        <TableCell key={cell.id} className={styles.nowrap}>
                          {kept.firewall ? t('common.yes') : t('common.no')}
                        </TableCell>
                      );
                    if (id === 'status')
                      return (
                        <TableCell key={cell.id} className={styles.status}>
                          <Tooltip
                            content={t('rules.disabledHint', { time: formatTime(kept.disabledAt) })}
                            relationship="description"
                          >
                            <span tabIndex={0} data-testid="rule-disabled">
                              {t('rules.disabled')}
                            </span>
                          </Tooltip>
                        </TableCell>
                      );
                    if (id === 'actions')
                      return (
                        <TableCell key={cell.id} className={styles.actionCell}>
                          <span className={styles.actions}>
                            <ChangeButton
                              size="small"
                              appearance="primary"
                              icon={<PlayCircle20Regular />}
                              aria-label={t('rules.enableLabel', { listen })}
                              hint={t('rules.enableLabel', { listen })}
                              onClick={() => void enableRule(kept)}
                              data-testid="rule-enable"
                            >
                              {t('rules.enable')}
                            </ChangeButton>
                            {detailsButton(rule, listen)}
                          </span>
                        </TableCell>
                      );
                    return (
                      <TableCell key={cell.id} className={cellClass(id)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            }
            return (
              <TableRow
                key={row.id}
                className={row.getIsSelected() ? styles.selected : undefined}
                aria-selected={row.getIsSelected()}
                data-testid="rule-row"
                data-key={row.id}
                data-listen={`${rule.listenAddress}:${rule.listenPort}`}
              >
                {row.getVisibleCells().map((cell) => {
                  const id = cell.column.id;
                  if (id === 'select') {
                    return (
                      <TableSelectionCell
                        key={cell.id}
                        type="checkbox"
                        checked={row.getIsSelected()}
                        onClick={() => row.toggleSelected()}
                        checkboxIndicator={{ 'aria-label': t('rules.selectRow', { listen }) }}
                      />
                    );
                  }
                  if (id === 'actions') {
                    return (
                      <TableCell key={cell.id} className={styles.actionCell}>
                        <span className={styles.actions}>
                          <Tooltip content={t('rules.checkLabel', { listen })} relationship="label" withArrow>
                            <Button
                              size="small"
                              appearance="subtle"
                              icon={<PlugConnected20Regular />}
                              onClick={() => void checkRules([rule])}
                              data-testid="rule-check"
                            />
                          </Tooltip>
                          <ChangeButton
                            size="small"
                            appearance="subtle"
                            icon={<Edit20Regular />}
                            aria-label={t('rules.editLabel', { listen })}
                            hint={t('rules.editLabel', { listen })}
                            onClick={() => edit(rule, null)}
                            data-testid="rule-edit"
                          />
                          {detailsButton(rule, listen)}
                          <ChangeButton
                            size="small"
                            appearance="subtle"
                            icon={<PauseCircle20Regular />}
                            aria-label={t('rules.disableLabel', { listen })}
                            hint={t('rules.disableLabel', { listen })}
                            onClick={() => openDialog({ kind: 'disable-rule', rule })}
                            data-testid="rule-disable"
                          />
                          <CopyButton
                            size="small"
                            appearance="subtle"
                            iconOnly
                            label={t('rules.copyNetsh')}
                            aria-label={t('rules.copyNetsh')}
                            text={() => netshAddCommand(toProxyRule(rule))}
                            data-testid="rule-copy-netsh"
                          />
                        </span>
                      </TableCell>
                    );
                  }
                  return (
                    <TableCell
                      key={cell.id}
                      className={cellClass(id)}
                      onDoubleClick={EDITABLE.has(id) ? () => edit(rule, id as RuleField) : undefined}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
};
