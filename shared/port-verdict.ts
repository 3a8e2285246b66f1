/**
 * The one answer to "why can't I use this port?". Every view asks this module: the Reserved-ports box,
 * the Port doctor (main process), the port map, the watched ports and through them the tray. Before it,
 * "is port P inside range R" was written three times and an off-by-one at a range end could make two
 * views disagree while every unit test passed; shared/port-verdict.test.ts now proves with
 * property tests that the views cannot disagree.
 *
 * Pure and JSON-only, so it runs the same in main and in the window.
 *
 * Causes, one per fact (the same fact in IPv4 and IPv6 is one cause naming both):
 * - 'excluded' system (WinNAT/HNS reservation): nothing can bind the port; restart WinNAT to free it.
 * - 'excluded' administered (`*` in netsh): PROTECTED — the administrator's own reservation
 *   ("protect a port", SQL Server's documented fix for 1433). WinNAT cannot reserve the port and
 *   Windows does not hand it out as a temporary port. It is never described as "delete to use".
 * - 'forwarded' (TCP only): a portproxy rule listens on the port (also while iphlpsvc is stopped).
 * - 'owned': a process listens on the port (TCP LISTENING, any UDP endpoint). The IP Helper's socket
 *   of a known rule is the rule's ('forwarded'), not repeated here.
 * - 'dynamic-range': the port lies in the dynamic range of an IP version where it is NOT protected:
 *   usable now, but Windows may hand it out and WinNAT may reserve it after a restart or reboot.
 */
import type {
  DoctorCause,
  DynamicRange,
  Endpoint,
  ExcludedRangeTable,
  IpVersion,
  NetstatEntry,
  PortRange,
  Protocol,
  ProxyRule,
} from './model';

export const IP_VERSIONS: readonly IpVersion[] = ['ipv4', 'ipv6'];

/** The single definition of "port inside range", both ends inclusive (netsh prints inclusive ends). */
export const inRange = (range: PortRange, port: number): boolean => range.start <= port && port <= range.end;

/** Last port of a dynamic range (`start` + `count` ports, so the last is start + count - 1). */
export const dynamicEnd = (range: Pick<DynamicRange, 'start' | 'count'>): number => range.start + range.count - 1;

export const dynamicAsRange = (range: Pick<DynamicRange, 'start' | 'count'>): PortRange => ({
  start: range.start,
  end: dynamicEnd(range),
});

/** A listener in the sense of "this port is taken": TCP LISTENING, and every UDP endpoint (UDP has no states). */
export const isListener = (entry: Pick<NetstatEntry, 'protocol' | 'state'>): boolean =>
  entry.protocol === 'udp' || (entry.state !== null && /^LISTEN/i.test(entry.state));

/** portproxy listens on the v4 side for v4to*, on the v6 side for v6to*. */
export const ruleListenVersion = (rule: Pick<ProxyRule, 'type'>): IpVersion =>
  rule.type.startsWith('v4') ? 'ipv4' : 'ipv6';

/** What the verdict is computed from; the doctor reads it from Windows, the window from its store. */
export interface PortFacts {
  /** The excluded-range tables as read; one with `error` is unreadable, a family absent was not read. */
  readonly excluded: readonly ExcludedRangeTable[];
  /** The dynamic ranges that could be read. */
  readonly dynamic: readonly DynamicRange[];
  /** Endpoints (only listeners count); null when netstat could not be read. */
  readonly endpoints: readonly Endpoint[] | null;
  /** portproxy rules; null when `portproxy show all` could not be read. */
  readonly rules: readonly ProxyRule[] | null;
  /** Other sources that could not be read: `tasklist`, `dynamicport tcp/ipv4`, ... */
  readonly unreadable?: readonly string[];
}

export const UNREADABLE_DYNAMIC_PREFIX = 'dynamicport ';

/**
 * Whether an unreadable source leaves "is the port usable now?" open. tasklist only names owners and
 * the dynamic range only predicts the future, so neither does.
 */
export const affectsAvailability = (source: string): boolean =>
  source !== 'tasklist' && !source.startsWith(UNREADABLE_DYNAMIC_PREFIX);

/** Facts indexed by port, built once per data change; each question is then a few Map lookups. */
export interface PortIndex {
  readonly facts: PortFacts;
  readonly listeners: ReadonlyMap<string, readonly Endpoint[]>;
  readonly rulesByPort: ReadonlyMap<number, readonly ProxyRule[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const endpointKey = (protocol: Protocol, port: number) => `${protocol}/${port}`;

export const indexPortFacts = (facts: PortFacts): PortIndex => {
  const listeners = new Map<string, Endpoint[]>();
  for (const endpoint of facts.endpoints ?? [])
    if (isListener(endpoint)) push(listeners, endpointKey(endpoint.protocol, endpoint.localPort), endpoint);
  const rulesByPort = new Map<number, ProxyRule[]>();
  for (const rule of facts.rules ?? []) push(rulesByPort, rule.listenPort, rule);
  return { facts, listeners, rulesByPort };
};

const versionsOf = <T>(items: readonly T[], version: (item: T) => IpVersion): IpVersion[] =>
  IP_VERSIONS.filter((v) => items.some((item) => version(item) === v));

/** The exclusion rows of one table containing the port (netsh can list overlapping rows). */
const exclusionsAt = (facts: PortFacts, protocol: Protocol, ipVersion: IpVersion, port: number) =>
  facts.excluded
    .find((t) => t.protocol === protocol && t.ipVersion === ipVersion)
    ?.ranges.filter((range) => inRange(range, port)) ?? [];

export interface PortCauses {
  readonly causes: readonly DoctorCause[];
  /** What could not be read for this question (see affectsAvailability). */
  readonly unreadable: readonly string[];
}

/** Every cause for one port and protocol, in the order excluded, forwarded, owned, dynamic-range. */
export const portCauses = (index: PortIndex, port: number, protocol: Protocol): PortCauses => {
  const { facts } = index;
  const causes: DoctorCause[] = [];
  const unreadable: string[] = [];

  // Excluded: one cause per distinct row, naming every IP version whose table has it.
  const rows = new Map<string, { row: { start: number; end: number; administered: boolean }; v: IpVersion[] }>();
  const protectedIn = new Set<IpVersion>();
  for (const ipVersion of IP_VERSIONS) {
    const table = facts.excluded.find((t) => t.protocol === protocol && t.ipVersion === ipVersion);
    if (table?.error !== undefined) unreadable.push(`${protocol}/${ipVersion}`);
    for (const range of exclusionsAt(facts, protocol, ipVersion, port)) {
      if (range.administered) protectedIn.add(ipVersion);
      const key = `${range.start}-${range.end}-${range.administered}`;
      const seen = rows.get(key);
      if (seen) seen.v.push(ipVersion);
      else
        rows.set(key, {
          row: { start: range.start, end: range.end, administered: range.administered },
          v: [ipVersion],
        });
    }
  }
  for (const { row, v } of rows.values())
    causes.push({ kind: 'excluded', range: { protocol, ipVersion: v[0]!, ...row }, ipVersions: v });

  const rules = protocol === 'tcp' ? (index.rulesByPort.get(port) ?? []) : [];
  for (const rule of rules) causes.push({ kind: 'forwarded', rule, ipVersions: [ruleListenVersion(rule)] });

  // Owned: one cause per process, with all its sockets on the port.
  const byProcess = new Map<string, Endpoint[]>();
  for (const endpoint of index.listeners.get(endpointKey(protocol, port)) ?? []) {
    // The IP Helper socket of a known rule is that rule's: one cause per fact.
    const rule = endpoint.rule;
    if (
      endpoint.owner === 'portproxy' &&
      rule &&
      rules.some((r) => r.type === rule.type && r.listenAddress === rule.listenAddress)
    )
      continue;
    push(byProcess, `${endpoint.pid ?? '?'}/${endpoint.image ?? ''}`, endpoint);
  }
  for (const endpoints of byProcess.values())
    causes.push({
      kind: 'owned',
      endpoint: endpoints[0]!,
      endpoints,
      ipVersions: versionsOf(endpoints, (e) => e.ipVersion),
    });

  // Dynamic range: only where the port is not protected (an exclusion is never handed out).
  const dynamic = new Map<string, { range: DynamicRange; v: IpVersion[] }>();
  for (const ipVersion of IP_VERSIONS) {
    const range = facts.dynamic.find((d) => d.protocol === protocol && d.ipVersion === ipVersion);
    if (!range || protectedIn.has(ipVersion) || !inRange(dynamicAsRange(range), port)) continue;
    const key = `${range.start}-${range.count}`;
    const seen = dynamic.get(key);
    if (seen) seen.v.push(ipVersion);
    else dynamic.set(key, { range, v: [ipVersion] });
  }
  for (const { range, v } of dynamic.values()) causes.push({ kind: 'dynamic-range', range, ipVersions: v });

  // Tables first, then the dynamic ranges of this protocol, then the owner reads.
  const others = facts.unreadable ?? [];
  unreadable.push(...others.filter((s) => s.startsWith(`${UNREADABLE_DYNAMIC_PREFIX}${protocol}/`)));
  if (facts.endpoints === null) unreadable.push('netstat');
  unreadable.push(...others.filter((s) => !s.startsWith(UNREADABLE_DYNAMIC_PREFIX)));
  if (facts.rules === null && protocol === 'tcp') unreadable.push('portproxy');
  return { causes, unreadable };
};

/**
 * The port in one word:
 * - 'reserved': a system exclusion (nothing can bind, whoever asks);
 * - 'taken': a portproxy rule or a listener;
 * - 'unknown': no blocking cause, but something that decides availability could not be read;
 * - 'protected': free for the program it is meant for, and protected in every IP version;
 * - 'free': nothing blocks it (it may be protected in one IP version only, or in the dynamic range).
 */
export type PortStatus = 'free' | 'protected' | 'reserved' | 'taken' | 'unknown';

export const isBlocking = (cause: DoctorCause): boolean =>
  cause.kind === 'owned' || cause.kind === 'forwarded' || (cause.kind === 'excluded' && !cause.range.administered);

/** IP versions in which an administered exclusion protects the port. */
export const protectedVersions = (causes: readonly DoctorCause[]): IpVersion[] =>
  IP_VERSIONS.filter((v) =>
    causes.some((c) => c.kind === 'excluded' && c.range.administered && c.ipVersions.includes(v)),
  );

export const portStatus = (verdict: PortCauses): PortStatus => {
  const { causes } = verdict;
  if (causes.some((c) => c.kind === 'excluded' && !c.range.administered)) return 'reserved';
  if (causes.some(isBlocking)) return 'taken';
  if (verdict.unreadable.some(affectsAvailability)) return 'unknown';
  return protectedVersions(causes).length === IP_VERSIONS.length ? 'protected' : 'free';
};

/** The verdict for several ports over one read (watched ports), in the query's order. */
export const portVerdicts = (
  facts: PortFacts,
  queries: readonly { readonly port: number; readonly protocol: Protocol }[],
): PortCauses[] => {
  const index = indexPortFacts(facts);
  return queries.map((q) => portCauses(index, q.port, q.protocol));
};
