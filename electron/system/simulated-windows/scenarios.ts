/**
 * Named machines (docs/architecture.md §4), chosen by name (PORTWARDEN_SCENARIO in the demo and the e2e harness).
 * Each is data built on one base machine; the seed drives everything random afterwards (the blocks a
 * WinNAT restart reserves) and, for dynamic-1024, the blocks held at "boot".
 */
import { seedState } from './random';
import {
  createMachine,
  OEM_CODE_PAGES,
  perFamily,
  type Language,
  type Machine,
  type SimProcess,
  type SimRange,
  type SimSocket,
} from './state';
import { reserveWinnatBlocks } from './winnat';
import { startDistro } from './wsl';

export const SCENARIO_NAMES = [
  'clean',
  'hyperv-reserved',
  'not-elevated',
  'winnat-absent',
  'forwarding',
  'broken-iphlpsvc',
  'dynamic-1024',
  'wsl-nat',
  'wsl-mirrored',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioOptions {
  readonly language?: Language;
  readonly seed?: number;
}

/** The svchost.exe that hosts iphlpsvc (owner of every portproxy listener). */
export const IPHLPSVC_PID = 2116;

const system = (pid: number, image: string, services: string[] = []): SimProcess => ({
  pid,
  image,
  services,
  owner: 'system',
  sessionName: 'Services',
  memKb: 8000 + pid,
});
const user = (pid: number, image: string): SimProcess => ({
  pid,
  image,
  services: [],
  owner: 'user',
  sessionName: 'Console',
  memKb: 50000 + pid,
});

const PROCESSES: readonly SimProcess[] = [
  system(0, 'System Idle Process'),
  system(4, 'System'),
  system(672, 'lsass.exe', ['KeyIso', 'SamSs', 'VaultSvc']),
  system(1028, 'svchost.exe', ['RpcEptMapper', 'RpcSs']),
  system(1144, 'svchost.exe', ['EventLog']),
  system(1892, 'svchost.exe', ['Dnscache']),
  system(IPHLPSVC_PID, 'svchost.exe', ['iphlpsvc']),
  system(3052, 'spoolsv.exe', ['Spooler']),
  user(6004, 'com.docker.backend.exe'),
  user(7120, 'wslrelay.exe'),
  user(9184, 'node.exe'),
  user(10524, 'postgres.exe'),
  user(12764, 'chrome.exe'),
];

const listen = (pid: number, address: string, port: number): SimSocket => ({
  protocol: 'tcp',
  localAddress: address,
  localPort: port,
  remoteAddress: address.includes(':') ? '::' : '0.0.0.0',
  remotePort: 0,
  state: 'LISTENING',
  pid,
});
const both = (pid: number, port: number): SimSocket[] => [listen(pid, '0.0.0.0', port), listen(pid, '::', port)];
const connection = (pid: number, local: string, localPort: number, remote: string, remotePort: number): SimSocket => ({
  protocol: 'tcp',
  localAddress: local,
  localPort,
  remoteAddress: remote,
  remotePort,
  state: 'ESTABLISHED',
  pid,
});
const udp = (pid: number, address: string, port: number): SimSocket => ({
  protocol: 'udp',
  localAddress: address,
  localPort: port,
  remoteAddress: null,
  remotePort: null,
  state: null,
  pid,
});

/** Windows' own listeners, present everywhere. */
const SYSTEM_SOCKETS: readonly SimSocket[] = [
  ...both(1028, 135),
  listen(4, '192.168.1.23', 139),
  ...both(4, 445),
  ...both(672, 49664),
  ...both(1144, 49665),
  ...both(3052, 49666),
  udp(1892, '0.0.0.0', 5353),
  udp(1892, '::', 5353),
  udp(1892, '0.0.0.0', 5355),
  connection(12764, '192.168.1.23', 52044, '140.82.112.4', 443),
];

/** A developer's day: WSL's localhost relay, a published Docker port, a dev server and a database. */
const DEV_SOCKETS: readonly SimSocket[] = [
  listen(7120, '127.0.0.1', 5173),
  listen(7120, '::1', 5173),
  ...both(6004, 6379),
  listen(9184, '127.0.0.1', 3000),
  connection(12764, '127.0.0.1', 52011, '127.0.0.1', 3000),
  connection(9184, '127.0.0.1', 3000, '127.0.0.1', 52011),
  ...both(10524, 5432),
];

const systemRow = (port: number): SimRange => ({ start: port, end: port, administered: false, holder: 'system' });
const winnatRow = (start: number, end: number): SimRange => ({ start, end, administered: false });
const administered = (start: number, end: number): SimRange => ({ start, end, administered: true });

/** The same rows in the ipv4 and ipv6 tables of each protocol (reservations are per protocol). */
const tables = (tcp: readonly SimRange[], udpRows: readonly SimRange[] = []): Machine['excluded'] =>
  perFamily((_, protocol) => structuredClone([...(protocol === 'tcp' ? tcp : udpRows)]));

const base = ({ language = 'en', seed = 1 }: ScenarioOptions): Machine =>
  createMachine({
    language,
    oemCodePage: OEM_CODE_PAGES[language],
    excluded: tables([systemRow(2869), systemRow(5357)]),
    processes: structuredClone([...PROCESSES]),
    sockets: structuredClone([...SYSTEM_SOCKETS, ...DEV_SOCKETS]),
    rng: seedState(seed),
  });

const withDynamic1024 = (machine: Machine): Machine => {
  machine.dynamic = perFamily(() => ({ start: 1024, count: 64511 }));
  return machine;
};

/**
 * WinNAT blocks over the ports developers use: 1433 (SQL Server), 3000 (Node), 5432 (PostgreSQL),
 * 8065/8080 (8031-8130), with the dynamic range at 1024 that lets it reserve there
 * (excludedportrange-tcp.en.5.txt shows such a machine), plus the administered 50000-50059 row so many
 * samples carry. Nothing listens on a reserved port, so the dev server and the database are gone.
 */
const hypervReserved = (options: ScenarioOptions): Machine => {
  const machine = withDynamic1024(base(options));
  machine.excluded = tables(
    [
      winnatRow(1336, 1435),
      winnatRow(1436, 1535),
      systemRow(2869),
      winnatRow(2980, 3079),
      systemRow(5357),
      winnatRow(5385, 5484),
      winnatRow(8031, 8130),
      winnatRow(8131, 8230),
      winnatRow(14522, 14621),
      administered(50000, 50059),
    ],
    [winnatRow(61234, 61333)],
  );
  const reserved = (port: number) => machine.excluded.ipv4.tcp.some((r) => port >= r.start && port <= r.end);
  machine.sockets = machine.sockets.filter(
    (s) => !(s.protocol === 'tcp' && reserved(s.localPort)) && s.remotePort !== 3000,
  );
  machine.processes = machine.processes.filter((p) => p.image !== 'postgres.exe' && p.image !== 'node.exe');
  return machine;
};

/** WSL-style forwarding, an IPv6 rule each way and a host-name target, served by a running iphlpsvc. */
const forwarding = (options: ScenarioOptions): Machine => {
  const machine = base(options);
  machine.portproxy = {
    v4tov4: {
      '0.0.0.0/2222': '172.28.241.140/22',
      '0.0.0.0/8080': '172.28.241.140/80',
      '127.0.0.1/8888': 'devbox.lan/8888',
    },
    v4tov6: { '127.0.0.1/8081': '::1/80' },
    v6tov4: { '::/9000': '172.28.241.140/9000' },
    v6tov6: {},
  };
  machine.firewallRules = [{ name: 'WSL SSH 2222', dir: 'in', action: 'allow', protocol: 'TCP', localport: '2222' }];
  // The targets beyond the machine: the WSL VM runs sshd and a web server but nothing on 9000, so the
  // v6tov4 rule shows "target does not answer". The v4tov6 rule's ::1/80 is the machine itself and stays
  // unanswered too: nothing listens on 80 here, a second broken target of a different kind (loopback).
  machine.remoteHosts = [
    { address: '172.28.241.140', openPorts: [22, 80], latencyMs: 1 },
    { address: 'devbox.lan', resolvesTo: '192.168.1.50', openPorts: [8888], latencyMs: 3 },
  ];
  return machine;
};

/**
 * WSL2 (issue #14): Ubuntu runs a web server on 80 and sshd on 22 inside the VM, Debian is stopped,
 * and Docker Desktop publishes redis (6379, the com.docker.backend.exe listener every scenario has).
 * `wsl-nat`: no .wslconfig, the VM has a 172.x address that changes at every VM start.
 * `wsl-mirrored`: `networkingMode=mirrored`, the VM shares the host's addresses.
 */
const withWsl = (options: ScenarioOptions, wslconfig: string | null): Machine => {
  const machine = base(options);
  machine.wsl = {
    distros: [
      { name: 'Ubuntu', state: 'Stopped', version: 2, isDefault: true, openPorts: [22, 80] },
      { name: 'Debian', state: 'Stopped', version: 2, isDefault: false, openPorts: [] },
    ],
    vmAddress: null,
    profile: 'C:\\Users\\dev',
    wslconfig,
  };
  startDistro(machine, machine.wsl.distros[0]!);
  machine.docker = {
    running: true,
    containers: [
      {
        id: '4f1c2a9e8b7d6c5b4a3f2e1d',
        names: ['redis-cache'],
        image: 'redis:7-alpine',
        state: 'running',
        ports: [
          { ip: '0.0.0.0', privatePort: 6379, publicPort: 6379, type: 'tcp' },
          { ip: '::', privatePort: 6379, publicPort: 6379, type: 'tcp' },
        ],
      },
    ],
  };
  return machine;
};

const BUILDERS: Readonly<Record<ScenarioName, (options: ScenarioOptions) => Machine>> = {
  clean: base,
  'hyperv-reserved': hypervReserved,
  'not-elevated': (options) => ({ ...hypervReserved(options), elevated: false }),
  'winnat-absent': (options) => {
    const machine = base(options);
    machine.services.winnat = { ...machine.services.winnat!, status: 'absent' };
    return machine;
  },
  forwarding,
  'broken-iphlpsvc': (options) => {
    const machine = forwarding(options);
    machine.services.iphlpsvc = { ...machine.services.iphlpsvc!, status: 'stopped' };
    machine.processes = machine.processes.filter((p) => p.pid !== IPHLPSVC_PID);
    return machine;
  },
  'dynamic-1024': (options) => {
    // As after a boot: WinNAT reserved its blocks anywhere in 1024-65535, positions from the seed.
    const machine = withDynamic1024(base(options));
    machine.winnat = { ...machine.winnat, tcpBlocks: 8, udpBlocks: 2 };
    reserveWinnatBlocks(machine);
    return machine;
  },
  'wsl-nat': (options) => withWsl(options, null),
  'wsl-mirrored': (options) => withWsl(options, '[wsl2]\r\nnetworkingMode=mirrored\r\nmemory=8GB\r\n'),
};

export const isScenarioName = (name: string): name is ScenarioName =>
  (SCENARIO_NAMES as readonly string[]).includes(name);

export const createScenarioMachine = (name: string, options: ScenarioOptions = {}): Machine => {
  if (!isScenarioName(name)) {
    throw new Error(`Unknown simulator scenario "${name}". Valid scenarios: ${SCENARIO_NAMES.join(', ')}`);
  }
  return BUILDERS[name](options);
};
