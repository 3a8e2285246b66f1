/**
 * The port doctor: reads Windows once for a list of ports (the watch list; a single port is a list of
 * one) and asks shared/port-verdict.ts for each port. The verdict logic lives only there, so the
 * doctor, the Reserved-ports box, the port map, the watched ports and the tray cannot disagree.
 *
 * `unreadable` names what could not be read: `tcp/ipv4` (an excluded-range table), `netstat`,
 * `tasklist`, `portproxy`, `dynamicport tcp/ipv4`. No causes and nothing unreadable means free.
 */
import type { DoctorReport, DynamicRange, IpVersion, Protocol, WatchedPort } from '../../../shared/model';
import {
  IP_VERSIONS,
  UNREADABLE_DYNAMIC_PREFIX,
  indexPortFacts,
  portCauses,
  type PortFacts,
} from '../../../shared/port-verdict';
import type { Operation } from '../activity-log';
import { readDynamicRange, readExcludedTable } from '../state-reader';
import { joinEndpoints } from './endpoints';
import { readOwnerSources } from './reads';

export { affectsAvailability, UNREADABLE_DYNAMIC_PREFIX } from '../../../shared/port-verdict';

interface DynamicRead {
  readonly protocol: Protocol;
  readonly ipVersion: IpVersion;
  readonly range: DynamicRange | null;
}

/** Reads only the protocols asked about, each command once, all in parallel. */
export const readPortFacts = async (op: Operation, protocols: readonly Protocol[]): Promise<PortFacts> => {
  const families = protocols.flatMap((protocol) => IP_VERSIONS.map((ipVersion) => ({ protocol, ipVersion })));
  const [excluded, dynamic, sources] = await Promise.all([
    Promise.all(families.map((family) => readExcludedTable(op, family))),
    Promise.all(
      families.map(async (family): Promise<DynamicRead> => ({ ...family, range: await readDynamicRange(op, family) })),
    ),
    readOwnerSources(op, { rules: protocols.includes('tcp') }),
  ]);
  const { netstat, processes, rules } = sources;
  const ruleList = rules && 'value' in rules ? rules.value : null;
  return {
    excluded,
    dynamic: dynamic.flatMap((d) => (d.range ? [d.range] : [])),
    endpoints:
      'value' in netstat
        ? joinEndpoints({
            entries: netstat.value,
            processes: 'value' in processes ? processes.value : null,
            rules: ruleList,
            allStates: false,
          })
        : null,
    // Not asked for (UDP only) is not "unreadable": an empty list answers for TCP that was never asked.
    rules: rules === null ? [] : ruleList,
    unreadable: [
      ...('error' in processes ? ['tasklist'] : []),
      ...dynamic.filter((d) => d.range === null).map((d) => `${UNREADABLE_DYNAMIC_PREFIX}${d.protocol}/${d.ipVersion}`),
    ],
  };
};

/** One report per query, in the query's order; no commands at all for an empty list. Never throws. */
export const diagnosePorts = async (
  op: Operation,
  now: () => Date,
  queries: readonly WatchedPort[],
): Promise<DoctorReport[]> => {
  if (queries.length === 0) return [];
  const protocols = [...new Set(queries.map((q) => q.protocol))];
  const index = indexPortFacts(await readPortFacts(op, protocols));
  const checkedAt = now().toISOString();
  return queries.map(({ port, protocol }) => {
    const { causes, unreadable } = portCauses(index, port, protocol);
    return { port, protocol, causes, unreadable, checkedAt };
  });
};
