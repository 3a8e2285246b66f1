/**
 * The port map's view of the ONE verdict (shared/port-verdict.ts): the facts the store already holds
 * (snapshot, owners, rules) as PortFacts, the causes of one port in one IP version (the hover), and
 * the layers the canvas draws. The layers use the verdict's own predicates, and the property tests in
 * port-causes.test.ts prove that what the map draws at a port is what the doctor says about it.
 */
import type { DoctorCause, Endpoint, PortRange, ProtocolFamily, ProxyRule, Snapshot } from '../../shared/model';
import {
  dynamicAsRange,
  inRange,
  isListener,
  portCauses,
  ruleListenVersion,
  type PortFacts,
  type PortIndex,
} from '../../shared/port-verdict';
import { sameFamily } from './families';

export interface PortContext {
  readonly snapshot: Snapshot | null;
  /** null while the owners were not read yet (or could not be). */
  readonly endpoints: readonly Endpoint[] | null;
  readonly rules: readonly ProxyRule[] | null;
}

export const factsOf = (context: PortContext): PortFacts => ({
  excluded: context.snapshot?.excluded ?? [],
  dynamic: context.snapshot?.dynamic ?? [],
  endpoints: context.endpoints,
  rules: context.rules,
});

/** The causes that hold in one IP version (the map shows one family at a time). */
export const causesIn = (index: PortIndex, port: number, family: ProtocolFamily): DoctorCause[] =>
  portCauses(index, port, family.protocol).causes.filter((cause) => cause.ipVersions.includes(family.ipVersion));

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

export const mapLayers = (family: ProtocolFamily, facts: PortFacts): MapLayers => {
  const ranges = facts.excluded.find((candidate) => sameFamily(candidate, family))?.ranges ?? [];
  const dynamic = facts.dynamic.find((candidate) => sameFamily(candidate, family));
  return {
    dynamic: dynamic ? dynamicAsRange(dynamic) : null,
    system: ranges.filter((range) => !range.administered),
    administered: ranges.filter((range) => range.administered),
    listeners: uniqueSorted(
      (facts.endpoints ?? []).filter((e) => sameFamily(e, family) && isListener(e)).map((e) => e.localPort),
    ),
    forwarded: uniqueSorted(
      family.protocol === 'tcp'
        ? (facts.rules ?? []).filter((rule) => ruleListenVersion(rule) === family.ipVersion).map((r) => r.listenPort)
        : [],
    ),
  };
};

export type MapMark = 'dynamic' | 'system' | 'administered' | 'listener' | 'forwarded';

/** The marks the map shows at one port, from the layers (what the canvas paints there). */
export const marksAt = (layers: MapLayers, port: number): Set<MapMark> => {
  const marks = new Set<MapMark>();
  if (layers.dynamic && inRange(layers.dynamic, port)) marks.add('dynamic');
  if (layers.system.some((range) => inRange(range, port))) marks.add('system');
  if (layers.administered.some((range) => inRange(range, port))) marks.add('administered');
  if (layers.listeners.includes(port)) marks.add('listener');
  if (layers.forwarded.includes(port)) marks.add('forwarded');
  return marks;
};
