/**
 * The owners table's row pipeline, built for TCPView's scale (100,000 sockets):
 *
 * - rows: one OwnerRow per endpoint with everything a keystroke or a sort needs worked out once per
 *   data change (the lowercase search text, the remote and services cells, the explanation);
 * - sort: each column's values are ranked once per data change (the distinct values sorted once); a
 *   sort is then an integer sort of (rank, row index), and flipping the direction reuses the ranks;
 * - filter: one native indexOf pass over all rows' search texts joined (built once per data change),
 *   or a check of the previous matches only when the query just got longer, and a repeated query
 *   (Backspace back to it) answered from a cache.
 *
 * Results are arrays of row indexes into the rows array, so the table never re-creates row objects
 * per keystroke and React sees the same row objects from one render to the next.
 */
import type { Endpoint } from '../../shared/model';
import { endpointKey } from './owners';
import { endpoint as formatEndpoint } from './rules';

export type RowStatus = 'new' | 'same' | 'removed';

export interface OwnerRow {
  readonly key: string;
  readonly endpoint: Endpoint;
  readonly status: RowStatus;
  readonly explanation: string;
  /** The Remote cell: `address:port`, `[v6]:port`, or '' for listeners and UDP; `name:port` once its name is known. */
  readonly remote: string;
  /** The remote address's reverse DNS name (the optional lookup), or ''. */
  readonly remoteName: string;
  /** The Services cell. */
  readonly services: string;
  /** What a text query is looked for in, lower-cased: the same text endpointMatches builds per call. */
  readonly search: string;
}

export const OWNER_COLUMNS = [
  'protocol',
  'localAddress',
  'localPort',
  'remote',
  'state',
  'pid',
  'image',
  'path',
  'user',
  'services',
  'explanation',
] as const;
export type OwnerColumnId = (typeof OWNER_COLUMNS)[number];

/** Numeric columns sort by value and start descending (TanStack's default for numbers); text starts ascending. */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set<OwnerColumnId>(['localPort', 'pid']);

/**
 * The search text of endpointMatches (renderer/lib/owners.ts) for one endpoint, lower-cased. Path,
 * user and the remote name are appended only when present, so rows without them cost nothing extra.
 */
export const searchText = (endpoint: Endpoint, remoteName = ''): string => {
  const image = endpoint.image ?? '';
  const { localAddress, localPort, services, path, user } = endpoint;
  // Template literals rather than [..].join(' '): the same text, without an array per row.
  let text = `${image} ${localAddress} ${localAddress}:${localPort} ${image}:${localPort}`;
  if (services.length > 0) text = `${text} ${services.join(' ')}`;
  if (path) text = `${text} ${path}`;
  if (user) text = `${text} ${user}`;
  if (remoteName) text = `${text} ${remoteName}`;
  return text.toLowerCase();
};

/** Remote address -> reverse DNS name, for the rows; addresses without a name are absent or null. */
export type RemoteNames = ReadonlyMap<string, string | null>;
const NO_NAMES: RemoteNames = new Map();

const toRow = (
  endpoint: Endpoint,
  status: RowStatus,
  key: string,
  explanation: string,
  names: RemoteNames,
): OwnerRow => {
  const { remoteAddress, remotePort } = endpoint;
  const remoteName = (remoteAddress !== null && names.size > 0 && names.get(remoteAddress)) || '';
  return {
    key,
    endpoint,
    status,
    explanation,
    remote: remoteAddress === null ? '' : formatEndpoint(remoteName || remoteAddress, remotePort ?? 0),
    remoteName,
    services: endpoint.services.join(', '),
    search: searchText(endpoint, remoteName),
  };
};

/** The rows of one read: the endpoints (new ones marked), then the removed ones (struck through). */
export const buildOwnerRows = (
  endpoints: readonly Endpoint[],
  removed: readonly Endpoint[],
  added: ReadonlySet<string>,
  explain: (endpoint: Endpoint) => string,
  names: RemoteNames = NO_NAMES,
): OwnerRow[] => {
  const rows: OwnerRow[] = new Array<OwnerRow>(endpoints.length + removed.length);
  let i = 0;
  for (const endpoint of endpoints) {
    const key = endpointKey(endpoint);
    rows[i++] = toRow(endpoint, added.size > 0 && added.has(key) ? 'new' : 'same', key, explain(endpoint), names);
  }
  for (const endpoint of removed)
    rows[i++] = toRow(endpoint, 'removed', endpointKey(endpoint), explain(endpoint), names);
  return rows;
};

// ---------------------------------------------------------------------------------------------- sort

/** The value a column sorts by. */
export const columnValue = (row: OwnerRow, id: OwnerColumnId): string | number => {
  const e = row.endpoint;
  switch (id) {
    case 'protocol':
      return e.protocol;
    case 'localAddress':
      return e.localAddress;
    case 'localPort':
      return e.localPort;
    case 'remote':
      return row.remote;
    case 'state':
      return e.state ?? '';
    case 'pid':
      return e.pid ?? -1;
    case 'image':
      return (e.image ?? '').toLowerCase();
    case 'path':
      return e.path ?? '';
    case 'user':
      return e.user ?? '';
    case 'services':
      return row.services;
    case 'explanation':
      return row.explanation;
  }
};

/**
 * Natural order for text, case-insensitively: digit runs compare by value ("10.0.0.9" before
 * "10.0.0.10", "node2" before "node10"), everything else by code unit. Each digit run becomes its
 * length (one character, below any letter) and its digits without leading zeros, so a plain string
 * comparison of two keys is the natural comparison of the texts.
 */
export const naturalKey = (text: string): string => {
  const lower = text.toLowerCase();
  const length = lower.length;
  let key = '';
  let plainFrom = 0;
  let i = 0;
  while (i < length) {
    const c = lower.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    // A digit run [i, end): leading zeros dropped (one kept for an all-zero run), prefixed by its length.
    let end = i + 1;
    while (end < length && lower.charCodeAt(end) >= 48 && lower.charCodeAt(end) <= 57) end++;
    let first = i;
    while (first < end - 1 && lower.charCodeAt(first) === 48) first++;
    key +=
      lower.slice(plainFrom, i) + String.fromCharCode(0x30 + Math.min(end - first, 0x2f)) + lower.slice(first, end);
    plainFrom = end;
    i = end;
  }
  return plainFrom === 0 ? lower : key + lower.slice(plainFrom);
};

/** Integer columns whose values span fewer than this are ranked through a table of the values, not sorted. */
const DENSE_RANGE = 2 ** 22;

/** Ranks of one column over one rows array: equal values share a rank, and ranks follow the column's order. */
const ranksCache = new WeakMap<readonly OwnerRow[], Map<OwnerColumnId, Int32Array>>();

export const columnRanks = (rows: readonly OwnerRow[], id: OwnerColumnId): Int32Array => {
  let perColumn = ranksCache.get(rows);
  if (!perColumn) {
    perColumn = new Map();
    ranksCache.set(rows, perColumn);
  }
  const cached = perColumn.get(id);
  if (cached) return cached;
  const n = rows.length;
  const ranks = new Int32Array(n);
  if (NUMERIC_COLUMNS.has(id)) {
    const values = new Float64Array(n);
    let min = Infinity;
    let max = -Infinity;
    let integers = true;
    for (let i = 0; i < n; i++) {
      const value = columnValue(rows[i] as OwnerRow, id) as number;
      values[i] = value;
      if (value < min) min = value;
      if (value > max) max = value;
      if (!Number.isInteger(value)) integers = false;
    }
    if (integers && n > 0 && max - min < DENSE_RANGE) {
      // Ports (0-65535) and PIDs: integers in a range small enough for a table of which values occur;
      // a value's rank is the count of smaller values that occur. No sort at all.
      const range = max - min + 1;
      const rankOf = new Int32Array(range);
      for (let i = 0; i < n; i++) rankOf[(values[i] as number) - min] = 1;
      let rank = 0;
      for (let v = 0; v < range; v++) {
        const present = rankOf[v] as number;
        rankOf[v] = rank;
        rank += present;
      }
      for (let i = 0; i < n; i++) ranks[i] = rankOf[(values[i] as number) - min] as number;
    } else {
      rankBy([...values], (a, b) => a - b, ranks);
    }
  } else {
    textRanks(rows, id, ranks);
  }
  perColumn.set(id, ranks);
  return ranks;
};

/**
 * An IPv4 address, optionally with a port ("10.0.0.9", "10.0.0.9:443"), as one number that orders
 * like naturalKey orders the text: the octets, then no port before any port. -1 for anything else
 * (IPv6, a name, an octet above 255, a port above 65535). Hand-written: it runs for 100,000 rows.
 */
export const ipv4Number = (text: string): number => {
  const length = text.length;
  let value = 0;
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== 46) return -1;
      i++;
    }
    const start = i;
    let octet = 0;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      octet = octet * 10 + (c - 48);
      i++;
    }
    if (i === start || octet > 255 || i - start > 3) return -1;
    value = value * 256 + octet;
  }
  if (i === length) return value * 65537;
  if (text.charCodeAt(i) !== 58 || i + 1 === length || length - i - 1 > 5) return -1;
  let port = 0;
  for (let k = i + 1; k < length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    port = port * 10 + (c - 48);
  }
  // Below 2^48: exact as a double. "a.b.c.d" < "a.b.c.d:0" < "a.b.c.d:1", as naturalKey has it.
  return port > 65535 ? -1 : value * 65537 + port + 1;
};

/** The largest first character of an IPv4 text's natural key: its first octet's length, 1-3 digits. */
const IPV4_KEY_FIRST_MAX = 0x33;

/**
 * Whether a text's natural key could start like an IPv4 address's (a digit run of 1-3 digits once
 * leading zeros are dropped, or a character below the digits): naturalKey(text.slice(0, 4))'s first
 * character <= IPV4_KEY_FIRST_MAX, without building the key.
 */
const keyStartsLikeAddress = (text: string): boolean => {
  const c = text.charCodeAt(0);
  // Not a digit: the key starts with the character lower-cased, and nothing lower-cases below '0'.
  if (!(c >= 48 && c <= 57)) return c < 48;
  const end = Math.min(text.length, 4);
  let runEnd = 1;
  while (runEnd < end && text.charCodeAt(runEnd) >= 48 && text.charCodeAt(runEnd) <= 57) runEnd++;
  let first = 0;
  while (first < runEnd - 1 && text.charCodeAt(first) === 48) first++;
  return 0x30 + (runEnd - first) <= IPV4_KEY_FIRST_MAX;
};

/**
 * The Remote cell as ipv4Number reads it, from the endpoint's own address and port while the cell shows
 * the address: the same number as ipv4Number(row.remote), without reading the cell's text. That text
 * is built per row (address + ':' + port) and V8 keeps it as two joined pieces until it is read, so
 * reading it character by character first copied 60,000 strings per sort at 100,000 rows (issue #13).
 */
const remoteNumber = (row: OwnerRow): number => {
  const { remoteAddress, remotePort } = row.endpoint;
  if (row.remoteName !== '' || remoteAddress === null) return ipv4Number(row.remote);
  const port = remotePort ?? 0;
  const address = ipv4Number(remoteAddress);
  // ipv4Number('a.b.c.d') = n * 65537 and ipv4Number('a.b.c.d:p') = n * 65537 + p + 1 for p in 0-65535.
  if (address >= 0 && Number.isInteger(port) && port >= 0 && port <= 65535) return address + port + 1;
  return ipv4Number(row.remote);
};

/**
 * The text a column sorts by, up to what naturalKey does with it: the image as it is (naturalKey
 * lower-cases it; columnValue's lower-casing would build 100,000 strings for nothing).
 */
const sortText = (row: OwnerRow, id: OwnerColumnId): string =>
  id === 'image' ? (row.endpoint.image ?? '') : (columnValue(row, id) as string);

/**
 * Fills ranks for a text column. Addresses (local address, remote) are mostly IPv4: those are ranked
 * as numbers with one typed-array sort, the empty text below them and every other text above them
 * through the string path. That split is exact only when no other text's natural key starts like an
 * address's (a name starting with a digit): then the whole column takes the string path. The string
 * path alone cost 261-435 ms for 100,000 distinct remotes (a natural key, two hash maps and a string
 * sort per value), the numeric one a fraction (issue #13).
 */
const textRanks = (rows: readonly OwnerRow[], id: OwnerColumnId, ranks: Int32Array): void => {
  if (id !== 'localAddress' && id !== 'remote') {
    stringRanks(rows, id, ranks, 0, null);
    return;
  }
  const n = rows.length;
  const remote = id === 'remote';
  // Per row: the address's number, NOT_ADDRESS, or EMPTY. No array of the texts: 100,000 more pointers
  // for the collector at every sort.
  const numbers = new Float64Array(n);
  let addresses = 0;
  let others = 0;
  let hasEmpty = false;
  let split = true;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as OwnerRow;
    const value = remote ? row.remote : row.endpoint.localAddress;
    if (value === '') {
      numbers[i] = EMPTY;
      hasEmpty = true;
      continue;
    }
    const number = remote ? remoteNumber(row) : ipv4Number(value);
    numbers[i] = number;
    if (number >= 0) addresses++;
    else {
      others++;
      if (split && keyStartsLikeAddress(value)) split = false;
    }
  }
  if (!split || addresses === 0) {
    stringRanks(rows, id, ranks, 0, null);
    return;
  }
  // Empty texts first (rank 0 if any), then the addresses by value, then the rest by their keys.
  const sorted = new Float64Array(addresses);
  let k = 0;
  for (let i = 0; i < n; i++) if ((numbers[i] as number) >= 0) sorted[k++] = numbers[i] as number;
  sorted.sort();
  // Distinct values in place; a value's rank is its position among them (binary search).
  let distinct = 0;
  for (let j = 0; j < addresses; j++)
    if (j === 0 || sorted[j] !== sorted[j - 1]) sorted[distinct++] = sorted[j] as number;
  const base = hasEmpty ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const number = numbers[i] as number;
    if (number >= 0) ranks[i] = base + lowerBound(sorted, distinct, number);
    else if (number === EMPTY) ranks[i] = 0;
  }
  if (others > 0) stringRanks(rows, id, ranks, base + distinct, numbers);
};

/** textRanks' marks for a row that is not an IPv4 address (ipv4Number's answer) and for an empty text. */
const NOT_ADDRESS = -1;
const EMPTY = -2;

const lowerBound = (sorted: Float64Array, length: number, value: number): number => {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
};

/**
 * Ranks (from `first`) the rows' texts by natural key: all rows, or with `numbers` only those marked
 * NOT_ADDRESS. Each distinct text gets a slot once (one hash lookup per row) and its key once; the
 * distinct keys are sorted with a comparator-free sort(), which compares strings natively, and a row's
 * rank is then its slot's, read from a typed array.
 */
const stringRanks = (
  rows: readonly OwnerRow[],
  id: OwnerColumnId,
  ranks: Int32Array,
  first: number,
  numbers: Float64Array | null,
): void => {
  const n = rows.length;
  const slots = new Int32Array(n);
  const slotOf = new Map<string, number>();
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (numbers !== null && numbers[i] !== NOT_ADDRESS) continue;
    const value = sortText(rows[i] as OwnerRow, id);
    let slot = slotOf.get(value);
    if (slot === undefined) {
      slot = texts.length;
      slotOf.set(value, slot);
      texts.push(value);
    }
    slots[i] = slot;
  }
  // Texts that differ only in case share a key, and so a rank.
  const keys = texts.map(naturalKey);
  const distinct = [...new Set(keys)].sort();
  const rankOf = new Map<string, number>();
  for (let r = 0; r < distinct.length; r++) rankOf.set(distinct[r] as string, first + r);
  const slotRanks = new Int32Array(keys.length);
  for (let slot = 0; slot < keys.length; slot++) slotRanks[slot] = rankOf.get(keys[slot] as string) as number;
  for (let i = 0; i < n; i++) {
    if (numbers !== null && numbers[i] !== NOT_ADDRESS) continue;
    ranks[i] = slotRanks[slots[i] as number] as number;
  }
};

/** Fills ranks: rows sorted by value (one comparator sort of their indexes), equal values sharing a rank. */
const rankBy = <T>(values: readonly T[], compare: (a: T, b: T) => number, ranks: Int32Array): void => {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => compare(values[a] as T, values[b] as T));
  let rank = -1;
  let previous: T | undefined;
  for (let k = 0; k < order.length; k++) {
    const index = order[k] as number;
    const value = values[index] as T;
    if (k === 0 || compare(value, previous as T) !== 0) rank++;
    previous = value;
    ranks[index] = rank;
  }
};

export interface SortKey {
  readonly id: string;
  readonly desc: boolean;
}

const isColumn = (id: string): id is OwnerColumnId => (OWNER_COLUMNS as readonly string[]).includes(id);

/**
 * Row indexes in display order: by the sort keys, ties in data order (a stable sort, as TanStack's).
 * No keys: data order.
 */
export const sortedOrder = (rows: readonly OwnerRow[], sorting: readonly SortKey[]): Int32Array => {
  const n = rows.length;
  const keys = sorting.filter((key) => isColumn(key.id));
  const order = new Int32Array(n);
  if (keys.length === 0) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  const ranked = keys.map((key) => ({ ranks: columnRanks(rows, key.id as OwnerColumnId), desc: key.desc }));
  if (ranked.length === 1) {
    // One key: a counting sort by rank (ranks are 0..distinct-1), stable, in two passes over the rows;
    // a comparison sort of 100,000 packed numbers took longer than everything else in a click.
    const { ranks, desc } = ranked[0] as { ranks: Int32Array; desc: boolean };
    let top = 0;
    for (let i = 0; i < n; i++) if ((ranks[i] as number) > top) top = ranks[i] as number;
    const starts = new Int32Array(top + 2);
    for (let i = 0; i < n; i++) {
      const slot = (desc ? top - (ranks[i] as number) : (ranks[i] as number)) + 1;
      starts[slot] = (starts[slot] as number) + 1;
    }
    for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] as number) + (starts[r - 1] as number);
    for (let i = 0; i < n; i++) {
      const slot = desc ? top - (ranks[i] as number) : (ranks[i] as number);
      const at = starts[slot] as number;
      order[at] = i;
      starts[slot] = at + 1;
    }
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => {
    for (const { ranks, desc } of ranked) {
      const diff = (ranks[a] as number) - (ranks[b] as number);
      if (diff !== 0) return desc ? -diff : diff;
    }
    return a - b;
  });
};

// -------------------------------------------------------------------------------------------- filter

export type OwnerQuery =
  | { readonly kind: 'all'; readonly text: '' }
  /** A whole port or PID: matched against the numbers, never as a substring ("80" is not 8080). */
  | { readonly kind: 'number'; readonly text: string; readonly value: number | null }
  | { readonly kind: 'text'; readonly text: string };

/** endpointMatches' reading of the filter box. */
export const parseOwnerQuery = (input: string): OwnerQuery => {
  const text = input.trim().toLowerCase();
  if (text === '') return { kind: 'all', text: '' };
  if (/^[0-9]+$/.test(text)) {
    // String(port) === text only for the canonical spelling: "080" matches nothing.
    const value = Number(text);
    return { kind: 'number', text, value: String(value) === text ? value : null };
  }
  return { kind: 'text', text };
};

export const rowMatches = (row: OwnerRow, query: OwnerQuery): boolean => {
  switch (query.kind) {
    case 'all':
      return true;
    case 'number': {
      const { value } = query;
      const e = row.endpoint;
      return value !== null && (e.localPort === value || e.pid === value || e.remotePort === value);
    }
    case 'text':
      return row.search.includes(query.text);
  }
};

/**
 * Every row's search text in one string, rows separated by a newline, with each row's start: a text
 * query over all rows is then a native indexOf over one flat string instead of 100,000 includes()
 * calls on strings scattered over the heap. Built on the first text query after a data change.
 */
interface Haystack {
  readonly text: string;
  /** starts[i] = where row i's text begins; starts[n] = text.length + 1. */
  readonly starts: Int32Array;
}

const haystacks = new WeakMap<readonly OwnerRow[], Haystack>();

const haystackOf = (rows: readonly OwnerRow[]): Haystack => {
  let haystack = haystacks.get(rows);
  if (!haystack) {
    const starts = new Int32Array(rows.length + 1);
    const parts = new Array<string>(rows.length);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const search = (rows[i] as OwnerRow).search;
      starts[i] = at;
      parts[i] = search;
      at += search.length + 1;
    }
    starts[rows.length] = at;
    haystack = { text: parts.join('\n'), starts };
    haystacks.set(rows, haystack);
  }
  return haystack;
};

/** The row whose text holds position `at` (binary search over the starts). */
const rowAt = (starts: Int32Array, at: number, from: number): number => {
  let low = from;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((starts[mid] as number) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
};

/** Marks (by row index) the rows whose own text contains needle; a hit across two rows' texts does not count. */
const markTextMatches = (rows: readonly OwnerRow[], needle: string): Uint8Array => {
  const { text, starts } = haystackOf(rows);
  const marks = new Uint8Array(rows.length);
  let row = 0;
  let at = text.indexOf(needle);
  while (at !== -1) {
    row = rowAt(starts, at, row);
    const end = (starts[row + 1] as number) - 1;
    if (at + needle.length <= end) {
      marks[row] = 1;
      // The next match worth finding starts in the next row.
      at = text.indexOf(needle, end + 1);
    } else at = text.indexOf(needle, at + 1);
  }
  return marks;
};

/** Below this share of the rows, narrowing checks each remaining row rather than scanning all text. */
const NARROW_SHARE = 0.125;

const scan = (rows: readonly OwnerRow[], from: Int32Array, query: OwnerQuery): Int32Array => {
  if (query.kind === 'all') return from;
  const out = new Int32Array(from.length);
  let count = 0;
  if (query.kind === 'text' && from.length >= rows.length * NARROW_SHARE) {
    const marks = markTextMatches(rows, query.text);
    for (let i = 0; i < from.length; i++) {
      const index = from[i] as number;
      if (marks[index] === 1) out[count++] = index;
    }
  } else if (query.kind === 'text') {
    const needle = query.text;
    for (let i = 0; i < from.length; i++) {
      const index = from[i] as number;
      if ((rows[index] as OwnerRow).search.includes(needle)) out[count++] = index;
    }
  } else {
    for (let i = 0; i < from.length; i++) {
      const index = from[i] as number;
      if (rowMatches(rows[index] as OwnerRow, query)) out[count++] = index;
    }
  }
  return out.slice(0, count);
};

export interface OwnersFilter {
  /** Indexes of the rows (in `order`) that match `input`; the same array for the same inputs. */
  apply(rows: readonly OwnerRow[], order: Int32Array, input: string): Int32Array;
}

/** Results kept per rows/order for queries typed before (Backspace returns to them at no cost). */
const CACHED_QUERIES = 8;

/**
 * A filter with memory, one per table. Typing extends the query, and a row that contains the longer
 * text contains the shorter one, so only the previous matches are scanned again; Backspace returns to
 * a query already answered, which comes from the cache. New rows or a new order start afresh.
 */
export const createOwnersFilter = (): OwnersFilter => {
  let rowsSeen: readonly OwnerRow[] | null = null;
  let orderSeen: Int32Array | null = null;
  let cache = new Map<string, Int32Array>();
  let last: { query: OwnerQuery; result: Int32Array } | null = null;
  return {
    apply(rows, order, input) {
      if (rows !== rowsSeen || order !== orderSeen) {
        rowsSeen = rows;
        orderSeen = order;
        cache = new Map();
        last = null;
      }
      const query = parseOwnerQuery(input);
      const key = `${query.kind}:${query.text}`;
      const cached = cache.get(key);
      if (cached) {
        last = { query, result: cached };
        return cached;
      }
      const narrowing = last !== null && last.query.kind === 'text' && query.kind === 'text';
      const from = narrowing && last && query.text.includes(last.query.text) ? last.result : order;
      const result = scan(rows, from, query);
      if (cache.size >= CACHED_QUERIES) cache.delete(cache.keys().next().value as string);
      cache.set(key, result);
      last = { query, result };
      return result;
    },
  };
};
