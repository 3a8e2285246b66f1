/**
 * The doctor's causes computed in the window from what the store already holds (snapshot, owners,
 * rules): the port map explains thousands of ports on hover and cannot ask the main process for each.
 * Same cause shapes as DoctorReport, so the wording is the doctor's.
 */
import type { DoctorCause, Endpoint, PortRange, ProtocolFamily, ProxyRule, Snapshot } from '../../shared/model';
import { lastPort, sameFamily } from './families';
import { isListener } from './owners';

export interface PortContext {
  readonly snapshot: Snapshot | null;
  readonly endpoints: readonly Endpoint[];
  readonly rules: readonly ProxyRule[];
}

/** portproxy is TCP only; the listen side of v4to* rules is IPv4, of v6to* IPv6. */
export const ruleListensOn = (rule: ProxyRule, family: ProtocolFamily): boolean =>
  family.protocol === 'tcp' && rule.type.startsWith(family.ipVersion === 'ipv4' ? 'v4' : 'v6');

export const dynamicRangeOf = (snapshot: Snapshot | null, family: ProtocolFamily): PortRange | null => {
  const range = snapshot?.dynamic.find((candidate) => sameFamily(candidate, family));
  return range ? { start: range.start, end: lastPort(range.start, range.count) } : null;
};

export const portCauses = (port: number, family: ProtocolFamily, context: PortContext): DoctorCause[] => {
  const causes: DoctorCause[] = [];
  const table = context.snapshot?.excluded.find((candidate) => sameFamily(candidate, family));
  for (const range of table?.ranges ?? []) {
    if (range.start <= port && port <= range.end) causes.push({ kind: 'excluded', range: { ...family, ...range } });
  }
  for (const endpoint of context.endpoints) {
    if (endpoint.localPort === port && sameFamily(endpoint, family) && isListener(endpoint))
      causes.push({ kind: 'owned', endpoint });
  }
  for (const rule of context.rules) {
    if (rule.listenPort === port && ruleListensOn(rule, family)) causes.push({ kind: 'forwarded', rule });
  }
  const dynamic = context.snapshot?.dynamic.find((candidate) => sameFamily(candidate, family));
  if (dynamic && dynamic.start <= port && port <= lastPort(dynamic.start, dynamic.count))
    causes.push({ kind: 'dynamic-range', range: dynamic });
  return causes;
};

/** What the map draws for one family, precomputed once per data change rather than per pixel. */
export interface MapLayers {
  readonly dynamic: PortRange | null;
  readonly system: readonly PortRange[];
  readonly administered: readonly PortRange[];
  /** Sorted, unique. */
  readonly listeners: readonly number[];
  readonly forwarded: readonly number[];
}

const uniqueSorted = (ports: Iterable<number>): number[] => [...new Set(ports)].sort((a, b) => a - b);

export const mapLayers = (family: ProtocolFamily, context: PortContext): MapLayers => {
  const ranges = context.snapshot?.excluded.find((candidate) => sameFamily(candidate, family))?.ranges ?? [];
  return {
    dynamic: dynamicRangeOf(context.snapshot, family),
    system: ranges.filter((range) => !range.administered),
    administered: ranges.filter((range) => range.administered),
    listeners: uniqueSorted(
      context.endpoints.filter((e) => sameFamily(e, family) && isListener(e)).map((e) => e.localPort),
    ),
    forwarded: uniqueSorted(context.rules.filter((rule) => ruleListensOn(rule, family)).map((rule) => rule.listenPort)),
  };
};

/**
 * Causes that keep a program from using the port now. An administered exclusion is the protection
 * an admin asked for ("protect a port": SQL Server's documented fix for 1433), and the dynamic range
 * is a risk for later; both are shown as notes under a "free" answer.
 */
export const isBlocking = (cause: DoctorCause): boolean =>
  cause.kind === 'owned' || cause.kind === 'forwarded' || (cause.kind === 'excluded' && !cause.range.administered);
