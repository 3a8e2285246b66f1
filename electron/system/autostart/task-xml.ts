/**
 * The Start with Windows task as a Task Scheduler definition (schema 1.2), and the check of what
 * `schtasks /Query /XML` reads back against it.
 *
 * Why XML and not `schtasks /Create /SC ONLOGON /TR ...`: a task made from switches keeps Task
 * Scheduler's defaults, ExecutionTimeLimit PT72H (Windows ends the tray app after three days) and
 * DisallowStartIfOnBatteries / StopIfGoingOnBatteries true (a laptop on battery never starts it, or
 * stops it when unplugged). No schtasks switch sets those; a definition file does.
 */
import type { ParsedTaskDefinition } from '../parse';
import { escapeXml } from '../parse/scheduled-task';

/** Declared and encoded as UTF-16: schtasks /Create /XML expects UTF-16LE with a BOM (as Task Scheduler exports). */
const BOM = '\uFEFF';

/** What the task passes to the app: main.ts then keeps the window hidden and shows the tray icon. */
export const AUTOSTART_ARGUMENTS = '--hidden';

const RUN_LEVEL = 'HighestAvailable';
/** No time limit (ISO 8601 zero duration): the tray app runs until the user quits it. */
const NO_LIMIT = 'PT0S';
/**
 * Task priority 7 (the default) runs the process at below-normal CPU priority with low I/O and memory
 * priority; 4-6 are normal. A tray app the user interacts with should not be starved.
 */
const PRIORITY = 5;

export interface AutostartTaskSpec {
  /** The program, unquoted (Command and Arguments are separate fields, so a path with spaces needs no quotes). */
  readonly command: string;
  readonly arguments: string;
}

/**
 * The LogonTrigger has no UserId, so it fires at any user's logon, as `schtasks /SC ONLOGON` made it.
 * Naming a user is not safe here: after an over-the-shoulder UAC prompt the elevated process runs as
 * the administrator who typed the password, not as the interactive user, and USERNAME comes from an
 * environment the user controls. The Principal has no UserId either, so schtasks registers it for
 * the account that creates it; with InteractiveToken the task runs only in that user's session, and
 * IgnoreNew plus the app's single-instance lock keep a second logon from starting a second copy.
 */
export const buildAutostartTaskXml = (spec: AutostartTaskSpec): string =>
  [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    '    <Description>Starts Portwarden in the notification area at logon.</Description>',
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <LogonTrigger>',
    '      <Enabled>true</Enabled>',
    '    </LogonTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    '      <LogonType>InteractiveToken</LogonType>',
    `      <RunLevel>${RUN_LEVEL}</RunLevel>`,
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <AllowHardTerminate>true</AllowHardTerminate>',
    '    <StartWhenAvailable>false</StartWhenAvailable>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '    <Hidden>false</Hidden>',
    `    <ExecutionTimeLimit>${NO_LIMIT}</ExecutionTimeLimit>`,
    `    <Priority>${PRIORITY}</Priority>`,
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${escapeXml(spec.command)}</Command>`,
    `      <Arguments>${escapeXml(spec.arguments)}</Arguments>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');

/** The bytes of a /XML file: UTF-16LE with a BOM, as the XML declaration says. */
export const encodeTaskXml = (xml: string): Buffer => Buffer.from(`${BOM}${xml}`, 'utf16le');

/** `"C:\x.exe"` (a task made with /TR keeps the quotes) and `C:\x.exe` are the same program. */
const unquote = (value: string): string => value.replace(/^"(.*)"$/, '$1');

/**
 * What is wrong with a task read back, in words for the activity detail; empty when it is ours and
 * current. `exePath` null skips the program check (a dev run cannot know the installed exe).
 * Windows paths are case-insensitive, so the program is compared without case.
 */
export const autostartTaskProblems = (task: ParsedTaskDefinition, exePath: string | null): string[] => {
  const problems: string[] = [];
  if (exePath !== null && unquote(task.command).toLowerCase() !== exePath.toLowerCase())
    problems.push(`runs ${task.command}`);
  if (!task.arguments.split(/\s+/).includes(AUTOSTART_ARGUMENTS))
    problems.push(`arguments "${task.arguments}" lack ${AUTOSTART_ARGUMENTS}`);
  if (!task.logonTrigger) problems.push('no logon trigger');
  if (task.runLevel !== RUN_LEVEL) problems.push(`run level ${task.runLevel}`);
  if (task.executionTimeLimit !== NO_LIMIT) problems.push(`time limit ${task.executionTimeLimit}`);
  if (task.disallowStartIfOnBatteries) problems.push('does not start on battery');
  if (task.stopIfGoingOnBatteries) problems.push('stops on battery');
  return problems;
};
