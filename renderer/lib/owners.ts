/** Pure helpers over port owners (endpoints): stable keys, the refresh diff, the filter, the kill policy. */
import type { Endpoint } from '../../shared/model';
import { killRefusalOf, type KillRefusal } from '../../shared/system-owners';

/**
 * Stable across refreshes: netstat lists the same socket with the same five parts every time, so a row
 * whose key is new appeared since the last read and a key that vanished was closed.
 */
export const endpointKey = (endpoint: Endpoint): string =>
  // One template rather than [..].join('|'): computed for every row of every read (100,000 on a busy machine).
  `${endpoint.protocol}|${endpoint.localAddress}|${endpoint.localPort}|${endpoint.remoteAddress ?? ''}:${endpoint.remotePort ?? ''}|${endpoint.pid ?? ''}`;

export interface OwnersDiff {
  /** Keys present now and not in the previous read. */
  readonly added: ReadonlySet<string>;
  /** Endpoints of the previous read that are gone now (shown struck through for one refresh). */
  readonly removed: readonly Endpoint[];
}

export const NO_DIFF: OwnersDiff = { added: new Set(), removed: [] };

/** No previous read (first load, or another query such as "All states"): nothing is new, nothing was removed. */
export const diffOwners = (previous: readonly Endpoint[] | null, next: readonly Endpoint[]): OwnersDiff => {
  if (previous === null) return NO_DIFF;
  const before = new Set(previous.map(endpointKey));
  const after = new Set(next.map(endpointKey));
  const added = new Set([...after].filter((key) => !before.has(key)));
  const removed = previous.filter((endpoint) => !after.has(endpointKey(endpoint)));
  return added.size === 0 && removed.length === 0 ? NO_DIFF : { added, removed };
};

/**
 * The filter box: a port, a process name or a PID, case-insensitively; "image:port" works too, and the
 * process path, its user and the remote address's name (when looked up) are searched as well.
 */
export const endpointMatches = (endpoint: Endpoint, text: string, remoteName = ''): boolean => {
  const query = text.trim().toLowerCase();
  if (query === '') return true;
  if (/^[0-9]+$/.test(query)) {
    // A number is a port or a PID, whole: "80" must not match 8080 in a 20,000-row table.
    return (
      String(endpoint.localPort) === query ||
      String(endpoint.pid ?? '') === query ||
      String(endpoint.remotePort ?? '') === query
    );
  }
  return [
    endpoint.image ?? '',
    endpoint.localAddress,
    `${endpoint.localAddress}:${endpoint.localPort}`,
    `${endpoint.image ?? ''}:${endpoint.localPort}`,
    ...endpoint.services,
    ...(endpoint.path ? [endpoint.path] : []),
    ...(endpoint.user ? [endpoint.user] : []),
    ...(remoteName ? [remoteName] : []),
  ]
    .join(' ')
    .toLowerCase()
    .includes(query);
};

/** One definition with the doctor's verdict (shared/port-verdict.ts): TCP LISTENING, and every UDP endpoint. */
export { isListener } from '../../shared/port-verdict';

export type { KillRefusal } from '../../shared/system-owners';

/**
 * Why a row may not be killed, or null: the main process's own policy (shared/system-owners.ts), so
 * the window explains a refusal (PID 4, csrss.exe, the svchost hosting RpcSs) instead of offering it.
 */
export const killRefusal = (endpoint: {
  readonly pid: number | null;
  readonly image: string | null;
  readonly services?: readonly string[];
}): KillRefusal | null => killRefusalOf(endpoint);

/** Why the close-connection action is unavailable for a row, or null (TCPView's "Close connection"). */
export type CloseRefusal = 'ipv6' | 'not-established' | 'no-native' | 'no-process';

export const closeRefusal = (endpoint: Endpoint, nativeLayer: boolean): CloseRefusal | null => {
  // The IP version first: SetTcpEntry has no IPv6 form, whatever the state.
  if (endpoint.ipVersion === 'ipv6') return 'ipv6';
  if (endpoint.protocol !== 'tcp' || endpoint.state !== 'ESTABLISHED' || endpoint.remoteAddress === null)
    return 'not-established';
  if (!nativeLayer) return 'no-native';
  if (endpoint.pid === null || endpoint.image === null) return 'no-process';
  return null;
};

/** Every endpoint of one process in a view, in the view's order (the kill dialog lists them). */
export const endpointsOfProcess = (endpoints: readonly Endpoint[], pid: number | null): Endpoint[] =>
  pid === null ? [] : endpoints.filter((e) => e.pid === pid);

const UNSPECIFIED = new Set(['0.0.0.0', '::']);

/**
 * Remote addresses worth a reverse lookup: connections' peers (not a listener's 0.0.0.0 / ::), each
 * once, not already answered or asked, at most `max`.
 */
export const lookupCandidates = (
  endpoints: readonly Endpoint[],
  known: ReadonlyMap<string, string | null>,
  asked: ReadonlySet<string>,
  max: number,
): string[] => {
  const out = new Set<string>();
  for (const e of endpoints) {
    const address = e.remoteAddress;
    if (address === null || UNSPECIFIED.has(address) || known.has(address) || asked.has(address)) continue;
    out.add(address);
    if (out.size >= max) break;
  }
  return [...out];
};

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with a header row; `explain` supplies the localized explanation column. */
export const ownersCsv = (
  endpoints: readonly Endpoint[],
  headers: readonly string[],
  explain: (endpoint: Endpoint) => string,
): string =>
  [
    headers.map(csvCell).join(','),
    ...endpoints.map((e) =>
      [
        e.protocol.toUpperCase(),
        e.localAddress,
        e.localPort,
        e.remoteAddress === null ? '' : `${e.remoteAddress}:${e.remotePort ?? ''}`,
        e.state,
        e.pid,
        e.image,
        e.path ?? '',
        e.user ?? '',
        e.services.join(' '),
        explain(e),
      ]
        .map(csvCell)
        .join(','),
    ),
  ].join('\r\n') + '\r\n';
