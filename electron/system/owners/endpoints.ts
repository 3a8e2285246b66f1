/**
 * netstat rows joined with their owner process and, for the IP Helper's listeners, the portproxy rule
 * behind them. Built for busy machines (20,000 rows): processes and rules are indexed once in Maps, so
 * the join is linear in the number of rows.
 */
import type { Endpoint, IpVersion, NetstatEntry, ProxyRule } from '../../../shared/model';
import { addressKind } from '../../../shared/addresses';
import { tableOfEntries, type NetstatTable, type ParsedProcess } from '../parse';
import { ownerKindOf } from './owner-kind';

export const ipVersionOfAddress = (address: string): IpVersion => (address.includes(':') ? 'ipv6' : 'ipv4');

// One definition for main and window (shared/port-verdict.ts), so "is it a listener" cannot drift.
export { isListener, ruleListenVersion } from '../../../shared/port-verdict';
import { ruleListenVersion } from '../../../shared/port-verdict';

const UNSPECIFIED = new Set(['0.0.0.0', '::']);
const LOOPBACK = new Set(['127.0.0.1', '::1']);

const portKey = (ipVersion: IpVersion, port: number) => `${ipVersion}/${port}`;

export type RuleIndex = ReadonlyMap<string, readonly ProxyRule[]>;

export const indexRules = (rules: readonly ProxyRule[]): RuleIndex => {
  const index = new Map<string, ProxyRule[]>();
  for (const rule of rules) {
    const key = portKey(ruleListenVersion(rule), rule.listenPort);
    const list = index.get(key);
    if (list) list.push(rule);
    else index.set(key, [rule]);
  }
  return index;
};

/**
 * The rule whose socket this is. iphlpsvc binds `*` to the unspecified address and `localhost` to
 * loopback; other host names are not resolved here, so they match only when nothing better does.
 */
const ruleForSocket = (address: string, candidates: readonly ProxyRule[]): ProxyRule | undefined => {
  const lower = address.toLowerCase();
  return (
    candidates.find((r) => r.listenAddress.toLowerCase() === lower) ??
    candidates.find((r) => r.listenAddress === '*' && UNSPECIFIED.has(lower)) ??
    candidates.find((r) => r.listenAddress.toLowerCase() === 'localhost' && LOOPBACK.has(lower)) ??
    candidates.find(
      (r) =>
        r.listenAddress !== '*' &&
        r.listenAddress.toLowerCase() !== 'localhost' &&
        addressKind(r.listenAddress) === 'hostname',
    )
  );
};

/** A process as either source gives it; only the native layer (NativeProcess) has path and user. */
export type OwnerProcess = ParsedProcess & { readonly path?: string; readonly user?: string };

export interface JoinInput {
  /** A read's table, or rows that are objects already. */
  readonly entries: NetstatTable | readonly NetstatEntry[];
  /** null when tasklist could not be read: images stay null and kinds fall back to what the PID says. */
  readonly processes: readonly OwnerProcess[] | null;
  /** null when the rules could not be read: portproxy endpoints then carry no rule. */
  readonly rules: readonly ProxyRule[] | null;
  readonly allStates: boolean;
}

export const joinEndpoints = ({ entries, processes, rules, allStates }: JoinInput): Endpoint[] => {
  const byPid = new Map<number, OwnerProcess>();
  for (const process of processes ?? []) byPid.set(process.pid, process);
  const ruleIndex = indexRules(rules ?? []);
  const endpoints: Endpoint[] = [];
  const table = 'isListenerAt' in entries ? entries : tableOfEntries(entries);
  for (let index = 0; index < table.length; index++) {
    // Listeners only (the default view): the other rows are never built.
    if (!allStates && !table.isListenerAt(index)) continue;
    const entry = table.at(index);
    const process = entry.pid === null ? undefined : byPid.get(entry.pid);
    const services = process ? [...process.services] : [];
    const ipVersion = ipVersionOfAddress(entry.localAddress);
    const owner = ownerKindOf(entry.pid, process?.image ?? null, services);
    // Only a listening TCP socket of the IP Helper is a rule's socket; its connections are not.
    const candidates =
      owner === 'portproxy' && entry.protocol === 'tcp' && entry.state === 'LISTENING'
        ? ruleIndex.get(portKey(ipVersion, entry.localPort))
        : undefined;
    const rule = candidates ? ruleForSocket(entry.localAddress, candidates) : undefined;
    endpoints.push({
      protocol: entry.protocol,
      localAddress: entry.localAddress,
      localPort: entry.localPort,
      remoteAddress: entry.remoteAddress,
      remotePort: entry.remotePort,
      state: entry.state,
      pid: entry.pid,
      ipVersion,
      image: process?.image ?? null,
      services,
      owner,
      ...(rule ? { rule } : {}),
      ...(process?.path ? { path: process.path } : {}),
      ...(process?.user ? { user: process.user } : {}),
    });
  }
  return endpoints;
};

/** "node.exe (PID 9184)", for reasons and step details. */
export const describeOwner = (endpoint: Pick<Endpoint, 'image' | 'pid'>): string =>
  endpoint.image ? `${endpoint.image} (PID ${endpoint.pid ?? '?'})` : `PID ${endpoint.pid ?? '?'}`;
