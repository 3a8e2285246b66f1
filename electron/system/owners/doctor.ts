/**
 * The port doctor: every reason a port cannot be used, read in one pass. One entry point answers
 * many ports at once (the watch list) with each command run once for the whole list; a single port is
 * just a list of one.
 *
 * Causes, in the order they are reported:
 * - 'excluded': the port is inside an excluded range, per IP version whose table has it (WinNAT/HNS
 *   blocks or an administered `*` row). Bind fails with WSAEACCES although netstat shows nothing.
 * - 'forwarded' (TCP only): a portproxy rule listens on the port, whatever its listen address, and
 *   also while iphlpsvc is stopped (the rule takes the port as soon as the service starts).
 * - 'owned': each listening endpoint (TCP LISTENING, any UDP endpoint) on the port. The IP Helper's
 *   socket of a rule is NOT repeated here: its rule is the answer ('forwarded'), and one cause per
 *   fact keeps the doctor from saying "svchost.exe" where the fix is "disable the rule". An IP Helper
 *   socket without a known rule (the rule table was unreadable) stays 'owned' so nothing is hidden.
 * - 'dynamic-range': the port lies in the protocol's dynamic range, per IP version. Usable now, but
 *   WinNAT may reserve it at the next start or boot (docs/architecture.md §1).
 *
 * `unreadable` names what could not be read: `tcp/ipv4` (an excluded-range table), `netstat`,
 * `tasklist`, `portproxy`, `dynamicport tcp/ipv4`. No causes and nothing unreadable means free.
 */
import type {
  DoctorCause,
  DoctorReport,
  DynamicRange,
  Endpoint,
  ExcludedRangeTable,
  IpVersion,
  Protocol,
  ProxyRule,
  WatchedPort,
} from '../../../shared/model';
import type { Operation } from '../activity-log';
import { readDynamicRange, readExcludedTable } from '../state-reader';
import { joinEndpoints } from './endpoints';
import { readOwnerSources, type OwnerSources } from './reads';

const IP_VERSIONS: readonly IpVersion[] = ['ipv4', 'ipv6'];

export const UNREADABLE_DYNAMIC_PREFIX = 'dynamicport ';

/**
 * Whether an unreadable source leaves "is the port usable now?" open. tasklist only names owners and
 * the dynamic range only predicts the future, so neither does.
 */
export const affectsAvailability = (source: string): boolean =>
  source !== 'tasklist' && !source.startsWith(UNREADABLE_DYNAMIC_PREFIX);

interface DynamicRead {
  readonly protocol: Protocol;
  readonly ipVersion: IpVersion;
  readonly range: DynamicRange | null;
}

interface DoctorReads {
  readonly tables: readonly ExcludedRangeTable[];
  readonly dynamic: readonly DynamicRead[];
  readonly sources: OwnerSources;
}

const readAll = async (op: Operation, protocols: readonly Protocol[]): Promise<DoctorReads> => {
  const families = protocols.flatMap((protocol) => IP_VERSIONS.map((ipVersion) => ({ protocol, ipVersion })));
  const [tables, dynamic, sources] = await Promise.all([
    Promise.all(families.map((family) => readExcludedTable(op, family))),
    Promise.all(families.map(async (family) => ({ ...family, range: await readDynamicRange(op, family) }))),
    readOwnerSources(op, { rules: protocols.includes('tcp') }),
  ]);
  return { tables, dynamic, sources };
};

const key = (protocol: Protocol, port: number) => `${protocol}/${port}`;

/** Everything read, indexed by port so each question is a few Map lookups. */
interface Index {
  readonly endpoints: ReadonlyMap<string, readonly Endpoint[]>;
  readonly rulesByPort: ReadonlyMap<number, readonly ProxyRule[]>;
  readonly sourceErrors: readonly string[];
}

const push = <K, V>(map: Map<K, V[]>, k: K, value: V) => {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
};

const buildIndex = ({ netstat, processes, rules }: OwnerSources): Index => {
  const endpoints = new Map<string, Endpoint[]>();
  if ('value' in netstat) {
    const joined = joinEndpoints({
      entries: netstat.value,
      processes: 'value' in processes ? processes.value : null,
      rules: rules && 'value' in rules ? rules.value : null,
      allStates: false,
    });
    for (const endpoint of joined) push(endpoints, key(endpoint.protocol, endpoint.localPort), endpoint);
  }
  const rulesByPort = new Map<number, ProxyRule[]>();
  if (rules && 'value' in rules) for (const rule of rules.value) push(rulesByPort, rule.listenPort, rule);
  const sourceErrors = [
    'error' in netstat ? 'netstat' : null,
    'error' in processes ? 'tasklist' : null,
    rules && 'error' in rules ? 'portproxy' : null,
  ].filter((s): s is string => s !== null);
  return { endpoints, rulesByPort, sourceErrors };
};

const diagnoseOne = (
  reads: DoctorReads,
  index: Index,
  { port, protocol }: WatchedPort,
  checkedAt: string,
): DoctorReport => {
  const causes: DoctorCause[] = [];
  const unreadable: string[] = [];

  for (const table of reads.tables) {
    if (table.protocol !== protocol) continue;
    if (table.error !== undefined) unreadable.push(`${table.protocol}/${table.ipVersion}`);
    for (const range of table.ranges) {
      if (range.start <= port && port <= range.end)
        causes.push({ kind: 'excluded', range: { protocol, ipVersion: table.ipVersion, ...range } });
    }
  }

  if (protocol === 'tcp')
    for (const rule of index.rulesByPort.get(port) ?? []) causes.push({ kind: 'forwarded', rule });

  for (const endpoint of index.endpoints.get(key(protocol, port)) ?? []) {
    if (endpoint.owner === 'portproxy' && endpoint.rule) continue; // reported as 'forwarded' above
    causes.push({ kind: 'owned', endpoint });
  }

  for (const dynamic of reads.dynamic) {
    if (dynamic.protocol !== protocol) continue;
    const { range } = dynamic;
    if (range === null) unreadable.push(`${UNREADABLE_DYNAMIC_PREFIX}${protocol}/${dynamic.ipVersion}`);
    else if (range.start <= port && port < range.start + range.count) causes.push({ kind: 'dynamic-range', range });
  }

  const sourceErrors = index.sourceErrors.filter((s) => s !== 'portproxy' || protocol === 'tcp');
  return { port, protocol, causes, unreadable: [...unreadable, ...sourceErrors], checkedAt };
};

/** One report per query, in the query's order; no commands at all for an empty list. Never throws. */
export const diagnosePorts = async (
  op: Operation,
  now: () => Date,
  queries: readonly WatchedPort[],
): Promise<DoctorReport[]> => {
  if (queries.length === 0) return [];
  const protocols = [...new Set(queries.map((q) => q.protocol))];
  const reads = await readAll(op, protocols);
  const index = buildIndex(reads.sources);
  const checkedAt = now().toISOString();
  return queries.map((query) => diagnoseOne(reads, index, query, checkedAt));
};
