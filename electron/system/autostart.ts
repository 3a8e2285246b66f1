/**
 * Start with Windows. An elevated app cannot start from the Run key without a UAC prompt at every
 * logon, so Portwarden registers a logon scheduled task that runs it with highest privileges and
 * `--hidden` (main.ts keeps the window hidden; the tray icon appears). Every change is judged by
 * re-reading the task with `schtasks /Query`, never by schtasks' exit code or its localized message.
 */
import type { AutostartState } from '../../shared/model';
import { err, ok, type Result } from '../../shared/result';
import type { Operation } from './activity-log';
import { describeRun } from './change-report';
import {
  AUTOSTART_TASK_NAME,
  autostartCommandLine,
  createAutostartTask,
  deleteAutostartTask,
  queryAutostartTask,
} from './commands';
import { parseScheduledTask } from './parse';

/** What the host knows about its own executable; never from the renderer. */
export interface AutostartHost {
  /** process.execPath of the running app. */
  readonly execPath: string;
  /** app.isPackaged: in dev the exe is electron.exe and the app a dev folder, so a task would be wrong. */
  readonly isPackaged: boolean;
}

/** What a read found: the task and its command line, no task, or no answer we can trust. */
export type AutostartRead =
  | { readonly kind: 'present'; readonly commandLine: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly detail: string };

const SCHTASKS_TIMEOUT_MS = 20_000;

export const readAutostartTask = async (op: Operation): Promise<AutostartRead> => {
  const result = await op.run(queryAutostartTask(), { timeoutMs: SCHTASKS_TIMEOUT_MS });
  if (result.timedOut) return { kind: 'unknown', detail: describeRun(result) };
  const task = parseScheduledTask(result.stdout);
  if (task) return { kind: 'present', commandLine: task.commandLine };
  // "ERROR: The system cannot find the file specified." is localized; exit 1 with no task row is not.
  if (result.exitCode === 1) return { kind: 'absent' };
  return { kind: 'unknown', detail: describeRun(result) };
};

const state = (enabled: boolean): AutostartState => ({ enabled, taskName: AUTOSTART_TASK_NAME });

export const getAutostart = async (op: Operation): Promise<Result<AutostartState>> => {
  const read = await readAutostartTask(op);
  if (read.kind === 'unknown') return err('command-failed', 'Could not read the Start with Windows task.', { detail: read.detail });
  return ok(state(read.kind === 'present'));
};

const enable = async (op: Operation, host: AutostartHost): Promise<Result<AutostartState>> => {
  if (!host.isPackaged) {
    return err('refused', 'Start with Windows is only available in the installed app; a development run would register electron.exe and a source folder.');
  }
  const expected = autostartCommandLine(host.execPath);
  const result = await op.run(createAutostartTask(host.execPath), { timeoutMs: SCHTASKS_TIMEOUT_MS });
  const read = await readAutostartTask(op);
  if (read.kind === 'present' && read.commandLine === expected) return ok(state(true));
  if (read.kind === 'unknown') {
    return err('unknown-outcome', 'The Start with Windows task could not be read back after creating it.', { detail: read.detail });
  }
  const found = read.kind === 'present' ? `; the task runs ${read.commandLine}` : '; no task was found';
  return err('not-applied', 'The Start with Windows task was not created.', { detail: `${describeRun(result)}${found}` });
};

const disable = async (op: Operation): Promise<Result<AutostartState>> => {
  const result = await op.run(deleteAutostartTask(), { timeoutMs: SCHTASKS_TIMEOUT_MS });
  // Deleting a task that is already gone fails, but the re-read says what matters: it is gone.
  const read = await readAutostartTask(op);
  if (read.kind === 'absent') return ok(state(false));
  if (read.kind === 'unknown') {
    return err('unknown-outcome', 'The Start with Windows task could not be read back after deleting it.', { detail: read.detail });
  }
  return err('not-applied', 'The Start with Windows task was not deleted.', { detail: describeRun(result) });
};

export const setAutostart = (op: Operation, host: AutostartHost, enabled: boolean): Promise<Result<AutostartState>> =>
  enabled ? enable(op, host) : disable(op);
