// Argv round trip on a Win32 runtime. Windows has no argv: CreateProcess takes one command line, which
// libuv builds by quoting each argument, and the child's C runtime splits it again. Every command the
// app runs is an argv array given to execa with shell: false, so a token that contains a space (the
// firewall rule name), a trailing backslash or non-ASCII letters (the task definition path) only
// reaches netsh / schtasks intact if that quote-and-split pair round-trips. On Linux it is never
// exercised (execve passes the array as is), so this runs under Windows Node.js.
//
// Each command line is given to a child node.exe running an echo script that reports
// process.argv.slice(2); the test asserts it equals what the builder returned.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { execa } from 'execa';
import { PROTOCOL_FAMILIES, type ProxyRule } from '../../shared/model';
import { proxyRuleInputSchema } from '../../shared/validate';
import {
  addExcludedRange,
  createAutostartTask,
  deleteAutostartTask,
  deleteExcludedRange,
  elevationProbe,
  oemCodePageQuery,
  queryAutostartTask,
  queryService,
  setDynamicRange,
  showDynamicRange,
  showExcludedRanges,
  startService,
  stopService,
  type CommandLine,
} from '../../electron/system/commands';
import {
  addFirewallRule,
  addPortProxy,
  deleteFirewallRule,
  deletePortProxy,
  netstatWithPids,
  resetPortProxy,
  setPortProxy,
  showInboundFirewallRules,
  showPortProxy,
  tasklistWithServices,
} from '../../electron/system/portproxy/commands';
import { taskkillPid } from '../../electron/system/owners/kill';
import { isSafeLocalPath, taskDefinitionPath } from '../../electron/system/autostart/task-file';
import { createWindowsRunner, type ExecaFunction } from '../../electron/system/run/windows-runner';
import { systemRootFromKernel } from '../../electron/system/run/windows-dirs';

// The echo script sits in a folder whose name has a space and non-ASCII letters, so argv[1] of every
// child is itself a round trip. With ECHO_OUT it writes to that file; without (the runner passes a
// minimal environment) it prints to stdout, non-ASCII escaped so any console code page decodes it.
const work = mkdtempSync(path.join(os.tmpdir(), 'pw argv Ä端-'));
const echoScript = path.join(work, 'echo ü.cjs');
writeFileSync(
  echoScript,
  [
    'const args = process.argv.slice(2);',
    "const json = JSON.stringify(args).replace(/[\\u007f-\\uffff]/g, (c) => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));",
    "if (process.env.ECHO_OUT) require('node:fs').writeFileSync(process.env.ECHO_OUT, json);",
    'else process.stdout.write(json);',
  ].join('\n'),
);
after(() => rmSync(work, { recursive: true, force: true }));

let sequence = 0;

/** Spawns node.exe the way execa does with shell: false (child_process.spawn, no windowsVerbatimArguments). */
const echoArgv = async (args: readonly string[]): Promise<string[]> => {
  const out = path.join(work, `out-${(sequence += 1)}.json`);
  const child = spawn(process.execPath, [echoScript, ...args], {
    shell: false,
    windowsHide: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ECHO_OUT: out },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  assert.equal(code, 0, `echo child failed: ${stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
};

const rule = (input: Record<string, string | number>): ProxyRule => proxyRuleInputSchema.parse(input);

// Rules as the validators let them through: every address kind, `*` (omitted), the port limits.
const RULES: readonly ProxyRule[] = [
  rule({ listenAddress: '*', listenPort: '2222', connectAddress: '172.28.0.2', connectPort: '22' }),
  rule({ listenAddress: '0.0.0.0', listenPort: 65535, connectAddress: '2001:db8::1', connectPort: 1 }),
  rule({ listenAddress: '::', listenPort: 8080, connectAddress: 'fe80::1ff:fe23:4567:890a', connectPort: 80 }),
  rule({ listenAddress: '::1', listenPort: 3000, connectAddress: 'wsl-host.example', connectPort: 3000 }),
  rule({ listenAddress: '192.168.1.10', listenPort: 5432, connectAddress: 'db.internal', connectPort: 5432 }),
];

/** Lines worth a second trip through the real runner: a token with a space, a backslash or non-ASCII. */
const needsQuoting = (line: CommandLine): boolean => line.args.some((arg) => /[ \\]|[^\x20-\x7e]/.test(arg));

const TASK_DIR = 'C:\\ProgramData\\Portwarden Ä';
const taskFile = taskDefinitionPath(TASK_DIR, path.win32);
const tempTaskFile = taskDefinitionPath(path.join(work, 'Data Ü 端口'), path.win32);

/** Every argv builder of the app, with the user data that can reach it. */
const COMMAND_LINES: ReadonlyArray<readonly [string, CommandLine]> = [
  ...PROTOCOL_FAMILIES.map(
    (family) => [`showExcludedRanges ${family.protocol}/${family.ipVersion}`, showExcludedRanges(family)] as const,
  ),
  ['addExcludedRange', addExcludedRange({ protocol: 'tcp', ipVersion: 'ipv6' }, 50000, 10)],
  ['deleteExcludedRange', deleteExcludedRange({ protocol: 'udp', ipVersion: 'ipv4' }, 1, 65535)],
  ['showDynamicRange', showDynamicRange({ protocol: 'tcp', ipVersion: 'ipv6' })],
  ['setDynamicRange', setDynamicRange({ protocol: 'udp', ipVersion: 'ipv4' }, 49152, 16384)],
  ['stopService winnat', stopService('winnat')],
  ['startService winnat', startService('winnat')],
  ['queryService iphlpsvc', queryService('iphlpsvc')],
  ['elevationProbe', elevationProbe()],
  ['oemCodePageQuery', oemCodePageQuery()],
  ['createAutostartTask (ProgramData Ä)', createAutostartTask(taskFile ?? 'unsafe')],
  ['createAutostartTask (temp folder)', createAutostartTask(tempTaskFile ?? 'unsafe')],
  ['deleteAutostartTask', deleteAutostartTask()],
  ['queryAutostartTask', queryAutostartTask()],
  ['showPortProxy', showPortProxy()],
  ['resetPortProxy', resetPortProxy()],
  ...RULES.flatMap((r) => {
    const label = `${r.type} ${r.listenAddress}:${r.listenPort} -> ${r.connectAddress}:${r.connectPort}`;
    return [
      [`addPortProxy ${label}`, addPortProxy(r)],
      [`setPortProxy ${label}`, setPortProxy(r)],
      [`deletePortProxy ${label}`, deletePortProxy(r)],
    ] as const;
  }),
  ['showInboundFirewallRules', showInboundFirewallRules()],
  ['addFirewallRule 2222', addFirewallRule(2222)],
  ['deleteFirewallRule 65535', deleteFirewallRule(65535)],
  ['netstatWithPids', netstatWithPids()],
  ['tasklistWithServices', tasklistWithServices()],
  ['taskkillPid', taskkillPid(4294967295)],
];

// Not reachable from the validators (quotes and control characters are refused before any command is
// built), but they are the cases where a quoting bug shows: proof that libuv + the C runtime agree.
const NASTY: readonly (readonly string[])[] = [
  ['two words', 'trailing\\'],
  ['C:\\Program Files\\Portwarden Ä\\'],
  ['say "hi"', '"', '\\"', 'a\\\\"b', 'end\\\\'],
  ['', ' ', 'tab\there', ''],
  ['%PATH%', '^&|<>()!', "it's", '--flag=x y'],
  ['\\\\server\\share\\dir with space\\', 'ünïcödé 端口 😀'],
  ['name=Portwarden portproxy TCP 2222', 'localport=2222'],
];

describe('argv builders', () => {
  test('cover user data that needs quoting', () => {
    assert.equal(taskFile, 'C:\\ProgramData\\Portwarden Ä\\autostart-task.xml');
    assert.ok(tempTaskFile?.includes(' '), `${tempTaskFile}`);
    assert.ok(addFirewallRule(2222).args.includes('name=Portwarden portproxy TCP 2222'));
    assert.ok(RULES.some((r) => r.listenAddress === '*'));
    // What cannot be quoted safely never reaches a command: the path validator refuses it.
    assert.equal(isSafeLocalPath('C:\\Portwarden "x"\\task.xml', path.win32), false);
    assert.equal(isSafeLocalPath('\\\\server\\share\\task.xml', path.win32), false);
  });

  for (const [label, line] of COMMAND_LINES) {
    test(`${line.command} round trip: ${label}`, async () => {
      assert.deepEqual(await echoArgv(line.args), [...line.args]);
    });
  }
});

describe('libuv quoting of hostile-but-valid argv', () => {
  for (const args of NASTY) {
    test(`round trip: ${JSON.stringify(args)}`, async () => {
      assert.deepEqual(await echoArgv(args), [...args]);
    });
  }
});

describe('the real Windows runner', () => {
  // The runner spawns %SystemRoot%\System32\<command>.exe with its exact execa options (shell: false,
  // minimal environment, System32 as cwd, output as bytes); here only the file is swapped for node.exe
  // running the echo script, which also receives the executable the runner chose.
  const calls: string[] = [];
  const throughNode: ExecaFunction = (file, args, options) => {
    calls.push(file);
    return execa(process.execPath, [echoScript, file, ...args], options);
  };
  const runner = createWindowsRunner({ execa: throughNode });
  const system32 = path.win32.join(systemRootFromKernel(), 'System32');

  test('the trusted system root is a drive path', () => {
    assert.match(system32, /^[A-Za-z]:\\[^\\]+\\System32$/);
  });

  for (const [label, line] of COMMAND_LINES.filter(([, l]) => needsQuoting(l))) {
    test(`passes ${label} to ${line.command}.exe intact`, async () => {
      const result = await runner.run(line.command, line.args);
      assert.equal(result.exitCode, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), [path.win32.join(system32, `${line.command}.exe`), ...line.args]);
    });
  }

  test('looked up the console code page once, first, through reg.exe', () => {
    const ran = COMMAND_LINES.filter(([, l]) => needsQuoting(l)).length;
    assert.ok(calls[0]?.endsWith('\\reg.exe'), calls[0]);
    assert.equal(calls.length, ran + 1);
  });
});
