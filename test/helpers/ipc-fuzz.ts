/**
 * The IPC fuzzer's parts (electron/fuzz*.test.ts): every channel of the contract gets thousands of
 * generated argument lists through the real router and services. The runner executes nothing; it
 * records each argv and every token is checked against a strict allow-list, so a validator gap that lets
 * user data become a verb, a quote or a second `key=value` fails there rather than on an administrator's
 * machine. The passes live in three files so the test runner spreads them over the machine's cores.
 *
 * The channel list comes from CHANNELS, so a new route is fuzzed without touching the test files.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { CHANNELS, type InvokeMethod } from '../../shared/ipc';
import { HOSTILE_ADDRESSES, HOSTILE_PORTS } from './hostile-inputs';
import type { ErrorCode, Result } from '../../shared/result';
import { argumentSchemas } from '../../shared/validate';
import { createAppCore } from '../../electron/app-core';
import type { SenderInfo } from '../../electron/sender';
import type { CommandRunner, RunResult, SystemCommand } from '../../electron/system/run/command-runner';
import * as baseCommands from '../../electron/system/commands';
import { createPortsService } from '../../electron/system/owners';
import type { WatchConfigStore } from '../../electron/system/owners/types';
import { createRuleService, type BackupStore, type TcpProbe } from '../../electron/system/portproxy';
import { createMemoryJournal } from '../../electron/system/journal';
import { createWatchService } from '../../electron/system/watch';
import { createMemoryWslTargetStore, createWslService } from '../../electron/system/wsl';
import { createDockerService } from '../../electron/system/docker';
import { createSimulatedWindows } from '../../electron/system/run/choose-windows';
import { TEST_TIMEOUT_CAP_MS } from './simulated-services';

const ORIGIN = 'app://portwarden';
export const OWN_SENDER: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, webContentsId: 1 };

export const ELEVATED_RUNS = 10_000;
export const UNELEVATED_RUNS = 1_000;
/** The simulated machine costs more per payload; this pass is for depth, the empty one for volume. */
export const SIMULATED_RUNS = 2_000;

/** The closed ErrorCode union, spelled out: `satisfies` makes a new code a type error here. */
const ERROR_CODES = new Set<ErrorCode>([
  'invalid-input',
  'forbidden-sender',
  'not-elevated',
  'storage-failed',
  'command-failed',
  'not-found',
  'refused',
  'conflict',
  'internal',
] satisfies ErrorCode[]);

// ---------------------------------------------------------------------------------------------
// The argv allow-list
// ---------------------------------------------------------------------------------------------

/** Every bare token a builder may emit: verbs, contexts, closed enums, fixed flags. Never user data. */
const FIXED_TOKENS = new Set<string>([
  // netsh contexts and verbs
  'interface',
  'ipv4',
  'ipv6',
  'show',
  'add',
  'delete',
  'set',
  'reset',
  'all',
  'excludedportrange',
  'dynamicport',
  'portproxy',
  'tcp',
  'udp',
  'v4tov4',
  'v4tov6',
  'v6tov4',
  'v6tov6',
  'advfirewall',
  'firewall',
  'rule',
  // fixed key=value tokens (the value is never user data)
  'store=persistent',
  'dir=in',
  'action=allow',
  'protocol=TCP',
  'name=all',
  // net / sc and the closed service list
  'session',
  'stop',
  'start',
  'query',
  'winnat',
  'iphlpsvc',
  // netstat, tasklist, taskkill
  '-ano',
  '/fo',
  'csv',
  '/nh',
  '/svc',
  '/F',
  '/PID',
  // schtasks and the one task name (a constant); the /XML value is checked by AUTOSTART_XML
  '/Create',
  '/Delete',
  '/Query',
  '/TN',
  baseCommands.AUTOSTART_TASK_NAME,
  '/XML',
  // the code page query the real runner makes
  ...baseCommands.oemCodePageQuery().args,
  // wsl.exe: the distro list and eth0's address (the distro name after -d is checked by DISTRO)
  '--list',
  '--verbose',
  '-d',
  '-e',
  'ip',
  '-4',
  '-o',
  'addr',
  'eth0',
]);

/** Keys whose value is validated data (a port, an address, an enum); everything else must be fixed. */
const VALUE_KEYS = new Set([
  'protocol',
  'startport',
  'numberofports',
  'start',
  'num',
  'listenaddress',
  'listenport',
  'connectaddress',
  'connectport',
  'localport',
]);

/** No spaces, quotes, `=`, `/`, `\`, control characters or anything beyond ASCII. */
const SAFE_VALUE = /^[A-Za-z0-9.:*%_-]+$/;
/** The one token with spaces: Portwarden's own firewall rule name (argv, no shell). */
const FIREWALL_NAME = /^name=Portwarden portproxy TCP [1-9][0-9]{0,4}$/;
const PID = /^[1-9][0-9]{0,9}$/;
/** A distro name after `-d`: validated, and never able to start with `-`. */
const DISTRO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The /XML value: the task definition file in the app's data folder (never renderer data). */
const AUTOSTART_XML = /^[A-Za-z]:\\(?:[^\\/:*?"<>|\p{Cc}]+\\)*autostart-task\.xml$/u;

const ALLOWED_COMMANDS = new Set<SystemCommand>([
  'wsl',
  'netsh',
  'net',
  'sc',
  'netstat',
  'tasklist',
  'taskkill',
  'reg',
  'schtasks',
]);

/** The offending tokens of one command line (empty when it is clean). */
export const argvViolations = (command: string, args: readonly string[]): string[] => {
  const bad: string[] = [];
  if (!ALLOWED_COMMANDS.has(command as SystemCommand)) bad.push(`command:${command}`);
  // The verb position must be a fixed keyword, so user data can never pick what runs.
  if (args.length === 0 || !FIXED_TOKENS.has(args[0]!)) bad.push(`first:${String(args[0])}`);
  args.forEach((token, i) => {
    if (FIXED_TOKENS.has(token)) return;
    if (FIREWALL_NAME.test(token)) return;
    if (i > 0 && args[i - 1] === '/PID' && PID.test(token)) return;
    if (i > 0 && args[i - 1] === '-d' && DISTRO.test(token)) return;
    if (i > 0 && args[i - 1] === '/XML' && AUTOSTART_XML.test(token)) return;
    const eq = token.indexOf('=');
    if (eq > 0 && VALUE_KEYS.has(token.slice(0, eq)) && SAFE_VALUE.test(token.slice(eq + 1))) return;
    bad.push(token);
  });
  return bad;
};

/** Commands that change Windows; the unelevated pass must never record one. */
export const isMutatingArgv = (command: string, args: readonly string[]) =>
  command === 'taskkill' ||
  (command === 'schtasks' && (args[0] === '/Create' || args[0] === '/Delete')) ||
  (command === 'net' && (args[0] === 'stop' || args[0] === 'start')) ||
  (command === 'netsh' && args.some((t) => t === 'add' || t === 'delete' || t === 'set' || t === 'reset'));

// ---------------------------------------------------------------------------------------------
// A cheap core: recording runner, in-memory stores, no files, no sockets
// ---------------------------------------------------------------------------------------------

/**
 * A process both machines report (the simulated scenarios run node.exe as 9184), so a valid kill gets
 * as far as taskkill and its argv is checked.
 */
const KNOWN_PROCESS = { pid: 9184, image: 'node.exe' };

interface Recorded {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * `empty`: every command answers exit 0 with no output (the brief's recording runner). `simulated`:
 * the argv is recorded the same way, then answered by a fresh simulated machine with real rules and
 * ranges, so the change paths that first need a readable state (exclusions, rule edit and delete)
 * also build argv from fuzzed data. Nothing runs on the host in either mode.
 */
type Backing = 'empty' | 'simulated';

export const fuzzCore = (elevated: boolean, backing: Backing = 'empty', scenario = 'forwarding') => {
  const calls: Recorded[] = [];
  let sim: CommandRunner | null = null;
  const runner: CommandRunner = {
    run(command, args, options): Promise<RunResult> {
      calls.push({ command, args: [...args] });
      if (command === 'net' && args[0] === 'session') {
        // An elevated net.exe answers with a message (read-elevation.ts judges the output, not only the exit code).
        return Promise.resolve(
          elevated
            ? { exitCode: 0, stdout: 'There are no entries in the list.\r\n', stderr: '', timedOut: false }
            : { exitCode: 2, stdout: '', stderr: 'System error 5 has occurred.\r\n', timedOut: false },
        );
      }
      if (sim)
        return sim.run(command, args, {
          timeoutMs: Math.min(options?.timeoutMs ?? TEST_TIMEOUT_CAP_MS, TEST_TIMEOUT_CAP_MS),
        });
      const stdout = command === 'tasklist' ? `"${KNOWN_PROCESS.image}","${KNOWN_PROCESS.pid}","N/A"\r\n` : '';
      return Promise.resolve({ exitCode: 0, stdout, stderr: '', timedOut: false });
    },
  };
  /** A fresh machine per payload: one accepted delete must not turn the next valid example into a conflict. */
  const resetMachine = () => {
    if (backing === 'simulated') sim = createSimulatedWindows({ scenario, locale: 'en' }).runner;
  };
  // Backups are recorded, not written: accepted resets and imports must not touch the disk.
  const backups: BackupStore = {
    write: (reason) =>
      Promise.resolve({
        id: `20261123T120000000Z-${reason}`,
        reason,
        createdAt: '2026-11-23T12:00:00.000Z',
        ruleCount: 0,
      }),
    list: () => Promise.resolve([]),
    read: () => Promise.resolve(null),
    remove: () => Promise.resolve(false),
  };
  // Never connects anywhere: checkRules with fuzzed addresses must not open sockets.
  const probe: TcpProbe = { probe: () => Promise.resolve({ answered: false, ms: 0, detail: 'fuzz' }) };
  let watched: Parameters<WatchConfigStore['write']>[0] = [];
  const store: WatchConfigStore = {
    read: () => Promise.resolve(watched),
    write: (ports) => {
      watched = ports;
      return Promise.resolve();
    },
  };
  const ports = createPortsService();
  const journal = createMemoryJournal();
  const app = createAppCore({
    runner,
    simulated: true,
    scenario: 'fuzz',
    appVersion: '0.0.0',
    platform: 'test',
    policy: { origins: [ORIGIN], webContentsIds: () => [1] },
    relaunchElevated: () => Promise.resolve({ ok: true, value: null }),
    journal,
    rules: createRuleService({ backups, probe, journal }),
    ports,
    watch: createWatchService({ ports, store }),
    wsl: createWslService({
      store: createMemoryWslTargetStore(),
      config: { read: () => Promise.resolve({ profile: null, text: null }) },
      journal,
    }),
    docker: createDockerService({
      getContainers: () => Promise.resolve({ ok: false, reason: 'not-running', note: 'fuzz' }),
    }),
  });
  return { app, calls, resetMachine };
};

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

export const RULE = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 8080,
  connectAddress: '172.28.241.140',
  connectPort: 80,
};
const RULE_INPUT = {
  listenAddress: '0.0.0.0',
  listenPort: '8080',
  connectAddress: '172.28.241.140',
  connectPort: '80',
};

/**
 * One accepted argument list per route with arguments; mutations start from these. Routes without
 * an entry take no arguments (a new route with arguments is still fuzzed with random lists; the
 * sanity test below fails until it gets an example here).
 */
export const VALID_ARGS: Partial<Record<InvokeMethod, readonly unknown[]>> = {
  addExclusion: [{ protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' }],
  deleteExclusion: [{ protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 }],
  resetDynamicRange: [
    {
      families: [
        { protocol: 'tcp', ipVersion: 'ipv4' },
        { protocol: 'udp', ipVersion: 'ipv6' },
      ],
    },
  ],
  addRule: [{ rule: RULE_INPUT, firewall: true, replaceExisting: true }],
  editRule: [{ original: RULE, updated: { ...RULE_INPUT, listenPort: '8081' }, firewall: true }],
  deleteRules: [{ rules: [RULE] }],
  importRules: [
    {
      rules: [RULE_INPUT, { ...RULE_INPUT, listenAddress: '*', listenPort: 9000 }],
      mode: 'replace',
      firewallPorts: [9000],
    },
  ],
  restoreBackup: [{ id: '20261123T120000000Z-reset' }],
  previewBackup: [{ id: '20261123T120000000Z-reset' }],
  deleteBackup: [{ id: '20261123T120000000Z-reset' }],
  checkRules: [{ rules: [RULE] }],
  preflightRule: [{ rule: RULE_INPUT }],
  listOwners: [{ allStates: true }],
  listOwnerChanges: [{ allStates: false, revision: null }],
  killProcess: [{ pid: KNOWN_PROCESS.pid, image: KNOWN_PROCESS.image }],
  // The scenarios' ESTABLISHED connection of chrome.exe (PID 12764).
  closeConnection: [
    {
      localAddress: '192.168.1.23',
      localPort: 52044,
      remoteAddress: '140.82.112.4',
      remotePort: '443',
      pid: 12764,
      image: 'chrome.exe',
    },
  ],
  reverseLookup: [{ addresses: ['140.82.112.4', '2606:4700::6810:84e5'] }],
  diagnosePort: [{ port: '8080', protocol: 'tcp' }],
  setWatchedPorts: [{ ports: [{ port: 8080, protocol: 'tcp' }] }],
  setAutostart: [{ enabled: true }],
  resolveUnfinishedChange: [{ id: '20261123T120000000Z-0a1b2c3d', action: 'roll-back' }],
  addWslRule: [
    {
      distro: 'Ubuntu',
      listenAddress: '0.0.0.0',
      listenPort: '8080',
      connectPort: '80',
      firewall: true,
      replaceExisting: false,
    },
  ],
  reportRendererError: [
    { kind: 'error', message: 'TypeError: x is undefined', source: 'app://portwarden/assets/index.js:1:2' },
  ],
  // Portwarden's rule book (issue #11): notes never reach a command; disable/enable/restore run netsh.
  setRuleNote: [
    {
      rule: { type: RULE.type, listenAddress: RULE.listenAddress, listenPort: RULE.listenPort },
      note: { name: 'web', group: 'lab', comment: 'to the VM' },
    },
  ],
  disableRule: [{ rule: RULE }],
  enableRule: [{ rule: RULE }],
  adoptDrift: [{ windows: RULE, portwarden: null }],
  restoreDrift: [{ windows: RULE, portwarden: { ...RULE, connectPort: 8081 } }],
};

export const METHODS = Object.keys(CHANNELS) as InvokeMethod[];
export const takesArguments = (method: InvokeMethod) => argumentSchemas[method].safeParse([]).success === false;

/** Own `__proto__` / `constructor` / `prototype` keys: JSON.parse makes them data, not the prototype setter. */
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const withOwnKey = (base: unknown, key: string, value: unknown): unknown => {
  const inner =
    base !== null && typeof base === 'object' && !Array.isArray(base) ? JSON.stringify(base).slice(1, -1) : '';
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}${inner ? `,${inner}` : ''}}`) as unknown;
};

const json = fc.jsonValue({ maxDepth: 3 });
/** Few and costly: one in ~50 values, up to 100k characters of one repeated (often hostile) unit. */
const hugeString = fc
  .tuple(
    fc.constantFrom('1', 'a', '.', ' ', '=', '\u0000', '８', '\u{1F600}', 'é'),
    fc.integer({ min: 1_000, max: 100_000 }),
  )
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));
const oddUnicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  // Lone surrogates: not valid UTF-16 text, still a JS string an IPC message can carry.
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
);
const hostile = fc.constantFrom<unknown>(
  ...HOSTILE_ADDRESSES,
  ...HOSTILE_PORTS,
  undefined,
  -0,
  2 ** 53,
  4294967296,
  '4242 ',
  '4242\n',
);
/** Plausible values so many mutations stay valid and reach the builders with random data. */
const plausible = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.integer({ min: 1, max: 65535 }).map(String),
  fc.ipV4(),
  fc.ipV6(),
  fc.domain(),
  fc.constantFrom<unknown>(
    '*',
    'tcp',
    'udp',
    'ipv4',
    'ipv6',
    'v4tov6',
    'v6tov6',
    'merge',
    'replace',
    true,
    false,
    [],
    {},
  ),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: json },
  { weight: 4, arbitrary: oddUnicode },
  { weight: 6, arbitrary: hostile },
  { weight: 3, arbitrary: plausible },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...POLLUTION_KEYS), json, json).map(([k, v, base]) => withOwnKey(base, k, v)),
  },
  { weight: 1, arbitrary: hugeString },
);
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostile },
  { weight: 6, arbitrary: plausible },
  { weight: 4, arbitrary: json },
  { weight: 3, arbitrary: oddUnicode },
  { weight: 1, arbitrary: hugeString },
);

type Path = readonly (string | number)[];
/** Every path into a value (objects and arrays), the root included. */
const pathsOf = (value: unknown, prefix: Path = []): Path[] => {
  const here: Path[] = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return here;
};

type Edit =
  | { kind: 'replace'; value: unknown }
  | { kind: 'drop' }
  | { kind: 'pollute'; key: string; value: unknown }
  | { kind: 'extra'; key: string; value: unknown };

/** A structural copy of `root` with one edit at `path`; the valid example is never modified. */
const edit = (root: unknown, path: Path, change: Edit): unknown => {
  if (path.length === 0) {
    if (change.kind === 'replace') return change.value;
    if (change.kind === 'drop') return undefined;
    if (change.kind === 'pollute') return withOwnKey(root, change.key, change.value);
    return root !== null && typeof root === 'object' && !Array.isArray(root)
      ? { ...root, [change.key]: change.value }
      : [root, change.value];
  }
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])];
    const next = edit(copy[head as number], rest, change);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  const next = edit(copy[head as string], rest, change);
  if (next === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
};

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: replacement.map((value): Edit => ({ kind: 'replace', value })) },
  { weight: 1, arbitrary: fc.constant<Edit>({ kind: 'drop' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...POLLUTION_KEYS), json)
      .map(([key, value]): Edit => ({ kind: 'pollute', key, value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), anyValue)
      .map(([key, value]): Edit => ({ kind: 'extra', key, value })),
  },
);

/** Argument lists for one route: random lists, the valid example, and (mostly) one-edit mutations of it. */
export const argumentLists = (method: InvokeMethod): fc.Arbitrary<unknown[]> => {
  const valid = [...(VALID_ARGS[method] ?? [])];
  const paths = pathsOf(valid);
  const mutation = fc.tuple(fc.constantFrom(...paths), editArb).map(([path, change]) => {
    const mutated = edit(valid, path, change);
    return Array.isArray(mutated) ? mutated : [mutated];
  });
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(anyValue, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(valid) },
    { weight: 8, arbitrary: mutation },
    // Two edits: a hostile value hiding behind another accepted change.
    {
      weight: 2,
      arbitrary: fc.tuple(mutation, editArb).chain(([once, change]) =>
        fc.constantFrom(...pathsOf(once)).map((p) => {
          const twice = edit(once, p, change);
          return Array.isArray(twice) ? twice : [twice];
        }),
      ),
    },
  );
};

// ---------------------------------------------------------------------------------------------
// Counting and the properties
// ---------------------------------------------------------------------------------------------

export interface Counts {
  tried: number;
  accepted: number;
  invalid: number;
  other: Record<string, number>;
  commands: number;
  /** Of those, commands that change Windows: the argv built from fuzzed data that matters most. */
  changes: number;
}
export const countsFor = (table: Map<string, Counts>, channel: string) => {
  let counts = table.get(channel);
  if (!counts) table.set(channel, (counts = { tried: 0, accepted: 0, invalid: 0, other: {}, commands: 0, changes: 0 }));
  return counts;
};

const isResult = (value: unknown): value is Result<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';

/** The assertions every dispatch must meet; returns the result for route-specific checks. */
export const checkDispatch = async (
  core: ReturnType<typeof fuzzCore>,
  channel: string,
  args: unknown[],
  counts: Counts,
) => {
  core.calls.length = 0;
  core.resetMachine();
  counts.tried += 1;
  // The router must answer every message with a value; a throw here fails the property.
  const result: unknown = await core.app.router.dispatch(channel, OWN_SENDER, args);
  expect(isResult(result), `not a Result: ${JSON.stringify(result)?.slice(0, 200)}`).toBe(true);
  const settled = result as Result<unknown>;
  if (settled.ok) counts.accepted += 1;
  else {
    const { code, field } = settled.error;
    expect(ERROR_CODES.has(code), `unknown code ${code}`).toBe(true);
    if (code === 'invalid-input') {
      counts.invalid += 1;
      expect(typeof field === 'string' && field.length > 0, 'invalid-input without a field').toBe(true);
    } else counts.other[code] = (counts.other[code] ?? 0) + 1;
  }
  // A schema failure runs nothing at all; any call that ran must be clean, token by token.
  if (!settled.ok && settled.error.code === 'invalid-input') expect(core.calls).toEqual([]);
  counts.commands += core.calls.length;
  counts.changes += core.calls.filter((c) => isMutatingArgv(c.command, c.args)).length;
  for (const call of core.calls) {
    expect(
      argvViolations(call.command, call.args),
      `${call.command} ${JSON.stringify(call.args)} from ${JSON.stringify(args).slice(0, 300)}`,
    ).toEqual([]);
  }
  return settled;
};

export const MUTATION_METHODS = new Set(
  METHODS.filter((m) =>
    [
      'addExclusion',
      'addWslRule',
      'syncWslRules',
      'deleteExclusion',
      'resetDynamicRange',
      'restartWinnat',
      'addRule',
      'editRule',
      'deleteRules',
      'resetRules',
      'importRules',
      'restoreBackup',
      'deleteBackup',
      'startIpHelper',
      'killProcess',
      'closeConnection',
      'setWatchedPorts',
      'setAutostart',
      'resolveUnfinishedChange',
      'setRuleNote',
      'disableRule',
      'enableRule',
      'adoptDrift',
      'restoreDrift',
    ].includes(m),
  ),
);

/** One pass's table (tried / accepted / invalid / argv checked / changes / other codes per channel), for the log. */
export const countsTable = (title: string, counts: ReadonlyMap<string, Counts>): string => {
  const cells = (channel: string, numbers: readonly (string | number)[], other: string) =>
    `${channel.padEnd(22)} ${String(numbers[0]).padStart(6)} ${numbers
      .slice(1)
      .map((n) => String(n).padStart(8))
      .join(' ')}  ${other}`;
  const header = cells('channel', ['tried', 'accepted', 'invalid', 'argv', 'changes'], 'other codes');
  const rows = [...counts].map(([channel, c]) =>
    cells(
      channel,
      [c.tried, c.accepted, c.invalid, c.commands, c.changes],
      Object.entries(c.other)
        .map(([code, n]) => `${code}:${n}`)
        .join(' ') || '-',
    ),
  );
  return [title, header, ...rows].join('\n');
};
