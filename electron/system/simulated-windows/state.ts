/**
 * The simulated machine: plain, JSON-serializable data (no classes, no Maps, no functions), so a
 * scenario is data, a machine can be cloned with structuredClone before a command runs (a failed or
 * injected-fault command then changes nothing) and persisted with serializeMachine/deserializeMachine.
 *
 * Nothing here imports electron or node:* (docs/architecture.md §4: the simulator must never reach a packaged build).
 */

export type Language = 'en' | 'ko' | 'de' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'ko', 'de', 'zh-CN'];

/** The console OEM code page of each display language (SOURCES.md: CP949 ko, CP936 zh-CN, CP850 de, CP437 en). */
export const OEM_CODE_PAGES: Readonly<Record<Language, number>> = { en: 437, ko: 949, de: 850, 'zh-CN': 936 };

export type SimIpVersion = 'ipv4' | 'ipv6';
export type SimProtocol = 'tcp' | 'udp';
export const SIM_FAMILIES: readonly { ipVersion: SimIpVersion; protocol: SimProtocol }[] = [
  { ipVersion: 'ipv4', protocol: 'tcp' },
  { ipVersion: 'ipv4', protocol: 'udp' },
  { ipVersion: 'ipv6', protocol: 'tcp' },
  { ipVersion: 'ipv6', protocol: 'udp' },
];

export type PerFamily<T> = Record<SimIpVersion, Record<SimProtocol, T>>;

/** One row of the excluded-range table; `administered` is netsh's `*` marker (added by an admin). */
export interface SimRange {
  start: number;
  end: number;
  administered: boolean;
  /**
   * Who holds a non-administered row. Single-port system rows such as 2869 and 5357 survive a WinNAT
   * restart (excludedportrange-tcp.ko.2.txt, taken after `net stop/start winnat`), so only rows held
   * by WinNAT (the default) are dropped when it stops.
   */
  holder?: 'winnat' | 'system';
}

export interface SimDynamicRange {
  start: number;
  count: number;
}

export type SimServiceStatus = 'running' | 'stopped' | 'absent';

export interface SimService {
  status: SimServiceStatus;
  /** What net.exe prints ("The Windows NAT Driver service ..."); not localized by Windows. */
  displayName: string;
  /** WinNat is a kernel driver (sc TYPE 1, no process, no progress line from net.exe); iphlpsvc runs in svchost. */
  kind: 'kernel-driver' | 'share-process';
}

export interface SimProcess {
  pid: number;
  image: string;
  /** Service key names hosted by this process (tasklist /svc). */
  services: string[];
  /** SYSTEM processes can only be killed elevated; taskkill refuses pid 0 and 4 always. */
  owner: 'system' | 'user';
  /** The token's account as `tasklist /v` shows it; default NT AUTHORITY\SYSTEM or DEVBOX\dev by owner. */
  user?: string;
  sessionName: 'Services' | 'Console';
  memKb: number;
}

export type SimTcpState = 'LISTENING' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE_WAIT' | 'FIN_WAIT_2' | 'SYN_SENT';

export interface SimSocket {
  protocol: SimProtocol;
  /** Bare address: `0.0.0.0`, `127.0.0.1`, `::`, `::1` (netstat brackets IPv6 itself). */
  localAddress: string;
  localPort: number;
  /** TCP only; a listener has `0.0.0.0`/`::` port 0. UDP sockets have no remote (`*:*`). */
  remoteAddress: string | null;
  remotePort: number | null;
  state: SimTcpState | null;
  pid: number;
}

export type PortProxyType = 'v4tov4' | 'v4tov6' | 'v6tov4' | 'v6tov6';
export const PORTPROXY_TYPES: readonly PortProxyType[] = ['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6'];

/** One access rule as icacls prints it: `BUILTIN\Users:(I)(OI)(CI)(RX)`. */
export interface SimAce {
  principal: string;
  /** `(OI)(CI)(F)`, `(RX)`, ... */
  rights: string;
  inherited: boolean;
}

export interface SimFirewallRule {
  name: string;
  dir: 'in' | 'out';
  action: 'allow' | 'block';
  protocol: string;
  localport: string;
  /** `Enabled: No` in `show rule`; absent means enabled (rules are added enabled). */
  enabled?: boolean;
}

/**
 * A host beyond the machine, so "does the forwarding target answer?" can be simulated without ever
 * opening a real connection. A name entry answers both for its name and for its resolvesTo address.
 */
export interface SimRemoteHost {
  /** IP literal or host name; matched case-insensitively. */
  address: string;
  /** For a name: the address DNS gives for it. A name without one resolves to an address we do not model. */
  resolvesTo?: string;
  /** TCP ports that accept a connection; every other port gives no answer. */
  openPorts: number[];
  /** Simulated round trip reported by a probe (default 1 ms); at or beyond a probe's timeout the host does not answer. */
  latencyMs?: number;
}

export interface WinnatConfig {
  /** Blocks reserved per protocol each time WinNAT starts (real machines show several, usually 100 ports). */
  tcpBlocks: number;
  udpBlocks: number;
  blockSize: number;
}

export interface Machine {
  version: 1;
  language: Language;
  oemCodePage: number;
  elevated: boolean;
  excluded: PerFamily<SimRange[]>;
  dynamic: PerFamily<SimDynamicRange>;
  /** Keyed by lower-case service key name; winnat and iphlpsvc are always present (status 'absent' if not installed). */
  services: Record<string, SimService>;
  /**
   * As in the registry: HKLM\SYSTEM\CurrentControlSet\Services\PortProxy\<type>\tcp holds REG_SZ values named
   * `listenaddress/listenport` with data `connectaddress/connectport` (registry-portproxy-yarp-json.en.1.txt).
   */
  portproxy: Record<PortProxyType, Record<string, string>>;
  processes: SimProcess[];
  sockets: SimSocket[];
  firewallRules: SimFirewallRule[];
  /** The network beyond the machine (simulated-probe.ts); loopback targets are answered from sockets instead. */
  remoteHosts: SimRemoteHost[];
  winnat: WinnatConfig;
  /** State of the seeded generator (random.ts); advancing it is part of the machine, so a restored machine continues the same sequence. */
  rng: number;
  nextPid: number;
  /** Task Scheduler tasks (schtasks.ts); documents from before this field read as none. */
  scheduledTasks: SimScheduledTask[];
  /** Folder ACLs for icacls.ts, keyed by lower-case path; absent: no folder is known. */
  acls?: Record<string, SimAce[]>;
  /** Folder owners, keyed like acls (icacls /setowner). */
  aclOwners?: Record<string, string>;
  /** WSL (wsl.ts): installed distros, the VM and the interactive user's .wslconfig; absent: no WSL. */
  wsl?: SimWsl;
  /** Docker Desktop's engine (docker.ts), answered on its named pipe; absent: Docker not installed. */
  docker?: SimDocker;
}

export interface SimWslDistro {
  name: string;
  state: 'Running' | 'Stopped';
  version: 1 | 2;
  /** The `*` in `wsl -l -v`. */
  isDefault: boolean;
  /** TCP ports a server inside the distro listens on (the forwarding target answers there). */
  openPorts: number[];
}

export interface SimWsl {
  distros: SimWslDistro[];
  /** eth0 of the WSL2 VM while it runs (NAT mode: a new 172.x address at every VM start); null when off. */
  vmAddress: string | null;
  /** The interactive user's profile folder (C:\Users\<name>), where .wslconfig lives. */
  profile: string;
  /** The text of %UserProfile%\.wslconfig; null when there is no such file. */
  wslconfig: string | null;
}

/** One container as the Docker Engine API lists it (GET /containers/json), reduced to what the app reads. */
export interface SimContainer {
  id: string;
  names: string[];
  image: string;
  state: string;
  ports: { ip?: string; privatePort: number; publicPort?: number; type: 'tcp' | 'udp' }[];
}

export interface SimDocker {
  /** Docker Desktop's engine answers on //./pipe/docker_engine only while it runs. */
  running: boolean;
  containers: SimContainer[];
}

/**
 * A scheduled task as Task Scheduler holds it, reduced to what a logon task like Portwarden's has:
 * made from switches (/TR, with Task Scheduler's defaults) or from a /XML definition.
 */
export interface SimScheduledTask {
  /** Without the leading backslash, as given to /TN. */
  name: string;
  /** The Exec action's program as stored: a /TR task keeps the quotes schtasks split it with. */
  command: string;
  arguments: string;
  /** Principal RunLevel (`HighestAvailable` or `LeastPrivilege`) and LogonType (`InteractiveToken`, ...). */
  runLevel: string;
  logonType: string;
  /** Has an enabled LogonTrigger (the only trigger simulated). */
  logonTrigger: boolean;
  /** Settings, as the schema names them; a /TR task gets the defaults (PT72H, battery conditions on, priority 7). */
  executionTimeLimit: string;
  disallowStartIfOnBatteries: boolean;
  stopIfGoingOnBatteries: boolean;
  multipleInstancesPolicy: string;
  priority: number;
}

export const DEFAULT_WINNAT: WinnatConfig = { tcpBlocks: 5, udpBlocks: 1, blockSize: 100 };

export const perFamily = <T>(make: (ipVersion: SimIpVersion, protocol: SimProtocol) => T): PerFamily<T> => ({
  ipv4: { tcp: make('ipv4', 'tcp'), udp: make('ipv4', 'udp') },
  ipv6: { tcp: make('ipv6', 'tcp'), udp: make('ipv6', 'udp') },
});

export const DEFAULT_SERVICES: Readonly<Record<string, SimService>> = {
  winnat: { status: 'running', displayName: 'Windows NAT Driver', kind: 'kernel-driver' },
  iphlpsvc: { status: 'running', displayName: 'IP Helper', kind: 'share-process' },
};

/** A bare machine; scenarios.ts fills it. */
export const createMachine = (overrides: Partial<Machine> = {}): Machine => {
  const language = overrides.language ?? 'en';
  return {
    version: 1,
    language,
    oemCodePage: OEM_CODE_PAGES[language],
    elevated: true,
    excluded: perFamily(() => []),
    dynamic: perFamily(() => ({ start: 49152, count: 16384 })),
    services: structuredClone(DEFAULT_SERVICES) as Record<string, SimService>,
    portproxy: { v4tov4: {}, v4tov6: {}, v6tov4: {}, v6tov6: {} },
    processes: [],
    sockets: [],
    firewallRules: [],
    remoteHosts: [],
    winnat: { ...DEFAULT_WINNAT },
    rng: 1,
    nextPid: 20000,
    scheduledTasks: [],
    ...overrides,
  };
};

export const cloneMachine = (machine: Machine): Machine => structuredClone(machine);

export const serializeMachine = (machine: Machine): string => JSON.stringify(machine, null, 2);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws a clear error for anything that is not a version-1 machine (a hand-edited or foreign file). */
export const deserializeMachine = (json: string): Machine => {
  const data: unknown = JSON.parse(json);
  const required = ['language', 'elevated', 'excluded', 'dynamic', 'services', 'portproxy', 'processes', 'sockets'];
  if (!isRecord(data) || data.version !== 1 || required.some((key) => !(key in data))) {
    throw new Error('Not a simulated machine (version 1) document');
  }
  if (!LANGUAGES.includes(data.language as Language)) throw new Error(`Unknown language ${String(data.language)}`);
  // Older documents may lack fields added later; fill them from a fresh machine.
  return { ...createMachine({ language: data.language as Language }), ...(data as unknown as Machine) };
};

/** Service lookup as net.exe / sc.exe do it: key names are case-insensitive. */
export const findService = (machine: Machine, name: string): SimService | undefined => {
  const service = machine.services[name.toLowerCase()];
  return service && service.status !== 'absent' ? service : undefined;
};

export const hostProcessOf = (machine: Machine, serviceName: string): SimProcess | undefined =>
  machine.processes.find((p) => p.services.some((s) => s.toLowerCase() === serviceName.toLowerCase()));

/** Registry value name / data of a portproxy rule: `address/port` (split at the LAST slash). */
export const proxyKey = (address: string, port: number | string): string => `${address}/${port}`;
export const splitProxyKey = (key: string): [address: string, port: string] => {
  const slash = key.lastIndexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
};

export const allocatePid = (machine: Machine): number => {
  // Windows PIDs are multiples of 4.
  const pid = machine.nextPid;
  machine.nextPid += 4;
  return pid;
};
