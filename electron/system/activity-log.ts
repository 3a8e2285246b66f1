/**
 * The record of every command the app ran, grouped by user operation. It feeds the activity view
 * ("every action shows the exact commands it ran") and is bounded so a long-running tray app does
 * not grow without limit.
 *
 * Changes are also audited: every operation begun while a change route's handler runs (`change()`,
 * tracked with AsyncLocalStorage so concurrent reads are never mistaken for it) writes each command to
 * the audit log as it returns and one outcome line when the handler settles; its records carry the
 * verified result ('pending' until then) and are pushed again once it is known. The list the renderer
 * reads is the earlier runs' audited changes followed by this run's records: the same audit data.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CommandRecord, Verified } from '../../shared/model';
import type { Result } from '../../shared/result';
import type { AuditLog } from './audit/audit-log';
import { verifiedOf } from './audit/audit-log';
import type { CommandRunner, RunOptions, RunResult } from './run/command-runner';
import type { CommandLine } from './commands';
import type { NativeWindows } from './native';
import { createReadCoalescer } from './run/read-coalescer';

/** Output kept per record; netstat on a busy machine can print megabytes. */
const MAX_OUTPUT_CHARS = 64 * 1024;

export interface ActivityLog {
  list(): readonly CommandRecord[];
  onRecord(listener: (record: CommandRecord) => void): () => void;
  /** Starts a user operation; its commands share one operation id in the log. */
  begin(operation: string): Operation;
  /** Runs a change route's handler: the operations it begins are audited and settle with its Result. */
  change<T>(handle: () => Promise<Result<T>>): Promise<Result<T>>;
  /**
   * Adds a line that is not a command (e.g. "the native read layer is unavailable: using commands").
   * The same text is added once per run, however often it is reported.
   */
  note(operation: string, text: string): void;
}

/** Runs commands on behalf of one user operation and records each one. */
export interface Operation {
  readonly id: string;
  readonly name: string;
  run(line: CommandLine, options?: RunOptions): Promise<RunResult>;
  /**
   * The Win32 read layer (electron/system/native), where it is open: reads that have an API go
   * through it and spawn nothing; null means every read runs its command (electron/system/native-reads.ts).
   */
  readonly native: NativeWindows | null;
  /** Reports that a native read failed and its command was used instead (noted once per reason). */
  nativeFailed(what: string, reason: string): void;
  /**
   * Runs a Win32 call that changes Windows (SetTcpEntry) and records it like a command: the API as
   * the command, its arguments, the Win32 error code as the exit code; audited inside a change.
   */
  callNative(api: string, args: readonly string[], call: () => number): number;
  /**
   * Records a change Portwarden makes itself, with no command to run (deleting a backup file), like a
   * command: `portwarden <action> <args>`, exit code 0 when `change` reports it done, 1 when not, and the
   * error text when it threw (rethrown). Audited inside a change, so such changes leave a line too.
   */
  recordOwnChange(
    action: string,
    args: readonly string[],
    change: () => Promise<{ readonly done: boolean; readonly detail: string }>,
  ): Promise<{ readonly done: boolean; readonly detail: string }>;
}

const clip = (text: string): string =>
  text.length > MAX_OUTPUT_CHARS
    ? `${text.slice(0, MAX_OUTPUT_CHARS)}\n[… ${text.length - MAX_OUTPUT_CHARS} more characters]`
    : text;

export const createActivityLog = (
  runner: CommandRunner,
  options: { limit?: number; now?: () => number; audit?: AuditLog; native?: NativeWindows | null } = {},
): ActivityLog => {
  const limit = options.limit ?? 500;
  const now = options.now ?? Date.now;
  const audit = options.audit;
  const earlier = audit?.earlier ?? [];
  const records: CommandRecord[] = [];
  const listeners = new Set<(record: CommandRecord) => void>();
  /** The change operations begun inside the current change() call, if any. */
  const changeScope = new AsyncLocalStorage<{ id: string; name: string }[]>();
  let nextRecordId = 1;
  let nextOperationId = 1;
  const native = options.native ?? null;
  const noted = new Set<string>();
  /** Identical reads in flight share one process (run/read-coalescer.ts); changes never share. */
  const reads = createReadCoalescer();

  const emit = (record: CommandRecord) => {
    for (const listener of listeners) listener(record);
  };

  const push = (record: CommandRecord) => {
    records.push(record);
    if (records.length > limit) records.splice(0, records.length - limit);
    emit(record);
  };

  /** A log that cannot be written must never fail the change it describes. */
  const toAudit = (write: (log: AuditLog) => void) => {
    try {
      if (audit) write(audit);
    } catch {
      // electron-log reports its own file errors; nothing more to do here.
    }
  };

  const settle = (operation: { id: string; name: string }, verified: Verified) => {
    toAudit((log) => log.outcome(operation.id, operation.name, verified));
    records.forEach((record, index) => {
      if (record.operationId !== operation.id) return;
      const updated = { ...record, verified };
      records[index] = updated;
      emit(updated);
    });
  };

  const note = (operation: string, text: string) => {
    if (noted.has(text)) return;
    noted.add(text);
    const at = now();
    push({
      id: nextRecordId++,
      operationId: `note-${noted.size}`,
      operation,
      command: 'portwarden',
      args: ['note'],
      exitCode: null,
      stdout: text,
      stderr: '',
      timedOut: false,
      durationMs: 0,
      startedAt: new Date(at).toISOString(),
    });
  };

  return {
    list: () => [...earlier, ...records],
    note,
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    begin(operation) {
      const id = `op-${nextOperationId++}`;
      const scope = changeScope.getStore();
      scope?.push({ id, name: operation });
      return {
        id,
        name: operation,
        native,
        nativeFailed: (what, reason) =>
          note('native-read', `The native ${what} read failed (${reason}); Portwarden ran the command instead.`),
        callNative(api, args, call) {
          const started = now();
          const code = call();
          const record: CommandRecord = {
            id: nextRecordId++,
            operationId: id,
            operation,
            command: api,
            args: [...args],
            exitCode: code,
            stdout: '',
            stderr: code === 0 ? '' : `Win32 error ${code}`,
            timedOut: false,
            durationMs: now() - started,
            startedAt: new Date(started).toISOString(),
            ...(scope ? { verified: 'pending' as const } : {}),
          };
          if (scope) toAudit((log) => log.command(record));
          push(record);
          return code;
        },
        async recordOwnChange(action, args, change) {
          const started = now();
          const record = (exitCode: number, stdout: string, stderr: string): void => {
            const entry: CommandRecord = {
              id: nextRecordId++,
              operationId: id,
              operation,
              command: 'portwarden',
              args: [action, ...args],
              exitCode,
              stdout,
              stderr,
              timedOut: false,
              durationMs: now() - started,
              startedAt: new Date(started).toISOString(),
              ...(scope ? { verified: 'pending' as const } : {}),
            };
            if (scope) toAudit((log) => log.command(entry));
            push(entry);
          };
          try {
            const result = await change();
            record(result.done ? 0 : 1, result.done ? result.detail : '', result.done ? '' : result.detail);
            return result;
          } catch (error) {
            record(1, '', clip(error instanceof Error ? error.message : String(error)));
            throw error;
          }
        },
        async run(line, runOptions) {
          const started = now();
          const { result, shared } = await reads.run(line, runOptions, scope !== undefined, () =>
            runner.run(line.command, line.args, runOptions),
          );
          const record: CommandRecord = {
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
            ...(scope ? { verified: 'pending' as const } : {}),
            ...(shared ? { shared: true } : {}),
          };
          // On disk before the caller sees the result (and before the next command can run).
          if (scope) toAudit((log) => log.command(record));
          push(record);
          return result;
        },
      };
    },
    change(handle) {
      const begun: { id: string; name: string }[] = [];
      // A read asked from here on must see this change: none of them joins a read already in flight.
      reads.invalidate();
      return changeScope.run(begun, async () => {
        let verified: Verified = 'internal';
        try {
          const result = await handle();
          verified = verifiedOf(result);
          return result;
        } finally {
          reads.invalidate();
          for (const operation of begun) settle(operation, verified);
        }
      });
    },
  };
};
