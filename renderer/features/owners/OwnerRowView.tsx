import { DismissCircle20Regular, PlugDisconnected20Regular, Stethoscope20Regular } from '@fluentui/react-icons';
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { Endpoint } from '../../../shared/model';
import { criticalServiceOf } from '../../../shared/system-owners';
import { processLabel } from '../../lib/cause-wording';
import { closeRefusal, killRefusal } from '../../lib/owners';
import { OWNER_COLUMNS, type OwnerColumnId, type OwnerRow, type RowStatus } from '../../lib/owners-rows';
import { endpoint as formatEndpoint } from '../../lib/rules';
import { TIP_FROM_ATTRIBUTE, type TipFrom } from './TableTip';

/** The class names of one look of Fluent's Button: the root, and the icon's span. */
export interface ButtonLook {
  readonly root: string;
  readonly icon: string;
}

/**
 * Fluent's small subtle Button, with a word or an icon only. Enabled looks: a disabled action keeps
 * its classes, and the table's :disabled rules give it Fluent's disabled look (OwnersTable.tsx).
 */
export interface RowButtonLooks {
  readonly text: ButtonLook;
  readonly icon: ButtonLook;
}

/** What every row shares, made once per render of the table: a row then re-renders only for its own data. */
export interface RowContext {
  readonly t: TFunction;
  readonly nativeLayer: boolean;
  /** The words every row shows, translated once per render of the table rather than per row. */
  readonly words: {
    readonly kill: string;
    readonly closeConnection: string;
    readonly missingWhy: string;
    readonly newRow: string;
    readonly removedRow: string;
  };
  /** Why no change can be made now (checking rights, not elevated, another change running), or null. */
  readonly changeReason: string | null;
  /** Class names per cell, merged once rather than 11 times per row per render. */
  readonly cellClass: Readonly<Record<OwnerColumnId, string>>;
  readonly rowClass: Readonly<Record<RowStatus, string>>;
  readonly actionsClass: string;
  readonly tipHostClass: string;
  readonly buttons: RowButtonLooks;
  readonly kill: (endpoint: Endpoint) => void;
  readonly close: (endpoint: Endpoint) => void;
  readonly doctor: (endpoint: Endpoint) => void;
}

/**
 * The columns whose cells have a tooltip: the text a narrow column may cut, or what the cell does not
 * show (why a path is missing, the address behind a looked-up name). Read when it shows (TableTip).
 */
const TIP_COLUMNS: ReadonlySet<OwnerColumnId> = new Set<OwnerColumnId>([
  'localAddress',
  'remote',
  'image',
  'path',
  'user',
  'services',
  'explanation',
]);
const CELL_TIP = { [TIP_FROM_ATTRIBUTE]: 'text' satisfies TipFrom };
const ROW_TIP = { [TIP_FROM_ATTRIBUTE]: 'description' satisfies TipFrom };
const ACTION_TIP = { [TIP_FROM_ATTRIBUTE]: 'action' satisfies TipFrom };
const LABEL_TIP = { [TIP_FROM_ATTRIBUTE]: 'label' satisfies TipFrom };

/** Icons made once: React skips an element it was given last time, so they never re-render. */
const KILL_ICON = <DismissCircle20Regular />;
const CLOSE_ICON = <PlugDisconnected20Regular />;
const DOCTOR_ICON = <Stethoscope20Regular />;

/** Path and user come from the native layer only: an em dash says "not known", its description says why. */
const MISSING = '—';

interface RowTexts {
  /** The cells' texts, in OWNER_COLUMNS order. */
  readonly cells: readonly string[];
  readonly killLabel: string;
  readonly killRefusal: string | null;
  readonly closeLabel: string;
  readonly closeRefusal: string | null;
  readonly doctorLabel: string;
  /** The Remote cell's description while it shows a looked-up name: the address and the name; else null. */
  readonly remoteDescription: string | null;
}

const cellTexts = (row: OwnerRow): string[] => {
  const { endpoint } = row;
  return OWNER_COLUMNS.map((id) => {
    switch (id) {
      case 'protocol':
        return endpoint.protocol.toUpperCase();
      case 'localAddress':
        return endpoint.localAddress;
      case 'localPort':
        return String(endpoint.localPort);
      case 'remote':
        return row.remote;
      case 'state':
        return endpoint.state ?? '';
      case 'pid':
        return endpoint.pid === null ? '' : String(endpoint.pid);
      case 'image':
        return endpoint.image ?? '';
      case 'path':
        return endpoint.path ?? MISSING;
      case 'user':
        return endpoint.user ?? MISSING;
      case 'services':
        return row.services;
      case 'explanation':
        return row.explanation;
    }
  });
};

/**
 * The texts of a row, kept per row object: Backspace brings back rows shown a moment ago, and their
 * texts are not made again. A new language, or native layer, makes them anew.
 */
const textsCache = new WeakMap<OwnerRow, { t: TFunction; nativeLayer: boolean; texts: RowTexts }>();

const rowTexts = (row: OwnerRow, t: TFunction, nativeLayer: boolean): RowTexts => {
  const cached = textsCache.get(row);
  if (cached && cached.t === t && cached.nativeLayer === nativeLayer) return cached.texts;
  const { endpoint } = row;
  const kill = killRefusal(endpoint);
  const close = closeRefusal(endpoint, nativeLayer);
  const texts: RowTexts = {
    cells: cellTexts(row),
    killLabel: t('owners.killLabel', { process: processLabel(t, endpoint) }),
    killRefusal:
      kill === null
        ? null
        : t(`owners.refusal.${kill}`, {
            image: endpoint.image ?? '',
            service: criticalServiceOf(endpoint.services) ?? '',
          }),
    closeLabel:
      close === null
        ? t('owners.closeLabel', {
            local: formatEndpoint(endpoint.localAddress, endpoint.localPort),
            remote:
              endpoint.remoteAddress === null ? '—' : formatEndpoint(endpoint.remoteAddress, endpoint.remotePort ?? 0),
          })
        : t('owners.closeConnection'),
    closeRefusal: close === null ? null : t(`owners.closeRefusal.${close}`),
    doctorLabel: t('owners.doctorLabel', { port: endpoint.localPort }),
    remoteDescription:
      row.remoteName && endpoint.remoteAddress !== null
        ? t('owners.remoteTitle', {
            address: formatEndpoint(endpoint.remoteAddress, endpoint.remotePort ?? 0),
            name: row.remoteName,
          })
        : null,
  };
  textsCache.set(row, { t, nativeLayer, texts });
  return texts;
};

/**
 * What a cell says beyond its text, for assistive technology and the tooltip alike: why a path or a
 * user is missing, and the address behind a looked-up name. Only such cells have one, so a keystroke
 * writes it only where a row with one replaces a row without.
 */
const cellDescription = (id: OwnerColumnId, row: OwnerRow, texts: RowTexts, missingWhy: string): string | undefined => {
  if (id === 'remote') return texts.remoteDescription ?? undefined;
  if (id === 'path') return row.endpoint.path ? undefined : missingWhy;
  if (id === 'user') return row.endpoint.user ? undefined : missingWhy;
  return undefined;
};

/**
 * One row of the owners table. Memoized: a refresh that keeps a row's data re-renders nothing of it.
 * Plain elements with Fluent's classes and no components below it: the ~20 rows on screen are what a
 * keystroke re-renders, each element a fiber React walks (issue #13). Every attribute here either
 * depends on the row's endpoint because it must (texts, accessible names and descriptions, the test
 * hooks) or never changes for the row's slot; tooltips are read from those when they show (TableTip).
 */
export const OwnerRowView = memo(
  ({ row, index, offset, context }: { row: OwnerRow; index: number; offset: number; context: RowContext }) => {
    const { cellClass, words } = context;
    const { endpoint, status } = row;
    const texts = rowTexts(row, context.t, context.nativeLayer);
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        className={context.rowClass[status]}
        // Only the vertical offset is dynamic; it goes through the CSSOM (React's style prop), which the CSP allows.
        style={{ transform: `translateY(${offset}px)` }}
        aria-description={status === 'new' ? words.newRow : status === 'removed' ? words.removedRow : undefined}
        {...ROW_TIP}
        data-testid="owner-row"
        data-port={endpoint.localPort}
        data-pid={endpoint.pid ?? ''}
        data-status={status}
      >
        {OWNER_COLUMNS.map((id, column) => (
          <div
            key={id}
            role="cell"
            className={cellClass[id]}
            data-column={id}
            {...(TIP_COLUMNS.has(id) ? CELL_TIP : undefined)}
            aria-description={cellDescription(id, row, texts, words.missingWhy)}
          >
            {texts.cells[column]}
          </div>
        ))}
        <div role="cell" className={context.actionsClass}>
          {status === 'removed' ? null : rowActions(endpoint, texts, context)}
        </div>
      </div>
    );
  },
);
OwnerRowView.displayName = 'OwnerRowView';

/**
 * A row's three actions as plain <button>s in Fluent's looks (what Fluent's Button renders, without its
 * per-button hooks), built by a function rather than components: no fibers of their own to re-render.
 * Disabled outright with the reason in its description: not a tab stop per row (issue #11). A disabled
 * button gets no pointer events, so a wrapper that is always there (a row whose action becomes
 * available keeps its elements) is the tooltip's target.
 */
const rowActions = (endpoint: Endpoint, texts: RowTexts, context: RowContext) => {
  const { changeReason, tipHostClass, buttons, words } = context;
  // The kill policy first (PID 4, csrss.exe...), then the app-wide reason, as ChangeButton orders them.
  const killReason = texts.killRefusal ?? changeReason;
  const closeReason = changeReason ?? texts.closeRefusal;
  return (
    <>
      <span className={tipHostClass} {...ACTION_TIP}>
        <button
          type="button"
          className={buttons.text.root}
          disabled={killReason !== null}
          aria-label={texts.killLabel}
          aria-description={killReason ?? undefined}
          onClick={() => context.kill(endpoint)}
          data-testid="owner-kill"
        >
          <span className={buttons.text.icon}>{KILL_ICON}</span>
          {words.kill}
        </button>
      </span>
      {/* Close connection (TCPView's and CurrPorts'): on every row, disabled with the reason where Windows cannot. */}
      <span className={tipHostClass} {...ACTION_TIP}>
        <button
          type="button"
          className={buttons.icon.root}
          disabled={closeReason !== null}
          aria-label={texts.closeLabel}
          aria-description={closeReason ?? words.closeConnection}
          onClick={() => context.close(endpoint)}
          data-testid="owner-close"
        >
          <span className={buttons.icon.icon}>{CLOSE_ICON}</span>
        </button>
      </span>
      <button
        type="button"
        className={buttons.icon.root}
        aria-label={texts.doctorLabel}
        onClick={() => context.doctor(endpoint)}
        data-testid="owner-doctor"
        {...LABEL_TIP}
      >
        <span className={buttons.icon.icon}>{DOCTOR_ICON}</span>
      </button>
    </>
  );
};
