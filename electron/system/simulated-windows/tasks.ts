/**
 * `tasklist /fo csv /nh [/svc] [/fi "PID eq n"]` and `taskkill [/F] /PID n`.
 * No real `tasklist /svc` CSV capture exists; rows follow the code comments quoted in SOURCES.md §6
 * (`"svchost.exe","1240","BrokerInfrastructure,DcomLaunch,..."`, `"System Idle Process","0","N/A"`).
 * taskkill texts: session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt, taskkill.ko.1.txt.
 */
import { taskkillAccessDenied } from './denials';
import { stderrOf, stdoutOf, type SimOutput } from './output';
import { killProcess } from './services';
import type { Machine, SimProcess } from './state';
import type { Texts } from './texts';

const csv = (fields: readonly string[]): string => fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(',');
const memory = (kb: number): string => `${kb.toLocaleString('en-US')} K`;

const hasFlag = (args: readonly string[], flag: string): boolean => args.some((arg) => arg.toLowerCase() === flag);
const valueAfter = (args: readonly string[], flag: string): string | undefined =>
  args[args.findIndex((arg) => arg.toLowerCase() === flag) + 1];

/** `/fi "PID eq 1234"` or `/fi "IMAGENAME eq node.exe"`; other filters match everything. */
const filterOf = (args: readonly string[]): ((p: SimProcess) => boolean) => {
  const filter = hasFlag(args, '/fi') ? (valueAfter(args, '/fi') ?? '') : '';
  const match = /^\s*(pid|imagename)\s+eq\s+(.+?)\s*$/i.exec(filter);
  if (!match) return () => true;
  const [, field = '', value = ''] = match;
  return field.toLowerCase() === 'pid'
    ? (p) => String(p.pid) === value
    : (p) => p.image.toLowerCase() === value.toLowerCase();
};

export const runTasklist = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  const withServices = hasFlag(args, '/svc');
  // /v adds Status, User Name, CPU Time and Window Title; the user is the process token's account.
  const verbose = hasFlag(args, '/v');
  const processes = machine.processes.filter(filterOf(args));
  if (processes.length === 0) return stdoutOf(0, [texts.noTasks]);
  const header = withServices
    ? ['Image Name', 'PID', 'Services']
    : ['Image Name', 'PID', 'Session Name', 'Session#', 'Mem Usage'];
  const rows = processes.map((p) =>
    withServices
      ? csv([p.image, String(p.pid), p.services.length > 0 ? p.services.join(',') : 'N/A'])
      : csv([
          p.image,
          String(p.pid),
          p.sessionName,
          p.sessionName === 'Services' ? '0' : '1',
          memory(p.memKb),
          ...(verbose
            ? ['Running', p.user ?? (p.owner === 'system' ? 'NT AUTHORITY\\SYSTEM' : 'DEVBOX\\dev'), '0:00:01', 'N/A']
            : []),
        ]),
  );
  return stdoutOf(0, hasFlag(args, '/nh') ? rows : [csv(header), ...rows]);
};

export const runTaskkill = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  const pidText = valueAfter(args, '/pid');
  if (!hasFlag(args, '/pid') || pidText === undefined) {
    return stderrOf(1, [
      'ERROR: Invalid syntax. Neither /FI nor /PID nor /IM were specified.',
      'Type "TASKKILL /?" for usage.',
    ]);
  }
  const pid = /^[0-9]{1,10}$/.test(pidText) ? Number(pidText) : NaN;
  // Windows refuses the idle process (critical) and System (access denied), elevated or not.
  if (pid === 0) return stderrOf(1, [texts.taskkillCannot(0), texts.taskkillReason(texts.criticalProcess)]);
  if (pid === 4) return taskkillAccessDenied(texts, 4);
  const process = machine.processes.find((p) => p.pid === pid);
  if (!process) return stderrOf(128, [texts.taskkillNotFound(pidText)]);
  if (process.owner === 'system' && !machine.elevated) return taskkillAccessDenied(texts, pid);
  killProcess(machine, pid);
  return stdoutOf(0, [texts.taskkillSuccess(pid)]);
};
