import { TableHeaderCell } from '@fluentui/react-components';
import { flexRender, type Header } from '@tanstack/react-table';

export interface SortableHeaderCellProps<T> {
  readonly header: Header<T, unknown>;
  readonly sortable: boolean;
  /** Numbers are right-aligned, so their header text is too. */
  readonly numeric: boolean;
  readonly numericClassName: string;
  readonly className?: string;
}

/** A Fluent header cell driven by a TanStack column: click to sort, with the direction announced. */
export const SortableHeaderCell = <T,>({
  header,
  sortable,
  numeric,
  numericClassName,
  className,
}: SortableHeaderCellProps<T>) => {
  const direction = header.column.getIsSorted();
  return (
    <TableHeaderCell
      className={className}
      button={numeric ? { className: numericClassName } : undefined}
      sortable={sortable}
      sortDirection={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
      onClick={sortable ? header.column.getToggleSortingHandler() : undefined}
    >
      {flexRender(header.column.columnDef.header, header.getContext())}
    </TableHeaderCell>
  );
};
