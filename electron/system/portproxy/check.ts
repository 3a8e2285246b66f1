/**
 * "Does the rule work?" and "what stands in the way of this listen port?". Each command is read ONCE
 * for all rules (sc, netstat, tasklist, one excluded-range table per IP version), then every rule is
 * answered from those reads. A portproxy listener is an ordinary LISTENING socket owned by the
 * svchost.exe that hosts iphlpsvc (netstat-anp-find.en.1.txt, docs/architecture.md §1); any other owner of the port
 * keeps the rule from listening, and so does an excluded range over it (the Docker symptom).
 */
import type {
  CheckState,
  IpVersion,
  ListenPortPreflight,
  ProxyRule,
  RangeChange,
  RuleCheck,
  ServiceStatus,
} from '../../../shared/model';
import { addressKind } from '../../../shared/addresses';
import { listenKey } from '../../../shared/proxy-rules';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { describeRun } from '../change-report';
import { parseTasklist, scanNetstat, type ParsedNetstatEntry, type ParsedProcess } from '../parse';
import { readExcludedTable, readServiceStatus } from '../state-reader';
import { netstatWithPids, tasklistWithServices } from './commands';
import { readPortProxy } from './read';
import type { TcpProbe } from './types';

type Now = () => Date;

/** The probe timeout of a rule check; the UI shows the answer for each rule, so keep it short. */
export const TARGET_TIMEOUT_MS = 2000;
/** Probes at once: a long list should not open hundreds of sockets together. */
const PROBE_CONCURRENCY = 8;

type Read<T> = { readonly value: T } | { readonly error: string };

const readListeners = async (op: Operation): Promise<Read<ParsedNetstatEntry[]>> => {
  const result = await op.run(netstatWithPids());
  if (result.timedOut || result.exitCode !== 0) return { error: `netstat: ${describeRun(result)}` };
  // Only listeners are built as rows (netstat-table.ts); of those, the TCP ones.
  const table = scanNetstat(result.stdout);
  const listeners: ParsedNetstatEntry[] = [];
  for (let index = 0; index < table.length; index++) {
    if (!table.isListenerAt(index)) continue;
    const entry = table.at(index);
    if (entry.protocol === 'tcp' && entry.state === 'LISTENING') listeners.push(entry);
  }
  return { value: listeners };
};

const readProcesses = async (op: Operation): Promise<Read<ParsedProcess[]>> => {
  const result = await op.run(tasklistWithServices());
  if (result.timedOut || result.exitCode !== 0) return { error: `tasklist: ${describeRun(result)}` };
  return { value: parseTasklist(result.stdout) };
};

const listenVersion = (rule: Pick<ProxyRule, 'type'>): IpVersion => (rule.type.startsWith('v4') ? 'ipv4' : 'ipv6');

const readExcluded = async (op: Operation, versions: readonly IpVersion[]) =>
  new Map(
    await Promise.all(
      [...new Set(versions)].map(
        async (v) => [v, await readExcludedTable(op, { protocol: 'tcp', ipVersion: v })] as const,
      ),
    ),
  );

const UNSPECIFIED = new Set(['0.0.0.0', '::']);
const isV6 = (address: string) => address.includes(':');

/** Listeners that would collide with the rule's listen address and port (same IP version). */
const listenersFor = (rule: ProxyRule, listeners: readonly ParsedNetstatEntry[]) =>
  listeners.filter((e) => e.localPort === rule.listenPort && isV6(e.localAddress) === (listenVersion(rule) === 'ipv6'));

const isHostName = (address: string) => address !== '*' && addressKind(address) === 'hostname';

/** The socket iphlpsvc opens for this very rule: `*` binds the unspecified address; a host name is not resolved here. */
const isRuleSocket = (rule: ProxyRule, entry: ParsedNetstatEntry) =>
  rule.listenAddress === '*'
    ? UNSPECIFIED.has(entry.localAddress)
    : isHostName(rule.listenAddress) || entry.localAddress.toLowerCase() === rule.listenAddress.toLowerCase();

/** Another socket keeps the rule from binding when either side is the unspecified address or both are the same. */
const collides = (rule: ProxyRule, entry: ParsedNetstatEntry) =>
  rule.listenAddress === '*' ||
  UNSPECIFIED.has(rule.listenAddress) ||
  UNSPECIFIED.has(entry.localAddress) ||
  isRuleSocket(rule, entry);

const iphlpsvcHost = (processes: readonly ParsedProcess[]) =>
  processes.find((p) => p.services.some((s) => s.toLowerCase() === 'iphlpsvc')) ?? null;

const ownerName = (pid: number, processes: readonly ParsedProcess[] | null) => {
  const process = processes?.find((p) => p.pid === pid);
  return process ? `${process.image} (PID ${pid})` : `PID ${pid}`;
};

const excludedRange = (rule: ProxyRule, tables: Awaited<ReturnType<typeof readExcluded>>): Read<RangeChange | null> => {
  const ipVersion = listenVersion(rule);
  const table = tables.get(ipVersion);
  if (!table || table.error) return { error: table?.error ?? 'not read' };
  const range = table.ranges.find((r) => r.start <= rule.listenPort && rule.listenPort <= r.end);
  return { value: range ? { protocol: 'tcp', ipVersion, ...range } : null };
};

const serviceCheck = (status: ServiceStatus): CheckState =>
  status === 'running' ? 'ok' : status === 'stopped' || status === 'absent' ? 'problem' : 'unknown';

const listeningCheck = (
  rule: ProxyRule,
  listeners: Read<ParsedNetstatEntry[]>,
  processes: Read<ParsedProcess[]>,
  iphlpsvc: ServiceStatus,
): RuleCheck['listening'] => {
  if ('error' in listeners) return { state: 'unknown', detail: listeners.error };
  const candidates = listenersFor(rule, listeners.value);
  const known = 'value' in processes ? processes.value : null;
  const hostPid = known ? iphlpsvcHost(known)?.pid : undefined;
  const ours = candidates.find((e) => e.pid !== null && e.pid === hostPid && isRuleSocket(rule, e));
  if (ours) return { state: 'ok', owner: ownerName(hostPid!, known) };
  const foreign = candidates.find((e) => e.pid !== null && e.pid !== hostPid && collides(rule, e));
  if (foreign && !known)
    return {
      state: 'unknown',
      owner: ownerName(foreign.pid!, null),
      detail: 'error' in processes ? processes.error : '',
    };
  if (foreign) {
    const owner = ownerName(foreign.pid!, known);
    return {
      state: 'problem',
      owner,
      detail: `Port ${rule.listenPort} is held by ${owner}, so the rule cannot listen on it.`,
    };
  }
  const why = iphlpsvc === 'running' ? '' : ' The IP Helper service (iphlpsvc) is not running.';
  return { state: 'problem', detail: `Nothing listens on port ${rule.listenPort}.${why}` };
};

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of the answers. */
const mapLimited = async <T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

const targetCheck = async (probe: TcpProbe, rule: ProxyRule): Promise<RuleCheck['target']> => {
  try {
    const answer = await probe.probe(rule.connectAddress, rule.connectPort, TARGET_TIMEOUT_MS);
    return { state: answer.answered ? 'ok' : 'problem', detail: answer.detail, ms: answer.ms };
  } catch (error) {
    // The probe promises not to throw; a broken one must still not sink the other answers.
    return { state: 'unknown', detail: messageOf(error) };
  }
};

export const checkRules = async (
  op: Operation,
  now: Now,
  probe: TcpProbe,
  rules: readonly ProxyRule[],
): Promise<Result<readonly RuleCheck[]>> => {
  const [iphlpsvc, listeners, processes, tables] = await Promise.all([
    readServiceStatus(op, 'iphlpsvc'),
    readListeners(op),
    readProcesses(op),
    readExcluded(op, rules.map(listenVersion)),
  ]);
  const targets = await mapLimited(rules, PROBE_CONCURRENCY, (rule) => targetCheck(probe, rule));
  const checkedAt = now().toISOString();
  return ok(
    rules.map((rule, index): RuleCheck => {
      const excluded = excludedRange(rule, tables);
      return {
        rule,
        iphlpsvc: { state: serviceCheck(iphlpsvc), status: iphlpsvc },
        listening: listeningCheck(rule, listeners, processes, iphlpsvc),
        target: targets[index]!,
        excluded:
          'error' in excluded
            ? { state: 'unknown' }
            : excluded.value
              ? { state: 'problem', range: excluded.value }
              : { state: 'ok' },
        checkedAt,
      };
    }),
  );
};

export const preflightRule = async (op: Operation, rule: ProxyRule): Promise<Result<ListenPortPreflight>> => {
  const [proxy, listeners, processes, tables] = await Promise.all([
    readPortProxy(op),
    readListeners(op),
    readProcesses(op),
    readExcluded(op, [listenVersion(rule)]),
  ]);
  const excluded = excludedRange(rule, tables);
  // null means "nothing in the way", so a read that failed is an error, never a null.
  const failed = [
    proxy.rules === null ? `portproxy: ${proxy.error ?? ''}` : null,
    'error' in listeners ? listeners.error : null,
    'error' in processes ? processes.error : null,
    'error' in excluded ? `excludedportrange: ${excluded.error}` : null,
  ].filter((e): e is string => e !== null);
  if (
    failed.length > 0 ||
    proxy.rules === null ||
    'error' in listeners ||
    'error' in processes ||
    'error' in excluded
  ) {
    return err('command-failed', 'Could not read what stands in the way of the listen port.', {
      detail: failed.join('; '),
    });
  }
  const hostPid = iphlpsvcHost(processes.value)?.pid;
  const foreign = listenersFor(rule, listeners.value).find(
    (e) => e.pid !== null && e.pid !== hostPid && collides(rule, e),
  );
  const process = foreign ? processes.value.find((p) => p.pid === foreign.pid) : undefined;
  return ok({
    excluded: excluded.value,
    owner: foreign ? { pid: foreign.pid!, image: process?.image ?? '', services: process?.services ?? [] } : null,
    existingRule: proxy.rules.find((r) => listenKey(r) === listenKey(rule)) ?? null,
  });
};
