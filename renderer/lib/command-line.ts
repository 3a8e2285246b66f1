/** Renders a CommandRecord the way a user would type it, and as a plain-text block for copying. */
import type { CommandRecord, Verified } from '../../shared/model';

/** Quotes only what needs it; our argv never contains quotes (docs/architecture.md §5), so no escaping is needed. */
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
  /** Changes only: the operation's verified result (every record of it carries the same one). */
  readonly verified?: Verified;
  /** Read back from the audit log of an earlier run. */
  readonly earlierRun: boolean;
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
    .map(([operationId, list]) => {
      const verified = list[list.length - 1]!.verified;
      return {
        operationId,
        operation: list[0]!.operation,
        startedAt: list[0]!.startedAt,
        records: list,
        ...(verified ? { verified } : {}),
        earlierRun: list[0]!.earlierRun === true,
      };
    })
    .sort((a, b) => b.records[0]!.id - a.records[0]!.id);
};
