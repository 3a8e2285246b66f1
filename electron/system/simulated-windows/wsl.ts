/**
 * `wsl.exe` over the simulated machine: the distro list, a command run inside a distro (which
 * starts it, and the VM with it), --terminate and --shutdown.
 *
 * As on Windows, wsl.exe's own messages are UTF-16LE whatever the console code page, while the
 * output of a program inside the distro (`ip`) is the distro's UTF-8. In NAT mode the VM's eth0 gets
 * a new 172.16.0.0/12 address at every VM start (why a WSL forwarding rule goes stale after a
 * reboot); in mirrored mode (`networkingMode=mirrored` under [wsl2] in .wslconfig, read when the VM
 * starts, as WSL does) eth0 mirrors the host's LAN address.
 */
import type { WslConfigSource } from '../wsl/types';
import { stdoutOf, type SimOutput } from './output';
import { randomInt } from './random';
import type { Machine, SimWsl, SimWslDistro } from './state';

/** The host's LAN address in every scenario (the System listener on 139 binds it). */
export const HOST_LAN_ADDRESS = '192.168.1.23';

const utf16 = (exitCode: number, lines: readonly string[]): SimOutput => ({
  ...stdoutOf(exitCode, lines),
  encoding: 'utf16le',
});

/** wsl.exe exits with -1 (shown as 4294967295 by Windows' unsigned exit code) on its own errors. */
const WSL_ERROR_EXIT = 4294967295;

const NOT_INSTALLED = utf16(1, [
  "Windows Subsystem for Linux is not installed. You can install by running 'wsl.exe --install'.",
]);
const NO_DISTRO = utf16(WSL_ERROR_EXIT, [
  'There is no distribution with the supplied name.',
  'Error code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND',
]);

/** Whether the .wslconfig text asks for mirrored networking: `networkingMode=mirrored` in [wsl2]. */
export const simMirrored = (text: string | null): boolean => {
  if (text === null) return false;
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1]!.trim().toLowerCase();
    else if (section === 'wsl2') {
      const pair = /^networkingmode\s*=\s*(\S+)$/i.exec(line);
      if (pair) return pair[1]!.toLowerCase() === 'mirrored';
    }
  }
  return false;
};

const findDistro = (wsl: SimWsl, name: string): SimWslDistro | undefined =>
  wsl.distros.find((d) => d.name.toLowerCase() === name.toLowerCase());

/** The VM's address as the network beyond it answers: the probe reaches the distros' servers there. */
const publishVm = (machine: Machine, wsl: SimWsl, previous: string | null): void => {
  machine.remoteHosts = machine.remoteHosts.filter((h) => h.address !== previous);
  if (wsl.vmAddress === null || wsl.vmAddress === HOST_LAN_ADDRESS) return;
  const openPorts = [...new Set(wsl.distros.filter((d) => d.state === 'Running').flatMap((d) => d.openPorts))];
  machine.remoteHosts = [
    ...machine.remoteHosts.filter((h) => h.address !== wsl.vmAddress),
    { address: wsl.vmAddress, openPorts, latencyMs: 1 },
  ];
};

/** Starts the distro (and the VM first when it is off: a new NAT address). */
export const startDistro = (machine: Machine, distro: SimWslDistro): void => {
  const wsl = machine.wsl!;
  const previous = wsl.vmAddress;
  if (wsl.vmAddress === null) {
    wsl.vmAddress = simMirrored(wsl.wslconfig)
      ? HOST_LAN_ADDRESS
      : `172.${randomInt(machine, 17, 31)}.${randomInt(machine, 0, 255)}.${randomInt(machine, 2, 254)}`;
  }
  distro.state = 'Running';
  publishVm(machine, wsl, previous);
};

/** Stops one distro; the VM stops with the last one (WSL keeps it a little longer; not modelled). */
export const terminateDistro = (machine: Machine, distro: SimWslDistro): void => {
  const wsl = machine.wsl!;
  distro.state = 'Stopped';
  const previous = wsl.vmAddress;
  if (!wsl.distros.some((d) => d.state === 'Running')) wsl.vmAddress = null;
  publishVm(machine, wsl, previous);
};

export const shutdownWsl = (machine: Machine): void => {
  const wsl = machine.wsl!;
  const previous = wsl.vmAddress;
  for (const distro of wsl.distros) distro.state = 'Stopped';
  wsl.vmAddress = null;
  publishVm(machine, wsl, previous);
};

const list = (wsl: SimWsl): SimOutput => {
  if (wsl.distros.length === 0) {
    return utf16(WSL_ERROR_EXIT, [
      'Windows Subsystem for Linux has no installed distributions.',
      'Error code: Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND',
    ]);
  }
  const width = Math.max(16, ...wsl.distros.map((d) => d.name.length + 2));
  return utf16(0, [
    `  ${'NAME'.padEnd(width)}STATE           VERSION`,
    ...wsl.distros.map((d) => `${d.isDefault ? '*' : ' '} ${d.name.padEnd(width)}${d.state.padEnd(16)}${d.version}`),
  ]);
};

/** `ip -4 -o addr show eth0`, as iproute2 prints it (one line per address, `\` for the continuation). */
const ipAddr = (address: string): SimOutput => {
  const lines = [
    `2: eth0    inet ${address}/20 brd ${address.replace(/\.\d+\.\d+$/, '.255.255')} scope global eth0\\       valid_lft forever preferred_lft forever`,
  ];
  return { exitCode: 0, stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', encoding: 'utf8' };
};

const runInside = (machine: Machine, wsl: SimWsl, name: string, command: readonly string[]): SimOutput => {
  const distro = findDistro(wsl, name);
  if (!distro) return NO_DISTRO;
  if (distro.state !== 'Running') startDistro(machine, distro);
  const text = command.join(' ');
  if (text === 'ip -4 -o addr show eth0') return ipAddr(wsl.vmAddress!);
  if (command.length === 0 || text === 'true') return { exitCode: 0, stdout: '', stderr: '', encoding: 'utf8' };
  return { exitCode: 127, stdout: '', stderr: `${command[0]}: command not found\n`, encoding: 'utf8' };
};

export const runWsl = (machine: Machine, args: readonly string[]): SimOutput => {
  const wsl = machine.wsl;
  if (!wsl) return NOT_INSTALLED;
  const [first = '', second = ''] = args;
  const lowered = args.map((a) => a.toLowerCase());
  if ((first === '-l' || first === '--list') && (second === '-v' || second === '--verbose')) return list(wsl);
  if (first === '--shutdown') {
    shutdownWsl(machine);
    return utf16(0, []);
  }
  if (first === '--terminate' || first === '-t') {
    const distro = findDistro(wsl, second);
    if (!distro) return NO_DISTRO;
    terminateDistro(machine, distro);
    return utf16(0, ['The operation completed successfully.']);
  }
  if ((first === '-d' || first === '--distribution') && (lowered[2] === '-e' || lowered[2] === '--exec')) {
    return runInside(machine, wsl, second, args.slice(3));
  }
  return utf16(WSL_ERROR_EXIT, ['Invalid command line argument: ' + args.join(' ')]);
};

/** The interactive user's .wslconfig, answered from the machine (the real one: wsl/interactive-profile.ts). */
export const createSimWslConfig = (machine: Machine): WslConfigSource => ({
  read: async () =>
    machine.wsl
      ? { profile: machine.wsl.profile, text: machine.wsl.wslconfig }
      : { profile: 'C:\\Users\\dev', text: null },
});
