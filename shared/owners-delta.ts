/**
 * The owners list as changes (issue #13): the window re-reads the owners every second, and on a busy
 * machine 20,000 endpoints of which a handful changed. The main process diffs the new list against the
 * one it last sent that window (electron/system/owners/owners-feed.ts) and sends only what differs; the
 * renderer applies it to the list it holds (renderer/store/owners-slice.ts) and ends with exactly the list
 * a full read gives: same endpoints, same fields, same order (owners-delta.test.ts proves it on random
 * sequences of changes). Whenever that cannot be expressed simply, the answer is the full list instead.
 */
import type { Endpoint, EndpointChanges, IndexedEndpoint } from './model';

/**
 * Which socket an endpoint is, across reads: protocol, both ends and the PID (the same port under a new
 * PID is another socket). A key may repeat in one list; the occurrence number keeps them apart.
 */
const socketKey = (endpoint: Endpoint): string =>
  `${endpoint.protocol}|${endpoint.localAddress}|${endpoint.localPort}|${endpoint.remoteAddress ?? ''}|${endpoint.remotePort ?? ''}|${endpoint.pid ?? ''}`;

const occurrenceKeys = (endpoints: readonly Endpoint[]): string[] => {
  const seen = new Map<string, number>();
  return endpoints.map((endpoint) => {
    const key = socketKey(endpoint);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}#${n}`;
  });
};

/**
 * Deep equality of JSON-shaped values. Strict about keys: a key present with `undefined` differs from
 * an absent one (structured clone keeps both apart), so "equal" here never hides a difference the
 * renderer could see. Strictness only ever sends an endpoint that did not need sending.
 */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
};

/**
 * The changes that turn `previous` into `next`, or null when the endpoints both lists hold are not in
 * the same relative order (Windows lists sockets in a stable order, so that is rare): then the caller
 * sends the full list.
 */
export const diffEndpoints = (previous: readonly Endpoint[], next: readonly Endpoint[]): EndpointChanges | null => {
  const previousKeys = occurrenceKeys(previous);
  const nextKeys = occurrenceKeys(next);
  const previousIndex = new Map<string, number>();
  previousKeys.forEach((key, i) => previousIndex.set(key, i));
  const kept = new Uint8Array(previous.length);
  const added: IndexedEndpoint[] = [];
  const changed: IndexedEndpoint[] = [];
  let lastKept = -1;
  for (let j = 0; j < next.length; j++) {
    const endpoint = next[j] as Endpoint;
    const i = previousIndex.get(nextKeys[j] as string);
    if (i === undefined) {
      added.push({ index: j, endpoint });
      continue;
    }
    if (i < lastKept) return null;
    lastKept = i;
    kept[i] = 1;
    if (!sameValue(previous[i], endpoint)) changed.push({ index: j, endpoint });
  }
  const removed: number[] = [];
  for (let i = 0; i < previous.length; i++) if (kept[i] === 0) removed.push(i);
  return { count: next.length, removed, added, changed };
};

const ascendingIndexes = (indexes: readonly number[], below: number): boolean => {
  let last = -1;
  for (const index of indexes) {
    if (!Number.isInteger(index) || index <= last || index >= below) return false;
    last = index;
  }
  return true;
};

/**
 * `previous` with `changes` applied, or null when they do not fit it (indexes out of range or out of
 * order, counts that do not add up): then the renderer asks for the full list.
 */
export const applyEndpointChanges = (
  previous: readonly Endpoint[],
  changes: EndpointChanges,
): readonly Endpoint[] | null => {
  const { count, removed, added, changed } = changes;
  if (!Number.isInteger(count) || count < 0) return null;
  if (!ascendingIndexes(removed, previous.length)) return null;
  const addedIndexes = added.map((entry) => entry.index);
  if (!ascendingIndexes(addedIndexes, count)) return null;
  if (
    !ascendingIndexes(
      changed.map((entry) => entry.index),
      count,
    )
  )
    return null;
  const survivors = previous.length - removed.length;
  if (survivors + added.length !== count) return null;

  const result: Endpoint[] = new Array<Endpoint>(count);
  let from = 0;
  let nextRemoved = 0;
  let nextAdded = 0;
  for (let j = 0; j < count; j++) {
    const insert = added[nextAdded];
    if (insert !== undefined && insert.index === j) {
      result[j] = insert.endpoint;
      nextAdded++;
      continue;
    }
    while (nextRemoved < removed.length && removed[nextRemoved] === from) {
      nextRemoved++;
      from++;
    }
    result[j] = previous[from] as Endpoint;
    from++;
  }
  const addedAt = new Set(addedIndexes);
  for (const { index, endpoint } of changed) {
    // A changed endpoint replaces one that was kept, never one just added.
    if (addedAt.has(index)) return null;
    result[index] = endpoint;
  }
  return result;
};
