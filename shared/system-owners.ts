/**
 * What Windows itself holds, and what must never be ended: one policy for the main process (which
 * refuses, whatever a hostile renderer sends) and the window (which explains instead of offering a
 * kill). Pure and JSON-only.
 */
import type { Protocol } from './model';

/** PID 4 is System (kernel listeners); PID 0 (Idle) "owns" TIME_WAIT rows that no process holds any more. */
export const KERNEL_PIDS: ReadonlySet<number> = new Set([0, 4]);

/** Killing any of these ends the session or bugchecks the machine (CRITICAL_PROCESS_DIED). */
const CRITICAL_IMAGES: ReadonlySet<string> = new Set(
  [
    'System',
    'System Idle Process',
    'Registry',
    'Secure System',
    'Memory Compression',
    'smss.exe',
    'csrss.exe',
    'wininit.exe',
    'winlogon.exe',
    'services.exe',
    'lsass.exe',
    'lsaiso.exe',
  ].map((name) => name.toLowerCase()),
);

/**
 * Services Windows cannot run without: their failure action restarts Windows, or they take RPC,
 * networking, name resolution or the firewall with them. The svchost.exe hosting one of them (and a
 * shared svchost hosts many) is as critical as csrss.exe.
 */
export const CRITICAL_SERVICES: readonly string[] = [
  'RpcSs',
  'RpcEptMapper',
  'DcomLaunch',
  'LSM',
  'BrokerInfrastructure',
  'SystemEventsBroker',
  'Power',
  'PlugPlay',
  'SamSs',
  'Schedule',
  'EventLog',
  'Dhcp',
  'Dnscache',
  'nsi',
  'BFE',
  'mpssvc',
  'gpsvc',
  'ProfSvc',
  'UserManager',
  'CoreMessagingRegistrar',
  'Winmgmt',
  'CryptSvc',
];

/** The first critical service among `services` (case-insensitive, as tasklist prints key names), or null. */
export const criticalServiceOf = (services: readonly string[]): string | null =>
  CRITICAL_SERVICES.find((critical) => services.some((s) => s.toLowerCase() === critical.toLowerCase())) ?? null;

export type KillRefusal = 'no-process' | 'system' | 'critical' | 'critical-service';

/** Why a process may not be ended, or null. The window shows it; the main process enforces it. */
export const killRefusalOf = ({
  pid,
  image,
  services = [],
}: {
  readonly pid: number | null;
  readonly image: string | null;
  readonly services?: readonly string[];
}): KillRefusal | null => {
  if (pid === null || image === null) return pid !== null && KERNEL_PIDS.has(pid) ? 'system' : 'no-process';
  if (KERNEL_PIDS.has(pid)) return 'system';
  const name = image.toLowerCase();
  if (CRITICAL_IMAGES.has(name) || CRITICAL_IMAGES.has(`${name}.exe`)) return 'critical';
  return criticalServiceOf(services) !== null ? 'critical-service' : null;
};

/**
 * What a port held by PID 4 (System) is. No process of its own holds these sockets: kernel drivers
 * do. SMB (srv2.sys) listens on 445; NetBIOS over TCP/IP (netbt.sys) on 137/138 UDP and 139 TCP;
 * HTTP.sys on the ports Windows components register with it (80/443 for IIS and other HTTP.sys
 * servers, 5985/5986 WinRM, 47001 WinRM's local listener, 2869 SSDP/UPnP, 5357/5358 WSD, 10243 media
 * sharing). Anything else is "a kernel driver or an HTTP.sys URL reservation" (`netsh http show
 * urlacl` / `servicestate` names it); it is never guessed as HTTP.sys.
 */
export type KernelListener = 'smb' | 'netbios' | 'http-sys' | 'kernel';

const HTTP_SYS_TCP_PORTS: ReadonlySet<number> = new Set([80, 443, 2869, 5357, 5358, 5985, 5986, 10243, 47001]);

export const kernelListenerOf = (protocol: Protocol, port: number): KernelListener => {
  if (protocol === 'tcp' && port === 445) return 'smb';
  if ((protocol === 'udp' && (port === 137 || port === 138)) || (protocol === 'tcp' && port === 139)) return 'netbios';
  if (protocol === 'tcp' && HTTP_SYS_TCP_PORTS.has(port)) return 'http-sys';
  return 'kernel';
};
