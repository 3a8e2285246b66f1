/**
 * Argv builders. Each takes an already validated domain value and returns the fixed leading tokens
 * plus `key=value` tokens; user data never stands alone as a token, so it can never become a verb.
 */
import type { IpVersion, Protocol, ProtocolFamily } from '../../shared/model';
import type { SystemCommand } from './run/command-runner';

export interface CommandLine {
  readonly command: SystemCommand;
  readonly args: readonly string[];
}

const netsh = (...args: string[]): CommandLine => ({ command: 'netsh', args });

export const showExcludedRanges = ({ protocol, ipVersion }: ProtocolFamily): CommandLine =>
  netsh('interface', ipVersion, 'show', 'excludedportrange', `protocol=${protocol}`);

export const addExcludedRange = (family: ProtocolFamily, startPort: number, numberOfPorts: number): CommandLine =>
  netsh(
    'interface',
    family.ipVersion,
    'add',
    'excludedportrange',
    `protocol=${family.protocol}`,
    `startport=${startPort}`,
    `numberofports=${numberOfPorts}`,
    'store=persistent',
  );

export const deleteExcludedRange = (family: ProtocolFamily, startPort: number, numberOfPorts: number): CommandLine =>
  netsh(
    'interface',
    family.ipVersion,
    'delete',
    'excludedportrange',
    `protocol=${family.protocol}`,
    `startport=${startPort}`,
    `numberofports=${numberOfPorts}`,
    'store=persistent',
  );

export const showDynamicRange = ({ protocol, ipVersion }: ProtocolFamily): CommandLine =>
  netsh('interface', ipVersion, 'show', 'dynamicport', protocol);

export const setDynamicRange = (
  family: { protocol: Protocol; ipVersion: IpVersion },
  start: number,
  count: number,
): CommandLine =>
  netsh(
    'interface',
    family.ipVersion,
    'set',
    'dynamicport',
    family.protocol,
    `start=${start}`,
    `num=${count}`,
    'store=persistent',
  );

/** WinNAT is a kernel driver service; `net` waits for the state change, `sc` does not. */
export const stopService = (name: ServiceName): CommandLine => ({ command: 'net', args: ['stop', name] });
export const startService = (name: ServiceName): CommandLine => ({ command: 'net', args: ['start', name] });
export const queryService = (name: ServiceName): CommandLine => ({ command: 'sc', args: ['query', name] });

/** Services the app touches; a closed list, never user input. */
export type ServiceName = 'winnat' | 'iphlpsvc';

/** `net session` exits 0 only for an elevated token (2 with "Access is denied." otherwise). */
export const elevationProbe = (): CommandLine => ({ command: 'net', args: ['session'] });

/** The console OEM code page, used to decode every other command's output. */
export const oemCodePageQuery = (): CommandLine => ({
  command: 'reg',
  args: ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP'],
});

/** The logon task's name: a constant, never user data (Start with Windows). */
export const AUTOSTART_TASK_NAME = 'Portwarden';

/**
 * An elevated app cannot autostart from the Run key without a UAC prompt at every logon; a logon task
 * with the highest run level starts it elevated without one. The task comes from a definition file
 * (autostart/task-xml.ts says why switches are not enough); the path is the app's own, validated by
 * autostart/task-file.ts, and may contain spaces (argv, no shell). /F replaces an existing task of the
 * same name, which is also how an outdated task is repaired.
 */
export const createAutostartTask = (definitionFile: string): CommandLine => ({
  command: 'schtasks',
  args: ['/Create', '/TN', AUTOSTART_TASK_NAME, '/XML', definitionFile, '/F'],
});

export const deleteAutostartTask = (): CommandLine => ({
  command: 'schtasks',
  args: ['/Delete', '/TN', AUTOSTART_TASK_NAME, '/F'],
});

/** The task's definition as XML on stdout (console text, like any other output). */
export const queryAutostartTask = (): CommandLine => ({
  command: 'schtasks',
  args: ['/Query', '/TN', AUTOSTART_TASK_NAME, '/XML'],
});
