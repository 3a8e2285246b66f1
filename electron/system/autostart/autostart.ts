/**
 * Start with Windows. An elevated app cannot start from the Run key without a UAC prompt at every
 * logon, so Portwarden registers a logon scheduled task that runs it with highest privileges and
 * `--hidden` (main.ts keeps the window hidden; the tray icon appears). The task is created from a
 * definition file so it has no time limit and no battery conditions (task-xml.ts).
 * Every change is judged by re-reading the task with `schtasks /Query /XML`, never by schtasks' exit
 * code or its localized message (the report's outcome: applied, not-applied or unknown); a task that exists with other settings (an older version's 72-hour
 * task) reads as enabled but needing repair, and enabling again replaces it.
 *
 * Over-the-shoulder elevation (session-user.ts): when an administrator typed their password at the UAC
 * prompt for a standard user, this process runs as the administrator while the desktop is the
 * user's. Enabling is then refused, naming both accounts, because no way of making the task does what
 * the user expects (docs/architecture.md §5, rule 31):
 *   - made as now, the task belongs to the account that creates it: Portwarden would start at the
 *     ADMINISTRATOR's logon, never at the user's;
 *   - made for the user, it would run with the user's standard token, and Task Scheduler cannot start
 *     an executable whose manifest requires administrator from it (a task shows no UAC prompt; it
 *     fails with ERROR_ELEVATION_REQUIRED, 740);
 *   - made to run as the administrator at the user's logon, it would need the administrator's
 *     password stored in Task Scheduler, and would put an elevated app on the user's desktop at every
 *     logon without anyone typing credentials again: the very thing UAC asked the administrator about.
 * Disabling stays allowed (it removes a task, whoever made it). When either account cannot be read,
 * nothing is claimed and enabling works as before.
 */
import type { AutostartReport, AutostartState } from '../../../shared/model';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { AUTOSTART_ARGUMENTS, autostartTaskProblems, buildAutostartTaskXml, encodeTaskXml } from './task-xml';
import { isSafePathText, removeTaskDefinition, taskDefinitionPath, writeTaskDefinition } from './task-file';
import { describeRun } from '../change-report';
import { AUTOSTART_TASK_NAME, createAutostartTask, deleteAutostartTask, queryAutostartTask } from '../commands';
import { parseScheduledTaskXml, type ParsedTaskDefinition } from '../parse';
import { readSessionUser, type SessionUser } from './session-user';

/** What the host knows about its own executable and folders; never from the renderer. */
export interface AutostartHost {
  /** process.execPath of the running app. */
  readonly execPath: string;
  /** app.isPackaged: in dev the exe is electron.exe and the app a dev folder, so a task would be wrong. */
  readonly isPackaged: boolean;
  /** The app's admin-only data folder, where the definition file for `schtasks /XML` is written and removed. */
  readonly taskDefinitionDir: string;
  /**
   * The account this process runs as, from the process token (os.userInfo() on Windows, never the
   * USERNAME variable); null or absent when unknown (the simulator, tests): then no over-the-shoulder
   * check is made.
   */
  readonly processUser?: string | null;
}

/** What a read found: the task's definition, no task, or no answer we can trust. */
export type AutostartRead =
  | { readonly kind: 'present'; readonly task: ParsedTaskDefinition }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly detail: string };

const SCHTASKS_TIMEOUT_MS = 20_000;

export const readAutostartTask = async (op: Operation): Promise<AutostartRead> => {
  const result = await op.run(queryAutostartTask(), { timeoutMs: SCHTASKS_TIMEOUT_MS });
  if (result.timedOut) return { kind: 'unknown', detail: describeRun(result) };
  const task = parseScheduledTaskXml(result.stdout);
  if (task) return { kind: 'present', task };
  // "ERROR: The system cannot find the file specified." is localized; exit 1 with no definition is not.
  if (result.exitCode === 1) return { kind: 'absent' };
  return { kind: 'unknown', detail: describeRun(result) };
};

/** The program check needs the installed exe; a dev run (electron.exe) checks the settings only. */
const problemsOf = (task: ParsedTaskDefinition, host: AutostartHost): string[] =>
  autostartTaskProblems(task, host.isPackaged ? host.execPath : null);

const state = (enabled: boolean, session: SessionUser, needsRepair = false): AutostartState => ({
  enabled,
  taskName: AUTOSTART_TASK_NAME,
  ...(needsRepair ? { needsRepair } : {}),
  ...(session.kind === 'over-the-shoulder'
    ? { overTheShoulder: { elevatedAs: session.elevatedAs, desktopUser: session.desktopUser } }
    : {}),
});

const UNKNOWN_SESSION: SessionUser = { kind: 'unknown' };

/** Whose desktop this is against the account of this process; unknown without the process's account. */
const sessionOf = (op: Operation, host: AutostartHost): Promise<SessionUser> =>
  host.processUser ? readSessionUser(op, host.processUser) : Promise.resolve(UNKNOWN_SESSION);

export const getAutostart = async (op: Operation, host: AutostartHost): Promise<Result<AutostartState>> => {
  const [read, session] = await Promise.all([readAutostartTask(op), sessionOf(op, host)]);
  if (read.kind === 'unknown')
    return err('command-failed', 'Could not read the Start with Windows task.', { detail: read.detail });
  return ok(
    read.kind === 'present' ? state(true, session, problemsOf(read.task, host).length > 0) : state(false, session),
  );
};

const overTheShoulderMessage = (elevatedAs: string, desktopUser: string) =>
  `Portwarden runs as ${elevatedAs} (the account whose password was entered at the administrator prompt), but this desktop belongs to ${desktopUser}. A logon task made now would start Portwarden when ${elevatedAs} signs in, not ${desktopUser}, and ${desktopUser}'s own account cannot start an app that needs administrator rights at sign-in. Nothing was changed. To start Portwarden with Windows, sign in as an administrator and turn it on there.`;

/** Writes the definition, runs the create, and removes the file whatever happened. */
const createFromDefinition = async (op: Operation, host: AutostartHost, file: string): Promise<Result<string>> => {
  const xml = buildAutostartTaskXml({ command: host.execPath, arguments: AUTOSTART_ARGUMENTS });
  try {
    await writeTaskDefinition(file, encodeTaskXml(xml));
  } catch (error) {
    await removeTaskDefinition(file);
    return err(
      'storage-failed',
      'The Start with Windows task definition could not be written, so nothing was changed.',
      {
        detail: messageOf(error),
      },
    );
  }
  try {
    return ok(describeRun(await op.run(createAutostartTask(file), { timeoutMs: SCHTASKS_TIMEOUT_MS })));
  } finally {
    await removeTaskDefinition(file);
  }
};

const applied = (autostart: AutostartState): Result<AutostartReport> => ok({ outcome: 'applied', autostart });

const unreadable = (message: string, detail: string): Result<AutostartReport> =>
  ok({ outcome: 'unknown', autostart: null, message, detail });

const enable = async (op: Operation, host: AutostartHost): Promise<Result<AutostartReport>> => {
  if (!host.isPackaged) {
    return err(
      'refused',
      'Start with Windows is only available in the installed app; a development run would register electron.exe and a source folder.',
    );
  }
  const file = taskDefinitionPath(host.taskDefinitionDir);
  // The exe only goes into the XML (escaped); the file path goes into argv and must also be absolute.
  if (!isSafePathText(host.execPath) || file === null) {
    return err(
      'refused',
      'The app or data folder path cannot be used for the Start with Windows task (not absolute, or quotes or control characters).',
    );
  }
  const session = await sessionOf(op, host);
  if (session.kind === 'over-the-shoulder')
    return err('refused', overTheShoulderMessage(session.elevatedAs, session.desktopUser));
  const created = await createFromDefinition(op, host, file);
  if (!created.ok) return created;
  const read = await readAutostartTask(op);
  if (read.kind === 'unknown')
    return unreadable('The Start with Windows task could not be read back after creating it.', read.detail);
  const problems = read.kind === 'present' ? problemsOf(read.task, host) : ['no task was found'];
  if (problems.length === 0) return applied(state(true, session));
  return ok({
    outcome: 'not-applied',
    autostart: read.kind === 'present' ? state(true, session, true) : state(false, session),
    message: 'The Start with Windows task was not created as intended.',
    detail: `${created.value}; ${problems.join(', ')}`,
  });
};

const disable = async (op: Operation, host: AutostartHost): Promise<Result<AutostartReport>> => {
  const result = await op.run(deleteAutostartTask(), { timeoutMs: SCHTASKS_TIMEOUT_MS });
  // Deleting a task that is already gone fails, but the re-read says what matters: it is gone.
  const [read, session] = await Promise.all([readAutostartTask(op), sessionOf(op, host)]);
  if (read.kind === 'absent') return applied(state(false, session));
  if (read.kind === 'unknown')
    return unreadable('The Start with Windows task could not be read back after deleting it.', read.detail);
  return ok({
    outcome: 'not-applied',
    autostart: state(true, session, problemsOf(read.task, host).length > 0),
    message: 'The Start with Windows task was not deleted.',
    detail: describeRun(result),
  });
};

export const setAutostart = (op: Operation, host: AutostartHost, enabled: boolean): Promise<Result<AutostartReport>> =>
  enabled ? enable(op, host) : disable(op, host);
