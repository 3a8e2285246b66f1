/**
 * `schtasks /Create | /Delete | /Query` for the one kind of task Portwarden makes (a logon task).
 * Messages as schtasks.exe prints them: SUCCESS lines on stdout, `ERROR: ...` on stderr with exit 1;
 * an unknown task or a missing /XML file is `ERROR: The system cannot find the file specified.`
 * (localized, win32 2); an unelevated create with the highest run level (or a /Delete of an admin's
 * task) is `ERROR: Access is denied.`.
 *
 * A task is made from switches (/TR /SC ONLOGON /RL, with Task Scheduler's defaults: 72 hours, battery
 * conditions on; what older Portwarden versions made) or from a /XML definition file, which the
 * simulator cannot read itself (no I/O here, see state.ts): the runner passes a readFile hook.
 * /Query answers only in /XML, the one form Portwarden runs; Task Scheduler re-renders a definition
 * in its own layout with every setting spelled out, and so does this.
 */
import { escapeXmlText, parseScheduledTaskXml, TASK_DEFAULTS } from '../parse/scheduled-task';
import { stderrOf, stdoutOf, type SimOutput } from './output';
import type { Machine, SimScheduledTask } from './state';
import type { Texts } from './texts';

/** Reads a file's bytes for /Create /XML; null when it does not exist or cannot be read. */
export type SimReadFile = (path: string) => Uint8Array | null;

const HOST = 'PORTWARDEN-SIM';
/** The simulated administrator's SID, as Task Scheduler prints a Principal's UserId. */
const ADMIN_SID = 'S-1-5-21-3623811015-3361044348-30300820-500';

/** The switches schtasks knows; anything after one that is not itself a switch is its value (a path may start with `/`). */
const SWITCHES = new Set([
  '/CREATE',
  '/DELETE',
  '/QUERY',
  '/TN',
  '/TR',
  '/SC',
  '/RL',
  '/F',
  '/XML',
  '/FO',
  '/NH',
  '/V',
  '/RU',
  '/IT',
]);
const isSwitch = (token: string | undefined): boolean => token !== undefined && SWITCHES.has(token.toUpperCase());

/** Option values by their switch, case-insensitively (`/tn Portwarden`). Flags map to ''. */
const options = (args: readonly string[]): Map<string, string> => {
  const found = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] ?? '';
    if (!isSwitch(token)) continue;
    const next = args[i + 1];
    if (next !== undefined && !isSwitch(next)) {
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

const invalidSyntax = (): SimOutput => stderrOf(1, ['ERROR: Invalid syntax.', 'Type "SCHTASKS /?" for usage.']);

const notFound = (texts: Texts): SimOutput => stderrOf(1, [`ERROR: ${texts.fileNotFound}`]);
const denied = (texts: Texts): SimOutput => stderrOf(1, [`ERROR: ${texts.accessDenied}`]);

const HIGHEST = 'HighestAvailable';

/** Registers (or with /F replaces) a task, under the rules both create forms share. */
const register = (machine: Machine, texts: Texts, task: SimScheduledTask, replace: boolean): SimOutput => {
  if (task.runLevel === HIGHEST && !machine.elevated) return denied(texts);
  const existing = find(machine, task.name);
  if (existing && !replace) return stderrOf(1, ['ERROR: Cannot create a file when that file already exists.']);
  machine.scheduledTasks = [...machine.scheduledTasks.filter((t) => t !== existing), task];
  return stdoutOf(0, [`SUCCESS: The scheduled task "${task.name}" has successfully been created.`]);
};

/** schtasks splits /TR at the end of a quoted program (keeping the quotes) or at the first space. */
const splitCommandLine = (line: string): { command: string; arguments: string } => {
  const match = /^\s*("[^"]*"|\S+)\s*(.*?)\s*$/.exec(line);
  return { command: match?.[1] ?? '', arguments: match?.[2] ?? '' };
};

const createFromSwitches = (machine: Machine, texts: Texts, name: string, opts: Map<string, string>): SimOutput => {
  const commandLine = opts.get('/TR');
  const schedule = opts.get('/SC');
  if (!commandLine || !schedule) return invalidSyntax();
  return register(
    machine,
    texts,
    {
      ...TASK_DEFAULTS,
      name: bareName(name),
      ...splitCommandLine(commandLine),
      runLevel: opts.get('/RL')?.toUpperCase() === 'HIGHEST' ? HIGHEST : TASK_DEFAULTS.runLevel,
      logonTrigger: schedule.toUpperCase() === 'ONLOGON',
    },
    opts.has('/F'),
  );
};

/** As schtasks reads a definition: UTF-16LE after its BOM (what Task Scheduler writes), UTF-8 otherwise. */
const decodeDefinition = (bytes: Uint8Array): string =>
  new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : 'utf-8').decode(bytes);

const createFromXml = (
  machine: Machine,
  texts: Texts,
  name: string,
  opts: Map<string, string>,
  readFile: SimReadFile | undefined,
): SimOutput => {
  const file = opts.get('/XML');
  if (!file) return invalidSyntax();
  const bytes = readFile?.(file) ?? null;
  if (bytes === null) return notFound(texts);
  const definition = parseScheduledTaskXml(decodeDefinition(bytes));
  if (!definition) return stderrOf(1, [`ERROR: ${texts.taskXmlMalformed}`]);
  return register(machine, texts, { name: bareName(name), ...definition }, opts.has('/F'));
};

const create = (
  machine: Machine,
  texts: Texts,
  opts: Map<string, string>,
  readFile: SimReadFile | undefined,
): SimOutput => {
  const name = opts.get('/TN');
  if (!name) return invalidSyntax();
  return opts.has('/XML')
    ? createFromXml(machine, texts, name, opts, readFile)
    : createFromSwitches(machine, texts, name, opts);
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

/** The definition as Task Scheduler prints it back: its own layout, every setting spelled out. */
const renderXml = (task: SimScheduledTask): string[] => [
  '<?xml version="1.0" encoding="UTF-16"?>',
  '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
  '  <RegistrationInfo>',
  `    <Author>${HOST}\\Administrator</Author>`,
  `    <URI>\\${escapeXmlText(task.name)}</URI>`,
  '  </RegistrationInfo>',
  ...(task.logonTrigger
    ? ['  <Triggers>', '    <LogonTrigger>', '      <Enabled>true</Enabled>', '    </LogonTrigger>', '  </Triggers>']
    : ['  <Triggers />']),
  '  <Principals>',
  '    <Principal id="Author">',
  `      <UserId>${ADMIN_SID}</UserId>`,
  `      <LogonType>${escapeXmlText(task.logonType)}</LogonType>`,
  `      <RunLevel>${escapeXmlText(task.runLevel)}</RunLevel>`,
  '    </Principal>',
  '  </Principals>',
  '  <Settings>',
  `    <MultipleInstancesPolicy>${escapeXmlText(task.multipleInstancesPolicy)}</MultipleInstancesPolicy>`,
  `    <DisallowStartIfOnBatteries>${task.disallowStartIfOnBatteries}</DisallowStartIfOnBatteries>`,
  `    <StopIfGoingOnBatteries>${task.stopIfGoingOnBatteries}</StopIfGoingOnBatteries>`,
  '    <AllowHardTerminate>true</AllowHardTerminate>',
  '    <StartWhenAvailable>false</StartWhenAvailable>',
  '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
  '    <IdleSettings>',
  '      <StopOnIdleEnd>true</StopOnIdleEnd>',
  '      <RestartOnIdle>false</RestartOnIdle>',
  '    </IdleSettings>',
  '    <AllowStartOnDemand>true</AllowStartOnDemand>',
  '    <Enabled>true</Enabled>',
  '    <Hidden>false</Hidden>',
  '    <RunOnlyIfIdle>false</RunOnlyIfIdle>',
  '    <WakeToRun>false</WakeToRun>',
  `    <ExecutionTimeLimit>${escapeXmlText(task.executionTimeLimit)}</ExecutionTimeLimit>`,
  `    <Priority>${task.priority}</Priority>`,
  '  </Settings>',
  '  <Actions Context="Author">',
  '    <Exec>',
  `      <Command>${escapeXmlText(task.command)}</Command>`,
  ...(task.arguments ? [`      <Arguments>${escapeXmlText(task.arguments)}</Arguments>`] : []),
  '    </Exec>',
  '  </Actions>',
  '</Task>',
];

const query = (machine: Machine, texts: Texts, opts: Map<string, string>): SimOutput => {
  const name = opts.get('/TN');
  // Only `/Query /TN <name> /XML` is simulated: a caller that drifts to another form fails loudly in tests.
  if (!name || !opts.has('/XML')) return invalidSyntax();
  const task = find(machine, name);
  // schtasks writes the XML as UTF-16LE (as its declaration says), not in the OEM code page: an install
  // path outside the code page (a Korean folder on an English console) must survive the read-back.
  return task ? { ...stdoutOf(0, renderXml(task)), encoding: 'utf16le' } : notFound(texts);
};

export const runSchtasks = (
  machine: Machine,
  texts: Texts,
  args: readonly string[],
  readFile?: SimReadFile,
): SimOutput => {
  const opts = options(args);
  if (opts.has('/CREATE')) return create(machine, texts, opts, readFile);
  if (opts.has('/DELETE')) return remove(machine, texts, opts);
  if (opts.has('/QUERY')) return query(machine, texts, opts);
  return invalidSyntax();
};
