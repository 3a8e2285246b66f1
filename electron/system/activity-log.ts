/**
 * The record of every command the app ran, grouped by user operation. It feeds the activity view
 * ("every action shows the exact commands it ran") and is bounded so a long-running tray app does
 * not grow without limit.
 */
import type { CommandRecord } from '../../shared/model';
import type { CommandRunner, RunOptions, RunResult } from './command-runner';
import type { CommandLine } from './commands';

/** Output kept per record; netstat on a busy machine can print megabytes. */
const MAX_OUTPUT_CHARS = 64 * 1024;

export interface ActivityLog {
  list(): readonly CommandRecord[];
  onRecord(listener: (record: CommandRecord) => void): () => void;
  /** Starts a user operation; its commands share one operation id in the log. */
  begin(operation: string): Operation;
}

/** Runs commands on behalf of one user operation and records each one. */
export interface Operation {
  readonly id: string;
  readonly name: string;
  run(line: CommandLine, options?: RunOptions): Promise<RunResult>;
}

const clip = (text: string): string =>
  text.length > MAX_OUTPUT_CHARS ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n[… ${text.length - MAX_OUTPUT_CHARS} more characters]` : text;

export const createActivityLog = (runner: CommandRunner, options: { limit?: number; now?: () => number } = {}): ActivityLog => {
  const limit = options.limit ?? 500;
  const now = options.now ?? Date.now;
  const records: CommandRecord[] = [];
  const listeners = new Set<(record: CommandRecord) => void>();
  let nextRecordId = 1;
  let nextOperationId = 1;

  const push = (record: CommandRecord) => {
    records.push(record);
    if (records.length > limit) records.splice(0, records.length - limit);
    for (const listener of listeners) listener(record);
  };

  return {
    list: () => [...records],
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    begin(operation) {
      const id = `op-${nextOperationId++}`;
      return {
        id,
        name: operation,
        async run(line, runOptions) {
          const started = now();
          const result = await runner.run(line.command, line.args, runOptions);
          push({
            id: nextRecordId++,
            operationId: id,
            operation,
            command: line.command,
            args: [...line.args],
            exitCode: result.exitCode,
            stdout: clip(result.stdout),
            stderr: clip(result.stderr),
            timedOut: result.timedOut,
            durationMs: now() - started,
            startedAt: new Date(started).toISOString(),
          });
          return result;
        },
      };
    },
  };
};
