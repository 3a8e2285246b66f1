/**
 * Reads the state the UI shows: the four excluded-range tables, the four dynamic ranges and WinNAT's
 * service state. Reads run in parallel (they are independent netsh/sc processes); each table that
 * fails carries its own error so one broken family does not hide the others.
 */
import {
  PROTOCOL_FAMILIES,
  type DynamicRange,
  type ExcludedRangeTable,
  type ProtocolFamily,
  type ServiceStatus,
  type Snapshot,
} from '../../shared/model';
import type { Operation } from './activity-log';
import type { RunResult } from './run/command-runner';
import { queryService, showDynamicRange, showExcludedRanges, type ServiceName } from './commands';
import { parseDynamicPortRange, parseExcludedRanges, parseServiceState } from './parse';
import { readNatively } from './native-reads';

/** Every real excluded-range table has its dash line, even when empty; usage text does not. */
const DASH_LINE = /^\s*-{4,}/m;

const failureText = (result: RunResult): string =>
  result.timedOut
    ? 'timed out'
    : `exit code ${result.exitCode ?? 'none'}: ${(result.stderr || result.stdout).trim().split(/\r?\n/)[0] ?? ''}`;

export const readExcludedTable = async (op: Operation, family: ProtocolFamily): Promise<ExcludedRangeTable> => {
  const result = await op.run(showExcludedRanges(family));
  if (result.timedOut || result.exitCode !== 0 || !DASH_LINE.test(result.stdout)) {
    return { ...family, ranges: [], error: failureText(result) };
  }
  const ranges = parseExcludedRanges(result.stdout).sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...family, ranges };
};

export const readExcludedTables = (op: Operation): Promise<ExcludedRangeTable[]> =>
  Promise.all(PROTOCOL_FAMILIES.map((family) => readExcludedTable(op, family)));

export const readDynamicRange = async (op: Operation, family: ProtocolFamily): Promise<DynamicRange | null> => {
  const result = await op.run(showDynamicRange(family));
  if (result.timedOut || result.exitCode !== 0) return null;
  const range = parseDynamicPortRange(result.stdout);
  return range ? { ...family, ...range } : null;
};

export const readDynamicRanges = async (op: Operation): Promise<DynamicRange[]> =>
  (await Promise.all(PROTOCOL_FAMILIES.map((family) => readDynamicRange(op, family)))).filter(
    (r): r is DynamicRange => r !== null,
  );

export const readServiceStatus = async (op: Operation, name: ServiceName): Promise<ServiceStatus> => {
  const native = readNatively(op, 'service state', (windows) => windows.serviceState(name));
  if (native) return native.value;
  const result = await op.run(queryService(name));
  // sc exits 1060 for a missing service; the parser recognises that text in every language.
  if (result.timedOut) return 'unknown';
  return parseServiceState(result.stdout);
};

export const readSnapshot = async (op: Operation, now: () => Date = () => new Date()): Promise<Snapshot> => {
  const [excluded, dynamic, winnat] = await Promise.all([
    readExcludedTables(op),
    readDynamicRanges(op),
    readServiceStatus(op, 'winnat'),
  ]);
  return { excluded, dynamic, winnat, readAt: now().toISOString() };
};
