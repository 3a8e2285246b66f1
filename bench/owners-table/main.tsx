/**
 * Benchmark page for the owners table, one mode per load (`?mode=`, `?rows=` endpoints, default 20,000):
 *
 * - `product`: the product's owners view (OwnersView: its toolbar, filter box and OwnersTable, what a
 *   keystroke re-renders in the app) over the synthetic endpoints, read through the app store from a
 *   fake Api, with the auto-refresh paused so no read lands during a measurement.
 * - `floor`: the least any implementation must do for the same interactions, in plain JavaScript and
 *   DOM: the same search texts (precomputed once, as the product does), a full scan per keystroke with
 *   the product's match rule, a comparator sort per header click, and an update of `?domRows=` row
 *   elements (the product's on-screen rows) with the same markup roles the probe reads.
 * - `memory`: the product's OwnersTable fed from the real app store; window.__ownersRefresh(n) runs n
 *   store updates of the owners list (a new endpoints array each time, some rows replaced, as a read
 *   over IPC gives), each rendered before the next.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Endpoint } from '../../shared/model';
import { ok } from '../../shared/result';
import { createFilterText } from '../../renderer/features/owners/filter-text';
import { OwnersTable } from '../../renderer/features/owners/OwnersTable';
import { OwnersView } from '../../renderer/features/owners/OwnersView';
import { initI18n } from '../../renderer/i18n/i18n';
import {
  columnValue,
  NUMERIC_COLUMNS,
  OWNER_COLUMNS,
  naturalKey,
  parseOwnerQuery,
  rowMatches,
  searchText,
  type OwnerRow,
} from '../../renderer/lib/owners-rows';
import { createAppStore } from '../../renderer/store/create-app-store';
import { AppStoreProvider, useAppStore } from '../../renderer/store/store-context';
import { createFakeApi, sampleOwnersView } from '../../test/helpers/fake-api';
import { syntheticEndpoints } from './synthetic-endpoints';

declare global {
  interface Window {
    __benchReady?: boolean;
    __ownersRefresh?: (count: number) => Promise<number>;
  }
}

const params = new URLSearchParams(location.search);
const count = Number(params.get('rows') ?? '20000') || 20000;
const mode = params.get('mode') ?? 'product';
const domRows = Number(params.get('domRows') ?? '21') || 21;
const endpoints = syntheticEndpoints(count);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// ------------------------------------------------------------------------------------------- floor

/** The product's cells, in OWNER_COLUMNS order. */
const cellText = (e: Endpoint, remote: string): string[] => [
  e.protocol.toUpperCase(),
  e.localAddress,
  String(e.localPort),
  remote,
  e.state ?? '',
  e.pid === null ? '' : String(e.pid),
  e.image ?? '',
  e.path ?? '—',
  e.user ?? '—',
  e.services.join(', '),
  '',
];

const mountFloor = (host: HTMLElement) => {
  const rows: OwnerRow[] = endpoints.map((endpoint) => {
    const remote = endpoint.remoteAddress === null ? '' : `${endpoint.remoteAddress}:${endpoint.remotePort ?? 0}`;
    return {
      key: '',
      endpoint,
      status: 'same',
      explanation: '',
      remote,
      remoteName: '',
      services: endpoint.services.join(', '),
      search: searchText(endpoint),
    };
  });
  // Sort keys worked out once, as a plain implementation would keep them.
  const keys = OWNER_COLUMNS.map((id) =>
    rows.map((row): string | number => {
      const value = columnValue(row, id);
      return typeof value === 'number' ? value : naturalKey(value);
    }),
  );
  const sortBy = (column: (string | number)[], desc: boolean): number[] =>
    rows
      .map((_, i) => i)
      .sort((a, b) => {
        const [ka, kb] = [column[a] as string | number, column[b] as string | number];
        const diff = ka < kb ? -1 : ka > kb ? 1 : 0;
        return (desc ? -diff : diff) || a - b;
      });
  // The product's default order (local port, ascending): the scan then walks rows in the same order.
  let order = sortBy(keys[OWNER_COLUMNS.indexOf('localPort')] as (string | number)[], false);
  let query = '';
  const input = document.createElement('input');
  input.dataset.testid = 'owners-filter';
  const table = document.createElement('div');
  table.setAttribute('role', 'table');
  const header = document.createElement('div');
  header.setAttribute('role', 'row');
  OWNER_COLUMNS.forEach((id, c) => {
    const cell = document.createElement('div');
    cell.setAttribute('role', 'columnheader');
    const button = document.createElement('button');
    button.textContent = id;
    button.dataset.column = id;
    let desc = !NUMERIC_COLUMNS.has(id);
    button.addEventListener('click', () => {
      desc = !desc;
      order = sortBy(keys[c] as (string | number)[], desc);
      render();
    });
    cell.append(button);
    header.append(cell);
  });
  const body = document.createElement('div');
  body.setAttribute('role', 'rowgroup');
  const rowElements = Array.from({ length: domRows }, () => {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.dataset.testid = 'owner-row';
    const cells = Array.from({ length: OWNER_COLUMNS.length }, () => {
      const cell = document.createElement('div');
      cell.setAttribute('role', 'cell');
      row.append(cell);
      return cell;
    });
    body.append(row);
    return { row, cells };
  });
  table.append(header, body);
  host.append(input, table);

  const render = () => {
    const parsed = parseOwnerQuery(query);
    const shown: number[] = [];
    for (const index of order) if (rowMatches(rows[index] as OwnerRow, parsed)) shown.push(index);
    table.setAttribute('aria-rowcount', String(shown.length + 1));
    rowElements.forEach(({ row, cells }, i) => {
      const index = shown[i];
      row.hidden = index === undefined;
      if (index === undefined) return;
      const data = rows[index] as OwnerRow;
      cellText(data.endpoint, data.remote).forEach((text, c) => {
        const cell = cells[c] as HTMLElement;
        if (cell.textContent !== text) cell.textContent = text;
      });
    });
  };
  input.addEventListener('input', () => {
    query = input.value;
    render();
  });
  render();
  window.__benchReady = true;
};

// ----------------------------------------------------------------------------------- product, memory

initI18n();
// Elevated, so every Kill button is the plain enabled one (as for an administrator).
const api = createFakeApi();
const store = createAppStore(api);
void store.getState().loadSystemInfo();

/** The app's owners view; ready once its table shows the synthetic rows. */
const Bench = () => {
  const search = useRef<HTMLInputElement>(null);
  const loaded = useAppStore((s) => s.ownersView !== null);
  useEffect(() => {
    if (!loaded) return;
    // Ready once the virtualized rows are in the document (they come one layout pass after the data).
    const check = () => {
      if (document.querySelector('[data-testid="owner-row"]') !== null) window.__benchReady = true;
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, [loaded]);
  return <OwnersView searchRef={search} />;
};

/** The memory mode's table is never filtered. */
const NO_FILTER = createFilterText();

/** The owners list from the store, as OwnersView shows it. */
const StoreTable = () => {
  const view = useAppStore((s) => s.ownersView);
  const added = useAppStore((s) => s.ownersAdded);
  const removed = useAppStore((s) => s.ownersRemoved);
  useEffect(() => {
    window.__benchReady = true;
  }, []);
  return view ? <OwnersTable endpoints={view.endpoints} added={added} removed={removed} filter={NO_FILTER} /> : null;
};

/** Read number `n`: fresh endpoint objects (as IPC delivers), a few percent of them replaced by new sockets. */
const readNumber = (n: number): Endpoint[] =>
  endpoints.map((e, i) => ({ ...e, ...(i % 20 === n % 20 ? { remotePort: 1024 + ((n * 7 + i) % 60000) } : {}) }));

let reads = 0;
window.__ownersRefresh = async (times: number) => {
  for (let i = 0; i < times; i++) {
    const next = readNumber(reads++);
    api.answers.listOwners = ok(sampleOwnersView(next));
    await store.getState().loadOwners();
    // The fake Api records every call; the app's preload keeps none, so neither does this page.
    api.calls.length = 0;
    // Let React commit the update before the next one, as one read per second would.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return reads;
};

if (mode === 'product') {
  // One read of the synthetic endpoints, then no timer: a read landing mid-keystroke would be measured.
  api.answers.listOwners = ok(sampleOwnersView(endpoints));
  store.getState().pauseOwnersRefresh(true);
}
if (mode === 'floor') mountFloor(root);
else
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <AppStoreProvider store={store}>{mode === 'memory' ? <StoreTable /> : <Bench />}</AppStoreProvider>
      </FluentProvider>
    </StrictMode>,
  );
if (mode === 'memory') void window.__ownersRefresh(1);
