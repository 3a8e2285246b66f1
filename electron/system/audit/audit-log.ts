/**
 * The audit log: one line per command a change ran (every command of a mutation route's operation,
 * its verification reads included) and one closing line per operation with its verified result.
 *
 * Why two kinds of line instead of one complete line per operation: the verified result is known only
 * when the operation settles, but an elevated process can be killed half way (a crash, logoff, Task
 * Manager). Each command's line is written synchronously the moment the command returns, with
 * `verified: "pending"`, so the commands that already changed Windows are on disk whatever happens
 * next; the `outcome` line closes the operation. The reader joins them by run + operation id, and an
 * operation with no outcome line shows as 'interrupted' — itself the most useful thing an audit can
 * say about it.
 *
 * A change that runs no command (deleting a backup file) is recorded as Portwarden's own action,
 * `portwarden delete-backup id=<id>` (Operation.recordOwnChange in activity-log.ts), so it has its
 * command line and its outcome line like any other change.
 *
 * Plain read-only refreshes (the ranges table, owners, watched-port checks) are not audited to the
 * file: they change nothing and run every few seconds. They stay in the in-memory activity list only.
 */
import { randomBytes } from 'node:crypto';
import type { CommandRecord, Verified } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { CommandLine, OutcomeLine } from './audit-format';
import { clipText, safeJsonLine } from './escape';

/** Output kept per stream in the audit (the in-memory activity keeps more). */
export const AUDIT_OUTPUT_CHARS = 4 * 1024;
/** No audit line is ever longer than this, whatever a command printed or was given. */
export const AUDIT_LINE_MAX = 32 * 1024;

export interface AuditLog {
  /** Change commands from earlier runs of the app, read once when the log was opened (oldest first). */
  readonly earlier: readonly CommandRecord[];
  /** Writes a change command's line now, before its result goes back to the caller. */
  command(record: CommandRecord): void;
  /** Writes the closing line of a change operation. */
  outcome(operationId: string, operation: string, verified: Verified): void;
}

/** A change route's Result as the audit's verified value: the report's outcome, else the error code. */
export const verifiedOf = (result: Result<unknown>): Verified => {
  if (!result.ok) return result.error.code;
  const value = result.value as { outcome?: unknown } | null;
  const outcome = value && typeof value === 'object' ? value.outcome : undefined;
  if (outcome === 'applied' || outcome === 'not-applied' || outcome === 'unknown') return outcome;
  // Results without a report (the watched-ports list, the autostart state) are the state the
  // service read back after the change and compared with the request: an ok one is verified.
  return 'applied';
};

/** A short id per process run, so `op-1` of today and `op-1` of yesterday stay apart. */
export const newRunId = (now = Date.now()): string => `${now.toString(36)}-${randomBytes(3).toString('hex')}`;

const commandLine = (record: CommandRecord, run: string, outputChars: number, argvChars: number): string => {
  const argv = [record.command, ...record.args];
  const line: CommandLine = {
    v: 1,
    kind: 'command',
    time: record.startedAt,
    run,
    op: record.operationId,
    operation: record.operation,
    argv:
      argv.length > 64
        ? [...argv.slice(0, 64).map((a) => clipText(a, argvChars)), `…[+${argv.length - 64} args]`]
        : argv.map((a) => clipText(a, argvChars)),
    exitCode: record.exitCode,
    durationMs: record.durationMs,
    timedOut: record.timedOut,
    verified: record.verified ?? 'pending',
    stdout: clipText(record.stdout, outputChars),
    stderr: clipText(record.stderr, outputChars),
  };
  return safeJsonLine(line);
};

/** The line for one command, shrunk step by step until it fits AUDIT_LINE_MAX. */
export const formatCommandLine = (record: CommandRecord, run: string): string => {
  const full = commandLine(record, run, AUDIT_OUTPUT_CHARS, 4096);
  if (full.length <= AUDIT_LINE_MAX) return full;
  const small = commandLine(record, run, 256, 256);
  if (small.length <= AUDIT_LINE_MAX) return small;
  return commandLine(record, run, 0, 64);
};

export const formatOutcomeLine = (
  run: string,
  op: string,
  operation: string,
  verified: Verified,
  time: string,
): string => {
  const line: OutcomeLine = { v: 1, kind: 'outcome', time, run, op, operation: clipText(operation, 200), verified };
  return safeJsonLine(line);
};

export const createAuditLog = (options: {
  /** Appends one line (no line break in it) to the audit file; synchronous, see the note on top. */
  write(line: string): void;
  earlier?: readonly CommandRecord[];
  runId?: string;
  now?: () => number;
}): AuditLog => {
  const run = options.runId ?? newRunId();
  const now = options.now ?? Date.now;
  return {
    earlier: options.earlier ?? [],
    command(record) {
      options.write(formatCommandLine(record, run));
    },
    outcome(operationId, operation, verified) {
      options.write(formatOutcomeLine(run, operationId, operation, verified, new Date(now()).toISOString()));
    },
  };
};
