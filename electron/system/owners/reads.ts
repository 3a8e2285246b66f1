/**
 * The three reads behind owners and the doctor, each run once per request: the endpoint tables, the
 * processes with their services and the portproxy rules, through the Win32 APIs where the native layer
 * is open (no process spawned) and otherwise `netstat -ano`, `tasklist /fo csv /nh /svc` and
 * `netsh interface portproxy show all`. A failed read is a value
 * (`{ error }`), so one broken command does not hide what the others say.
 */
import type { ProxyRule } from '../../../shared/model';
import type { Operation } from '../activity-log';
import { describeRun } from '../change-report';
import { parseTasklist, scanNetstat, tableOfEntries, type NetstatTable } from '../parse';
import type { OwnerProcess } from './endpoints';
import { netstatWithPids, tasklistWithServices } from '../portproxy/commands';
import { readPortProxy } from '../portproxy/read';
import { readNatively } from '../native-reads';

export type Read<T> = { readonly value: T } | { readonly error: string };

/** The endpoint table: rows are built only when asked for (netstat-table.ts), most never are. */
export const readNetstat = async (op: Operation): Promise<Read<NetstatTable>> => {
  // netstat -ano lists TCP before UDP; the native tables keep that order.
  const native = readNatively(op, 'endpoint', (windows) =>
    tableOfEntries([...windows.tcpEndpoints(), ...windows.udpEndpoints()]),
  );
  if (native) return native;
  const result = await op.run(netstatWithPids());
  if (result.timedOut || result.exitCode !== 0) return { error: `netstat: ${describeRun(result)}` };
  return { value: scanNetstat(result.stdout) };
};

/** Natively with path and user where Windows gives them; tasklist has neither. */
export const readProcesses = async (op: Operation): Promise<Read<OwnerProcess[]>> => {
  const native = readNatively(op, 'process', (windows) => windows.processes());
  if (native) return native;
  const result = await op.run(tasklistWithServices());
  if (result.timedOut || result.exitCode !== 0) return { error: `tasklist: ${describeRun(result)}` };
  return { value: parseTasklist(result.stdout) };
};

export const readRules = async (op: Operation): Promise<Read<readonly ProxyRule[]>> => {
  const proxy = await readPortProxy(op);
  return proxy.rules === null ? { error: `portproxy: ${proxy.error ?? ''}` } : { value: proxy.rules };
};

export interface OwnerSources {
  readonly netstat: Read<NetstatTable>;
  readonly processes: Read<OwnerProcess[]>;
  /** null when not asked for (a UDP-only question: portproxy is TCP only). */
  readonly rules: Read<readonly ProxyRule[]> | null;
}

/** The reads are independent processes: run them together. */
export const readOwnerSources = async (op: Operation, options: { rules: boolean }): Promise<OwnerSources> => {
  const [netstat, processes, rules] = await Promise.all([
    readNetstat(op),
    readProcesses(op),
    options.rules ? readRules(op) : Promise.resolve(null),
  ]);
  return { netstat, processes, rules };
};
