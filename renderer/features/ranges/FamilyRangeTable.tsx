import {
  Badge,
  Button,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableRow,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExcludedRange, ExcludedRangeTable } from '../../../shared/model';
import { ChangeButton } from '../../components/ChangeButton';
import { DisabledWithReason } from '../../components/DisabledWithReason';
import { SortableHeaderCell } from '../../components/SortableHeaderCell';
import { familyKey, familyLabel, rangeSize } from '../../lib/families';
import { useAppStore } from '../../store/store-context';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  headerRow: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  table: { tableLayout: 'auto', width: '100%' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numericHeader: { justifyContent: 'flex-end', textAlign: 'right' },
  nowrap: { whiteSpace: 'nowrap' },
  actionCell: { width: '1%', whiteSpace: 'nowrap', textAlign: 'right' },
  note: { padding: `${tokens.spacingVerticalS} 0`, color: tokens.colorNeutralForeground3 },
  error: {
    padding: `${tokens.spacingVerticalS} 0`,
    color: tokens.colorPaletteRedForeground1,
    overflowWrap: 'anywhere',
  },
});

const column = createColumnHelper<ExcludedRange>();
type ColumnId = 'start' | 'end' | 'size' | 'kind' | 'actions';
const NUMERIC: ReadonlySet<string> = new Set<ColumnId>(['start', 'end', 'size']);

export interface FamilyRangeTableProps {
  readonly table: ExcludedRangeTable;
  /** The rows to show (already filtered by the port box). */
  readonly ranges: readonly ExcludedRange[];
  /** The port being filtered on, for the empty message. */
  readonly port: number | null;
}

/** One excluded-range table (one protocol family). Used four times; sorting by @tanstack/react-table. */
export const FamilyRangeTable = ({ table, ranges, port }: FamilyRangeTableProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const openDialog = useAppStore((s) => s.openDialog);
  // Without WinNAT a system row belongs to a Windows service (2869 SSDP, 5357 WSD): "restart WinNAT" would be wrong.
  const winnatAbsent = useAppStore((s) => s.snapshot?.winnat === 'absent');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'start', desc: false }]);
  const family = useMemo(
    () => ({ protocol: table.protocol, ipVersion: table.ipVersion }),
    [table.protocol, table.ipVersion],
  );
  const label = familyLabel(family);

  const columns = useMemo(
    () => [
      column.accessor('start', { id: 'start', header: () => t('ranges.start') }),
      column.accessor('end', { id: 'end', header: () => t('ranges.end') }),
      column.accessor((range) => rangeSize(range), { id: 'size', header: () => t('ranges.size') }),
      column.accessor('administered', {
        id: 'kind',
        header: () => t('ranges.kind'),
        cell: (info) =>
          info.getValue() ? (
            <Tooltip content={t('ranges.administeredHint')} relationship="description">
              <Badge appearance="tint" color="brand" tabIndex={0}>
                {t('ranges.administered')} *
              </Badge>
            </Tooltip>
          ) : (
            <Badge appearance="outline" color="informative">
              {t('ranges.system')}
            </Badge>
          ),
      }),
      column.display({
        id: 'actions',
        header: () => t('ranges.actions'),
        cell: ({ row }) => {
          const range = row.original;
          const deleteLabel = t('ranges.deleteLabel', { start: range.start, end: range.end, family: label });
          if (!range.administered) {
            const reason = t(winnatAbsent ? 'ranges.systemDeleteReasonNoWinnat' : 'ranges.systemDeleteReason');
            // Disabled outright: one focusable Delete per system row made dozens of dead tab stops (issue #11).
            return (
              <DisabledWithReason reason={reason}>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Delete20Regular />}
                  disabled
                  aria-label={deleteLabel}
                  aria-description={reason}
                >
                  {t('ranges.delete')}
                </Button>
              </DisabledWithReason>
            );
          }
          return (
            <ChangeButton
              size="small"
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-label={deleteLabel}
              onClick={() => openDialog({ kind: 'delete', family, range })}
            >
              {t('ranges.delete')}
            </ChangeButton>
          );
        },
      }),
    ],
    [t, label, family, openDialog, winnatAbsent],
  );

  const data = useMemo(() => [...ranges], [ranges]);
  const reactTable = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const body = () => {
    if (table.error !== undefined) {
      return (
        <div role="alert" className={styles.error}>
          {t('ranges.tableError', { message: table.error })}
        </div>
      );
    }
    if (ranges.length === 0) {
      return (
        <div className={styles.note}>{port === null ? t('ranges.empty') : t('ranges.emptyFiltered', { port })}</div>
      );
    }
    return (
      <Table size="small" sortable aria-label={label} className={styles.table}>
        <TableHeader>
          {reactTable.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                return (
                  <SortableHeaderCell
                    key={header.id}
                    header={header}
                    sortable={header.column.getCanSort() && header.column.id !== 'actions'}
                    numeric={NUMERIC.has(header.column.id)}
                    numericClassName={styles.numericHeader}
                    className={header.column.id === 'actions' ? styles.actionCell : undefined}
                  />
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {reactTable.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-kind={row.original.administered ? 'administered' : 'system'}>
              {row.getVisibleCells().map((cell) => (
                <TableCell
                  key={cell.id}
                  className={
                    NUMERIC.has(cell.column.id)
                      ? styles.numeric
                      : cell.column.id === 'actions'
                        ? styles.actionCell
                        : styles.nowrap
                  }
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  };

  return (
    <Card className={styles.card} data-testid={`ranges-table-${familyKey(family)}`} role="region" aria-label={label}>
      <CardHeader
        header={
          <div className={styles.headerRow}>
            <Subtitle2 as="h3">{label}</Subtitle2>
            {table.error === undefined ? (
              <Caption1 className={styles.numeric}>
                {port === null
                  ? t('ranges.count', { count: table.ranges.length })
                  : t('ranges.summary', { shown: ranges.length, total: table.ranges.length })}
              </Caption1>
            ) : null}
          </div>
        }
      />
      {body()}
    </Card>
  );
};
