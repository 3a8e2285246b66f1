import {
  Button,
  buttonClassNames,
  Caption1,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  useButtonStyles_unstable,
  type ButtonState,
} from '@fluentui/react-components';
import {
  ArrowSortDown16Regular,
  ArrowSortUp16Regular,
  iconFilledClassName,
  iconRegularClassName,
} from '@fluentui/react-icons';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Header,
  type SortingState,
} from '@tanstack/react-table';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Endpoint } from '../../../shared/model';
import { useFillViewport } from '../../components/use-fill-viewport';
import { ownerExplanation } from '../../lib/cause-wording';
import {
  buildOwnerRows,
  columnValue,
  createOwnersFilter,
  NUMERIC_COLUMNS,
  OWNER_COLUMNS,
  sortedOrder,
  type OwnerColumnId,
  type OwnersFilter,
  type OwnerRow,
  type RemoteNames,
  type RowStatus,
} from '../../lib/owners-rows';
import { changeBlock } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { OwnerRowView, type ButtonLook, type RowButtonLooks, type RowContext } from './OwnerRowView';
import { useFilterText, type FilterText } from './filter-text';
import { useTableTip } from './TableTip';
import { useFixedRows } from './use-fixed-rows';
import { containersFor } from '../wsl/wsl-view';

/**
 * Fixed, so the virtualizer never measures: 20,000 rows scroll at the cost of the ~30 on screen. 32 px
 * holds a small button (24 px) with room; at 36 a 1000x700 window showed 6 rows (issue #11).
 */
export const OWNER_ROW_HEIGHT = 32;
/** The header may need two lines for a long column name ("Local address", Korean words). */
const HEADER_HEIGHT = 36;
/** More than the rows a screen can show plus overscan, so two rows on screen never share a slot key. */
const SLOTS = 512;

// One grid for the header and every row; the flexible columns share what is left of the width. State
// is fixed at the width of its longest word (ESTABLISHED, CLOSE_WAIT, TIME_WAIT), so it is never cut.
const GRID =
  '52px minmax(80px, 1.1fr) 52px minmax(96px, 1.3fr) 104px 56px minmax(80px, 1fr) minmax(64px, 1.2fr) minmax(64px, 0.9fr) minmax(56px, 0.7fr) minmax(96px, 1.5fr) 124px';
/** The sum of the columns' minimum widths and gaps: below it the table scrolls sideways instead of cutting. */
const GRID_MIN_WIDTH = '1030px';
/** Without Path and User, the columns a narrow window gives up first (issue #11). */
const GRID_NARROW =
  '52px minmax(80px, 1.1fr) 52px minmax(96px, 1.3fr) 104px 56px minmax(80px, 1fr) minmax(56px, 0.7fr) minmax(96px, 1.5fr) 124px';
const GRID_NARROW_MIN_WIDTH = '884px';
/**
 * Windows too narrow for every column's minimum: the table is the window less 66 px (the page's and
 * the card's paddings) and a 15 px scrollbar, so all columns need 1030 + 81 px. Below, Path and User
 * are hidden (still searched: the filter finds a row by its path) and the actions column stays on
 * screen down to 965 px instead of behind a sideways scroll.
 */
export const OWNERS_NARROW = '@media (max-width: 1119px)';
/** The columns hidden in a narrow window. */
const WIDE_ONLY: ReadonlySet<string> = new Set<OwnerColumnId>(['path', 'user']);
/**
 * Columns whose text fits their fixed width (TCP or UDP, a port, a PID: six digits fit, a seventh at
 * most reaches into the gap to the next column): their cells need no clip. A clip makes its cell a
 * paint chunk of its own; ~57 fewer on screen took about half a millisecond off a keystroke's layout,
 * paint and layerizing (issue #13).
 */
const BOUNDED: ReadonlySet<string> = new Set<OwnerColumnId>(['protocol', 'localPort', 'pid']);

/**
 * Fluent's look of a disabled subtle Button (useButtonStyles' rootDisabledStyles: base, highContrast
 * and subtle), on the button's :disabled state rather than on classes of its own. A row's actions
 * become enabled or disabled whenever the row's slot shows another endpoint; swapping Fluent's
 * enabled classes for its disabled ones changed 59 of a button's 66 classes, each change scheduling
 * restyles of the button and its icon: about 1 ms of a keystroke's script, style, layout and paint in
 * the traces (issue #13). These rules sit on the enabled look's classes and win by specificity (one
 * pseudo-class more than each of Fluent's); the computed colours, borders and cursor are Fluent's, at
 * rest, on hover and in forced colours.
 */
const disabledLook = (color: string, backgroundColor: string, borderColor: string) => {
  const look = {
    backgroundColor,
    ...shorthands.borderColor(borderColor),
    color,
    cursor: 'not-allowed',
    [`& .${buttonClassNames.icon}`]: { color },
  };
  // An icon bundle shows its regular glyph while disabled, not the filled one of a hover.
  const glyph = {
    [`& .${iconFilledClassName}`]: { display: 'none' },
    [`& .${iconRegularClassName}`]: { display: 'inline' },
  };
  return { ...look, ':hover': { ...look, ...glyph }, ':hover:active,:active:focus-visible': { ...look, ...glyph } };
};

const useStyles = makeStyles({
  // The table's rounded border and its focus ring are drawn by a frame around the scroll area, not by the
  // scroll area: a rounded scroll container clips its composited contents to a rounded rectangle, and a
  // compositor without a GPU (the benchmark's Chromium, or a machine whose GPU Chromium cannot use)
  // then redrew the whole table through a mask for every frame, 20-25 ms of CPU in the GPU process per
  // keystroke during which no next frame could start (issue #13). The scroll area stays square and
  // opaque (an opaque one keeps its composited scrolling); the header rounds its own top corners.
  frame: {
    height: 'max(260px, calc(100vh - 340px))',
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':has(> :focus-visible)': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outlineStyle: 'none' },
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: GRID,
    alignItems: 'center',
    minWidth: GRID_MIN_WIDTH,
    columnGap: tokens.spacingHorizontalS,
    [OWNERS_NARROW]: { gridTemplateColumns: GRID_NARROW, minWidth: GRID_NARROW_MIN_WIDTH },
  },
  wideOnly: { [OWNERS_NARROW]: { display: 'none' } },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${HEADER_HEIGHT}px`,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTopLeftRadius: `calc(${tokens.borderRadiusMedium} - ${tokens.strokeWidthThin})`,
    borderTopRightRadius: `calc(${tokens.borderRadiusMedium} - ${tokens.strokeWidthThin})`,
  },
  headerCell: { minWidth: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  sortButton: {
    minWidth: 0,
    maxWidth: '100%',
    paddingLeft: 0,
    paddingRight: 0,
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { position: 'relative' },
  row: {
    height: `${OWNER_ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  // Absolutely placed rows: the body's height is the whole list, only the visible ones exist.
  placed: { position: 'absolute', left: 0, right: 0, top: 0 },
  added: {
    backgroundColor: tokens.colorPaletteLightGreenBackground1,
    ':hover': { backgroundColor: tokens.colorPaletteLightGreenBackground2 },
  },
  removed: { color: tokens.colorNeutralForeground4, textDecorationLine: 'line-through' },
  cell: { minWidth: 0, whiteSpace: 'nowrap' },
  // A text longer than its column ends in an ellipsis. overflow: clip rather than hidden: a hidden cell is
  // a scroll container, which each keystroke's layout updated for nothing (issue #13).
  cut: { overflow: 'clip', textOverflow: 'ellipsis' },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  mono: { fontVariantNumeric: 'tabular-nums' },
  explain: { color: tokens.colorNeutralForeground2 },
  tipHost: { display: 'inline-flex' },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXS,
    justifyContent: 'flex-end',
    alignItems: 'center',
    textDecorationLine: 'none',
  },
  // Fluent's buttons fade background, border and colour. A row slot that shows another endpoint after a
  // keystroke or a sort is not a button changing state: its colour (enabled <-> disabled) changes at once.
  // Fading it kept style, paint and commit running for every frame of 100 ms after each keystroke, as
  // long as the filtered frame itself took (issue #13). Hover still fades the background.
  // A row button's content is its own size (an icon, a word), so clipping it cuts nothing; Fluent's
  // overflow clip on the button and the icon's svg made two clip nodes per action, ~110 for the rows on
  // screen, each a paint chunk to layerize at every keystroke (issue #13).
  rowButton: {
    transitionProperty: 'background, border',
    overflow: 'visible',
    '& svg': { overflow: 'visible' },
    ':disabled': disabledLook(tokens.colorNeutralForegroundDisabled, tokens.colorTransparentBackground, 'transparent'),
    '@media (forced-colors: active)': { ':disabled': disabledLook('GrayText', 'ButtonFace', 'GrayText') },
  },
  status: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  empty: { padding: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3 },
});

const column = createColumnHelper<OwnerRow>();

/** The state useButtonStyles_unstable reads: a small subtle enabled button, with or without text. */
const buttonState = (iconOnly: boolean): ButtonState =>
  ({
    appearance: 'subtle',
    size: 'small',
    shape: 'rounded',
    iconPosition: 'before',
    disabled: false,
    disabledFocusable: false,
    iconOnly,
    components: { root: 'button', icon: 'span' },
    root: { className: undefined },
    icon: { className: undefined },
  }) as unknown as ButtonState;

const lookOf = (state: ButtonState, rowButton: string): ButtonLook => ({
  root: mergeClasses(state.root.className, rowButton),
  icon: state.icon?.className ?? '',
});

/**
 * Fluent's small subtle Button classes, worked out once per table render. The rows draw plain
 * <button> elements with them: a Fluent Button per action was a third of a keystroke's script at 20
 * rows x 3 actions (its hooks, and a style insertion effect per makeStyles call per button).
 */
const useRowButtonLooks = (): RowButtonLooks => {
  const { rowButton } = useStyles();
  // Enabled looks only: a disabled row button keeps them and rowButton's :disabled rules grey it out.
  const text = lookOf(useButtonStyles_unstable(buttonState(false)), rowButton);
  const icon = lookOf(useButtonStyles_unstable(buttonState(true)), rowButton);
  const key = [text, icon].map((look) => `${look.root}|${look.icon}`).join('|');
  // The same strings from one render to the next: one object, so the rows' context stays the same.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ({ text, icon }), [key]);
};

/** ChangeButton's wording for why no change can be made now (renderer/components/ChangeButton.tsx). */
const CHANGE_REASON = {
  checking: 'elevation.checkingReason',
  'not-elevated': 'elevation.disabledReason',
  busy: 'elevation.busyReason',
} as const;
type ColumnId = OwnerColumnId;
const NUMERIC = NUMERIC_COLUMNS;

export interface OwnersTableProps {
  readonly endpoints: readonly Endpoint[];
  /** endpointKey()s new since the last refresh: highlighted. */
  readonly added?: ReadonlySet<string>;
  /** Gone since the last refresh: shown struck through, without actions. */
  readonly removed?: readonly Endpoint[];
  /** The filter box's text (port, process or PID): only the rows subscribe to it. */
  readonly filter: FilterText;
}

// Stable defaults: a fresh [] per render would be new data every render, and TanStack's auto-reset
// after a filtered data change then re-renders forever.
const NONE: ReadonlySet<string> = new Set();
const NO_ROWS: readonly Endpoint[] = [];
const NO_NAMES: RemoteNames = new Map();

/**
 * The owners of ports as one sortable, filterable, virtualized grid.
 *
 * TanStack Table keeps the columns, the header cells and the sort state (click, Shift+click, the
 * first direction per column); the rows do not go through its row models. At 20,000-100,000 rows
 * those were the cost of every keystroke: the global filter called the match function once per
 * column for every row that did not match (building and lower-casing its text each time), and the
 * sorted and filtered models re-created and re-sorted the rows (comparing with a string split per
 * comparison). Here (renderer/lib/owners-rows.ts) search texts and sort ranks are computed once per
 * data change, a sort is an integer sort, and a keystroke scans only the rows that can still match.
 */
export const OwnersTable = ({ endpoints, added = NONE, removed = NO_ROWS, filter }: OwnersTableProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'localPort', desc: false }]);
  const [rowFilter] = useState(createOwnersFilter);
  const docker = useAppStore((s) => s.docker);
  // Names only while the lookup is on; the rows are rebuilt when answers arrive, never per keystroke.
  const names = useAppStore((s) => (s.ownersLookup ? s.ownersNames : NO_NAMES));
  const nativeLayer = useAppStore((s) => s.ownersView?.nativeLayer === true);
  const loadContainers = useAppStore((s) => s.loadContainers);
  const block = useAppStore(changeBlock);
  const openDialog = useAppStore((s) => s.openDialog);
  const openDoctor = useAppStore((s) => s.openDoctor);
  const tableTip = useTableTip();
  const buttons = useRowButtonLooks();

  // Docker's published ports (com.docker.backend.exe, vpnkit, wslrelay.exe) name their container; read
  // the containers again only when that set of ports changes, not at every refresh.
  const dockerPorts = useMemo(
    () =>
      [
        ...new Set(
          endpoints
            .filter((e) => e.owner === 'docker' || e.owner === 'wsl-relay')
            .map((e) => `${e.protocol}/${e.localPort}`),
        ),
      ]
        .sort()
        .join(' '),
    [endpoints],
  );
  useEffect(() => {
    if (dockerPorts !== '') void loadContainers();
  }, [dockerPorts, loadContainers]);

  // Explanations, search texts and cells are worked out once per data change, not per keystroke or render.
  const data = useMemo(
    () =>
      buildOwnerRows(
        endpoints,
        removed,
        added,
        // The container first: in a narrow column its name is what must stay readable.
        (endpoint) => [...containersFor(endpoint, docker), ownerExplanation(t, endpoint)].filter(Boolean).join(' · '),
        names,
      ),
    [endpoints, removed, added, t, docker, names],
  );
  const order = useMemo(() => sortedOrder(data, sorting), [data, sorting]);

  const columns = useMemo(
    () =>
      OWNER_COLUMNS.map((id) =>
        column.accessor((r) => columnValue(r, id), {
          id,
          header: () => t(`owners.${id}`),
          // Said here rather than detected from the first row, which would make TanStack build a row model.
          sortDescFirst: NUMERIC.has(id),
        }),
      ),
    [t],
  );

  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    // Sorting and filtering happen above; TanStack's row models are never asked for.
    manualSorting: true,
    manualFiltering: true,
    autoResetPageIndex: false,
    getCoreRowModel: getCoreRowModel(),
  });

  // One subscription and one set of class names for all rows, instead of a few per row.
  const context = useMemo((): RowContext => {
    const cell = (id: ColumnId) =>
      mergeClasses(
        styles.cell,
        !BOUNDED.has(id) && styles.cut,
        NUMERIC.has(id) && styles.numeric,
        (id === 'localAddress' || id === 'remote') && styles.mono,
        id === 'explanation' && styles.explain,
        WIDE_ONLY.has(id) && styles.wideOnly,
      );
    const row = (status: RowStatus) =>
      mergeClasses(
        styles.grid,
        styles.row,
        styles.placed,
        status === 'new' && styles.added,
        status === 'removed' && styles.removed,
      );
    return {
      t,
      nativeLayer,
      words: {
        kill: t('owners.kill'),
        closeConnection: t('owners.closeConnection'),
        missingWhy: nativeLayer ? t('owners.detailsDenied') : t('owners.needsNative'),
        newRow: t('owners.newRow'),
        removedRow: t('owners.removedRow'),
      },
      changeReason: block === null ? null : t(CHANGE_REASON[block]),
      cellClass: Object.fromEntries(OWNER_COLUMNS.map((id) => [id, cell(id)])) as Record<ColumnId, string>,
      rowClass: { new: row('new'), same: row('same'), removed: row('removed') },
      actionsClass: styles.actions,
      tipHostClass: styles.tipHost,
      buttons,
      kill: (endpoint) => openDialog({ kind: 'kill', endpoint }),
      close: (endpoint) => openDialog({ kind: 'close-connection', endpoint }),
      doctor: (endpoint) => openDoctor(endpoint.localPort, endpoint.protocol),
    };
  }, [styles, t, nativeLayer, block, openDialog, openDoctor, buttons]);

  const total = endpoints.length;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  // Docker absent or unreadable is a note: the ports are still explained, only not named.
  const note =
    dockerPorts !== '' && docker !== null && !docker.available
      ? t('docker.absent', { note: docker.reason ? t(`docker.reason.${docker.reason}`) : (docker.note ?? '') })
      : null;

  return (
    <>
      <OwnersRows
        data={data}
        order={order}
        rowFilter={rowFilter}
        filter={filter}
        total={total}
        countText={t('owners.count', { count: total })}
        note={note}
        context={context}
        headers={headers}
        sorting={sorting}
        tipHandlers={tableTip.handlers}
        refreshTip={tableTip.refresh}
      />
      {tableTip.element}
    </>
  );
};

interface OwnersRowsProps {
  readonly data: readonly OwnerRow[];
  readonly order: Int32Array;
  readonly rowFilter: OwnersFilter;
  readonly filter: FilterText;
  readonly total: number;
  /** The count line without a filter ("20,000 endpoints"), translated once per data change. */
  readonly countText: string;
  /** Why Docker's containers are not named, appended to the count line; or null. */
  readonly note: string | null;
  readonly context: RowContext;
  readonly headers: readonly Header<OwnerRow, unknown>[];
  readonly sorting: SortingState;
  readonly tipHandlers: ReturnType<typeof useTableTip>['handlers'];
  /** Re-reads the shown tooltip's text once the rows under it changed. */
  readonly refreshTip: () => void;
}

/**
 * The count line and the scroll area with the rows on screen: the part of the table a keystroke
 * changes, and the only one that reads the filter's text. The table above it keeps the data, the sort
 * and what every row shares, and does not re-render per keystroke (issue #13).
 */
const OwnersRows = memo(
  ({
    data,
    order,
    rowFilter,
    filter: filterText,
    total,
    countText,
    note,
    context,
    headers,
    sorting,
    tipHandlers,
    refreshTip,
  }: OwnersRowsProps) => {
    const { t } = useTranslation();
    const styles = useStyles();
    const filter = useFilterText(filterText);
    const frameRef = useRef<HTMLDivElement>(null);
    const scrollRef = useRef<HTMLDivElement>(null);
    const fillHeight = useFillViewport(frameRef);
    const visible = useMemo(() => rowFilter.apply(data, order, filter), [rowFilter, data, order, filter]);
    const shown = useMemo(() => {
      if (data.length === total) return visible.length;
      let count = 0;
      for (const index of visible) if (data[index]?.status !== 'removed') count++;
      return count;
    }, [visible, data, total]);
    // A few rows beyond the view on each side: enough for the next frame of a scroll, few to re-render.
    const rowsShown = useFixedRows(scrollRef, visible.length, OWNER_ROW_HEIGHT, 4);
    // Rows are reused by screen position: the element under a tooltip may now show another endpoint.
    useLayoutEffect(refreshTip, [refreshTip, data, visible]);

    return (
      <>
        <Caption1 className={styles.status} role="status" data-testid="owners-count">
          {filter.trim() === '' ? countText : t('owners.summary', { shown, total })}
          {note === null ? null : ` · ${note}`}
        </Caption1>
        <div
          ref={frameRef}
          className={styles.frame}
          // Down to the window's bottom: one scroll area, not a table scrolling inside a scrolling page (issue #11).
          style={fillHeight === undefined ? undefined : { height: `${fillHeight}px`, boxSizing: 'border-box' }}
        >
          <div
            ref={scrollRef}
            className={styles.scroller}
            tabIndex={0}
            data-testid="owners-table"
            role="table"
            aria-label={t('owners.title')}
            aria-rowcount={visible.length + 1}
            {...tipHandlers}
          >
            <HeaderRow headers={headers} sorting={sorting} />
            {visible.length === 0 ? (
              <div className={styles.empty}>
                {filter.trim() === '' ? t('owners.empty') : t('owners.emptyFiltered', { text: filter.trim() })}
              </div>
            ) : (
              <div className={styles.body} role="rowgroup" style={{ height: `${rowsShown.height}px` }}>
                {Array.from({ length: rowsShown.last - rowsShown.first }, (_, k) => {
                  const position = rowsShown.first + k;
                  const index = visible[position];
                  const row = index === undefined ? undefined : data[index];
                  // Keyed by screen slot, not by endpoint: a keystroke or a sort then updates the ~20 row
                  // elements on screen in place instead of unmounting them and mounting new ones.
                  return row ? (
                    <OwnerRowView
                      key={position % SLOTS}
                      row={row}
                      index={position}
                      offset={position * OWNER_ROW_HEIGHT}
                      context={context}
                    />
                  ) : null;
                })}
              </div>
            )}
          </div>
        </div>
      </>
    );
  },
);
OwnersRows.displayName = 'OwnersRows';

/**
 * Memoized on the headers and the sort state: typing in the filter re-renders the table, not its nine
 * header buttons.
 */
const HeaderRow = memo(({ headers }: { headers: readonly Header<OwnerRow, unknown>[]; sorting: SortingState }) => {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.grid, styles.header)} role="row" aria-rowindex={1}>
      {headers.map((header) => {
        const direction = header.column.getIsSorted();
        return (
          <div
            key={header.id}
            role="columnheader"
            className={mergeClasses(
              styles.headerCell,
              NUMERIC.has(header.column.id) && styles.numeric,
              WIDE_ONLY.has(header.column.id) && styles.wideOnly,
            )}
            aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
          >
            <Button
              appearance="transparent"
              size="small"
              className={styles.sortButton}
              icon={
                direction === 'asc' ? (
                  <ArrowSortUp16Regular />
                ) : direction === 'desc' ? (
                  <ArrowSortDown16Regular />
                ) : undefined
              }
              iconPosition="after"
              onClick={header.column.getToggleSortingHandler()}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
            </Button>
          </div>
        );
      })}
      <div role="columnheader" className={mergeClasses(styles.headerCell, styles.numeric)}>
        {t('owners.actions')}
      </div>
    </div>
  );
});
HeaderRow.displayName = 'HeaderRow';
