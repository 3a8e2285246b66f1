// The exported `.cmd` script run by a real cmd.exe (issue #11's export). export-scripts.ts quotes each
// token for cmd.exe and then for the C runtime that splits netsh's command line; the unit tests parse
// the script back with our own reading of those rules. Here cmd.exe itself reads it.
//
// netsh and net are stand-ins: copies of this node.exe named netsh.exe and net.exe in the script's
// folder (cmd.exe looks in the current folder before PATH), which NODE_OPTIONS makes run a recorder
// first. The recorder appends the argv the C runtime gave it to a log and exits with the code the test
// asks for, before Node would load a main script. Node resolves its first argument as a script path,
// so the recorder turns it back into the word the script wrote (netsh's first token is always a word).
//
// Wine's cmd.exe is not Windows' own; this proves the quoting against a second, independent reader of
// batch files and the real CreateProcess / C runtime path, not Windows' cmd.exe itself.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { CommandLine } from '../../electron/system/commands';
import { cmdLine, cmdScript, scriptCommands, type ExportedRule } from '../../electron/system/portproxy/export-scripts';
import { proxyRuleInputSchema } from '../../shared/validate';

// No space in this folder: NODE_OPTIONS names the recorder by its path.
const work = mkdtempSync(path.join(os.tmpdir(), 'pw-cmd-'));
after(() => rmSync(work, { recursive: true, force: true }));
const recorder = path.join(work, 'recorder.cjs');
writeFileSync(
  recorder,
  [
    "const fs = require('node:fs');",
    "const path = require('node:path');",
    'const [, first, ...rest] = process.argv;',
    "const program = path.basename(process.execPath, '.exe').toLowerCase();",
    'const args = first === undefined ? [] : [path.relative(process.cwd(), first), ...rest];',
    "const log = fs.existsSync(process.env.PW_LOG) ? fs.readFileSync(process.env.PW_LOG, 'utf8').split('\\n').filter(Boolean) : [];",
    "fs.appendFileSync(process.env.PW_LOG, JSON.stringify([program, ...args]) + '\\n');",
    // The call's number (1-based) that fails, if any: the script must stop there.
    'process.exit(Number(process.env.PW_FAIL_AT) === log.length + 1 ? 7 : 0);',
  ].join('\n'),
);
for (const name of ['netsh.exe', 'net.exe']) copyFileSync(process.execPath, path.join(work, name));

let sequence = 0;

/** Writes the script, runs it with cmd.exe in the work folder, and returns its exit code and the calls. */
const runScript = async (text: string, failAt?: number): Promise<{ code: number | null; calls: string[][] }> => {
  sequence += 1;
  const script = path.join(work, `export-${sequence}.cmd`);
  const log = path.join(work, `calls-${sequence}.log`);
  writeFileSync(script, text, 'latin1');
  const child = spawn(process.env.ComSpec ?? 'cmd.exe', ['/d', '/c', path.basename(script)], {
    cwd: work,
    windowsHide: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      // The folder first on PATH as well, for a cmd.exe that does not look in the current folder first.
      PATH: `${work};${process.env.PATH ?? ''}`,
      NODE_OPTIONS: `--require ${recorder}`,
      PW_LOG: log,
      PW_FAIL_AT: failAt === undefined ? '' : String(failAt),
    },
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const calls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[])
    : [];
  return { code, calls };
};

const argvOf = (line: CommandLine): string[] => [line.command, ...line.args];

const exported = (input: Record<string, string | number>, firewall: boolean): ExportedRule => ({
  ...proxyRuleInputSchema.parse(input),
  firewall,
});

const RULES: readonly ExportedRule[] = [
  exported({ listenAddress: '*', listenPort: 2222, connectAddress: '172.28.0.2', connectPort: 22 }, true),
  exported(
    { listenAddress: '::', listenPort: 8080, connectAddress: 'fe80::1ff:fe23:4567:890a', connectPort: 80 },
    true,
  ),
  exported(
    { listenAddress: '192.168.1.10', listenPort: 5432, connectAddress: 'db.internal', connectPort: 5432 },
    false,
  ),
];

describe('the exported .cmd under cmd.exe', () => {
  test('runs every netsh command with the argv Portwarden builds, in order, and exits 0', async () => {
    const { code, calls } = await runScript(cmdScript(RULES));
    const commands = scriptCommands(RULES);
    assert.equal(code, 0, JSON.stringify(calls));
    assert.deepEqual(calls, [
      ['net', 'session'],
      ...commands.rules.map(argvOf),
      ...commands.firewall.flatMap(({ remove, add }) => [argvOf(remove), argvOf(add)]),
      ['netsh', 'interface', 'portproxy', 'show', 'all'],
    ]);
    // The firewall rule's name holds spaces: one argument, as netsh documents it.
    assert.ok(calls.some((call) => call.includes('name=Portwarden portproxy TCP 2222')));
  });

  test('stops at the first netsh command that fails and exits 1', async () => {
    // Call 1 is `net session`, 2 the first rule, 3 the second: the third rule and the firewall never run.
    const { code, calls } = await runScript(cmdScript(RULES), 3);
    assert.equal(code, 1);
    assert.equal(calls.length, 3);
    assert.deepEqual(calls.at(-1), argvOf(scriptCommands(RULES).rules[1] as CommandLine));
  });

  test('refuses to run without administrator rights (net session fails) and runs no netsh', async () => {
    const { code, calls } = await runScript(cmdScript(RULES), 1);
    assert.equal(code, 1);
    assert.deepEqual(calls, [['net', 'session']]);
  });

  test("quotes tokens cmd.exe would act on: & | < > ^ % ' spaces and trailing backslashes", async () => {
    // No exported rule holds these today (the validators refuse them), but a rule name may one day: each
    // must reach netsh as the one argument it was, never as a second command or an expanded variable.
    const tokens = [
      'a&b',
      'x|y',
      '<in>',
      'up^caret',
      '50%',
      '%PATH%',
      "it's",
      'name=Portwarden portproxy TCP 8080',
      'name=odd & name | with ^ %TEMP%',
      'key=trailing\\',
      'dir\\with space\\',
      'plain',
    ];
    const line: CommandLine = { command: 'netsh', args: tokens };
    const text = ['@echo off', 'setlocal DisableDelayedExpansion', cmdLine(line), 'exit /b 0', ''].join('\r\n');
    const { code, calls } = await runScript(text);
    assert.equal(code, 0, JSON.stringify(calls));
    assert.deepEqual(calls, [['netsh', ...tokens]]);
  });
});
