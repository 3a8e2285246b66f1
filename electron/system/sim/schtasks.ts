/**
 * `schtasks /Create | /Delete | /Query` for the one kind of task Portwarden makes (a logon task).
 * Messages as schtasks.exe prints them: SUCCESS lines on stdout, `ERROR: ...` on stderr with exit 1;
 * an unknown task is `ERROR: The system cannot find the file specified.` (localized, win32 error 2);
 * an unelevated /Create with /RL HIGHEST (or a /Delete of an admin's task) is `ERROR: Access is denied.`.
 * Query renders the verbose (/V) CSV or LIST layout; the column order is the same in every language.
 */
import { stderrOf, stdoutOf, type SimOutput } from './output';
import type { Machine, SimScheduledTask } from './state';
import type { Texts } from './texts';

const HOST = 'PORTWARDEN-SIM';

/** Option values by their switch, case-insensitively (`/tn Portwarden`). Flags map to ''. */
const options = (args: readonly string[]): Map<string, string> => {
  const found = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] ?? '';
    if (!token.startsWith('/')) continue;
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('/')) {
      found.set(token.toUpperCase(), next);
      i += 1;
    } else {
      found.set(token.toUpperCase(), '');
    }
  }
  return found;
};

const bareName = (name: string): string => name.replace(/^\\/, '');
const find = (machine: Machine, name: string): SimScheduledTask | undefined =>
  machine.scheduledTasks.find((task) => task.name.toLowerCase() === bareName(name).toLowerCase());

const invalidSyntax = (): SimOutput =>
  stderrOf(1, ['ERROR: Invalid syntax.', 'Type "SCHTASKS /?" for usage.']);

const notFound = (texts: Texts): SimOutput => stderrOf(1, [`ERROR: ${texts.fileNotFound}`]);
const denied = (texts: Texts): SimOutput => stderrOf(1, [`ERROR: ${texts.accessDenied}`]);

const create = (machine: Machine, texts: Texts, opts: Map<string, string>): SimOutput => {
  const name = opts.get('/TN');
  const commandLine = opts.get('/TR');
  const schedule = opts.get('/SC');
  if (!name || !commandLine || !schedule) return invalidSyntax();
  const runLevel = opts.get('/RL')?.toUpperCase() === 'HIGHEST' ? 'highest' : 'limited';
  if (runLevel === 'highest' && !machine.elevated) return denied(texts);
  const existing = find(machine, name);
  if (existing && !opts.has('/F')) return stderrOf(1, ['ERROR: Cannot create a file when that file already exists.']);
  const task: SimScheduledTask = { name: bareName(name), commandLine, runLevel, schedule: schedule.toUpperCase() };
  machine.scheduledTasks = [...machine.scheduledTasks.filter((t) => t !== existing), task];
  return stdoutOf(0, [`SUCCESS: The scheduled task "${task.name}" has successfully been created.`]);
};

const remove = (machine: Machine, texts: Texts, opts: Map<string, string>): SimOutput => {
  const name = opts.get('/TN');
  if (!name) return invalidSyntax();
  const task = find(machine, name);
  if (!task) return notFound(texts);
  if (!machine.elevated) return denied(texts);
  machine.scheduledTasks = machine.scheduledTasks.filter((t) => t !== task);
  return stdoutOf(0, [`SUCCESS: The scheduled task "${task.name}" was successfully deleted.`]);
};

/** The 28 verbose columns, in schtasks' fixed order (labels shown in English; values per task). */
const verbose = (task: SimScheduledTask): [label: string, value: string][] => [
  ['HostName', HOST],
  ['TaskName', `\\${task.name}`],
  ['Next Run Time', 'N/A'],
  ['Status', 'Ready'],
  ['Logon Mode', 'Interactive/Background'],
  ['Last Run Time', '11/30/1999 12:00:00 AM'],
  ['Last Result', '267011'],
  ['Author', `${HOST}\\Administrator`],
  ['Task To Run', task.commandLine],
  ['Start In', 'N/A'],
  ['Comment', 'N/A'],
  ['Scheduled Task State', 'Enabled'],
  ['Idle Time', 'Disabled'],
  ['Power Management', 'Stop On Battery Mode, No Start On Batteries'],
  ['Run As User', 'Administrator'],
  ['Delete Task If Not Rescheduled', 'Disabled'],
  ['Stop Task If Runs X Hours and X Mins', '72:00:00'],
  ['Schedule', 'Scheduling data is not available in this format.'],
  ['Schedule Type', task.schedule === 'ONLOGON' ? 'At logon time' : task.schedule],
  ['Start Time', 'N/A'],
  ['Start Date', 'N/A'],
  ['End Date', 'N/A'],
  ['Days', 'N/A'],
  ['Months', 'N/A'],
  ['Repeat: Every', 'N/A'],
  ['Repeat: Until: Time', 'N/A'],
  ['Repeat: Until: Duration', 'N/A'],
  ['Repeat: Stop If Still Running', 'N/A'],
];

/** schtasks quotes every CSV field and writes embedded quotes raw (no doubling). */
const csvRow = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(',');

const query = (machine: Machine, texts: Texts, opts: Map<string, string>): SimOutput => {
  const name = opts.get('/TN');
  const tasks = name === undefined ? machine.scheduledTasks : [find(machine, name)].filter((t): t is SimScheduledTask => t !== undefined);
  if (name !== undefined && tasks.length === 0) return notFound(texts);
  const format = (opts.get('/FO') ?? 'TABLE').toUpperCase();
  if (!opts.has('/V') && format !== 'TABLE') {
    // Short form: TaskName, Next Run Time, Status.
    const rows = tasks.map((t) => [`\\${t.name}`, 'N/A', 'Ready']);
    if (format === 'CSV') return stdoutOf(0, [...(opts.has('/NH') ? [] : [csvRow(['TaskName', 'Next Run Time', 'Status'])]), ...rows.map(csvRow)]);
  }
  if (format === 'CSV') {
    const header = csvRow(verbose(tasks[0] ?? { name: '', commandLine: '', runLevel: 'limited', schedule: '' }).map(([label]) => label));
    return stdoutOf(0, [...(opts.has('/NH') ? [] : [header]), ...tasks.map((t) => csvRow(verbose(t).map(([, value]) => value)))]);
  }
  if (format === 'LIST') {
    const width = 38;
    return stdoutOf(0, [
      '',
      'Folder: \\',
      ...tasks.flatMap((t) => [...verbose(t).map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`), '']),
    ]);
  }
  // TABLE: not used by Portwarden; the short table layout.
  return stdoutOf(0, [
    '',
    'Folder: \\',
    'TaskName                                 Next Run Time          Status',
    '======================================== ====================== ===============',
    ...tasks.map((t) => `${t.name.padEnd(40)} ${'N/A'.padEnd(22)} Ready`),
  ]);
};

export const runSchtasks = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  const opts = options(args);
  if (opts.has('/CREATE')) return create(machine, texts, opts);
  if (opts.has('/DELETE')) return remove(machine, texts, opts);
  if (opts.has('/QUERY')) return query(machine, texts, opts);
  return invalidSyntax();
};
