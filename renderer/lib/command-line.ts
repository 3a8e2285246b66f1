/** Renders a CommandRecord the way a user would type it, and as a plain-text block for copying. */
import type { CommandRecord } from '../../shared/model';

/** Quotes only what needs it; our argv never contains quotes (DESIGN §5), so no escaping is needed. */
const quote = (arg: string) => (arg === '' || /\s/.test(arg) ? `"${arg}"` : arg);

export const commandLine = (record: Pick<CommandRecord, 'command' | 'args'>): string =>
  [record.command, ...record.args].map(quote).join(' ');

export const recordAsText = (record: CommandRecord): string =>
  [
    `> ${commandLine(record)}`,
    `exit code: ${record.exitCode ?? 'none'}${record.timedOut ? ' (timed out)' : ''}, ${record.durationMs} ms, started ${record.startedAt}`,
    record.stdout ? `--- stdout ---\n${record.stdout.trimEnd()}` : '',
    record.stderr ? `--- stderr ---\n${record.stderr.trimEnd()}` : '',
  ]
    .filter(Boolean)
    .join('\n');

export interface OperationGroup {
  readonly operationId: string;
  readonly operation: string;
  readonly startedAt: string;
  readonly records: readonly CommandRecord[];
}

/** Groups records by operation, newest operation first, commands in the order they ran. */
export const groupByOperation = (records: readonly CommandRecord[]): OperationGroup[] => {
  const groups = new Map<string, CommandRecord[]>();
  for (const record of [...records].sort((a, b) => a.id - b.id)) {
    const list = groups.get(record.operationId);
    if (list) list.push(record);
    else groups.set(record.operationId, [record]);
  }
  return [...groups.entries()]
    .map(([operationId, list]) => ({
      operationId,
      operation: list[0]!.operation,
      startedAt: list[0]!.startedAt,
      records: list,
    }))
    .sort((a, b) => b.records[0]!.id - a.records[0]!.id);
};
