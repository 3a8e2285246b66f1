import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';
import type { ChangeReport, CommandRecord } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { createTestCore, OWN_SENDER as OWN } from '../../../test/helpers/test-core';
import type { CommandRunner } from '../run/command-runner';
import { createSimulatedWindows } from '../run/choose-windows';
import { createAppLogs } from './app-logs';
import { auditLineSchema, type AuditLine } from './audit-format';
import { AUDIT_LINE_MAX, createAuditLog, formatCommandLine } from './audit-log';
import { parseAuditText, readAuditRecords } from './audit-reader';

const PROTECT_8065 = { protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' };

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portwarden-audit-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The real core over the simulated Windows, with the real logs under `dataDir` (electron-log/node). */
const simulatedCore = (dataDir: string, wrap?: (runner: CommandRunner) => CommandRunner) => {
  const windows = createSimulatedWindows({ scenario: 'hyperv-reserved', locale: 'en', seed: 1 });
  return createTestCore({
    runner: wrap ? wrap(windows.runner) : windows.runner,
    probe: windows.probe,
    dataDir,
    scenario: windows.scenario,
  });
};

const auditPath = (dataDir: string) => path.join(dataDir, 'logs', 'audit.log');
const auditLines = (dataDir: string): AuditLine[] =>
  existsSync(auditPath(dataDir))
    ? readFileSync(auditPath(dataDir), 'utf8')
        .split(/\r?\n/)
        .filter(Boolean)
        .map((line) => auditLineSchema.parse(JSON.parse(line)))
    : [];

describe('audit log over the simulated Windows', () => {
  it('writes one line per command of a protect-ports change and one outcome line with the verified result', async () => {
    const dataDir = tempDir();
    const core = simulatedCore(dataDir);
    const result = (await core.router.dispatch(CHANNELS.addExclusion, OWN, [PROTECT_8065])) as Result<ChangeReport>;
    expect(result.ok && result.value.outcome).toBe('applied');

    const ran = core.activity.list().filter((r) => r.operation === 'protect-ports');
    expect(ran.map((r) => r.command)).toContain('net');
    const lines = auditLines(dataDir);
    const commands = lines.filter((l) => l.kind === 'command');
    // Every command of the operation, its verification reads included, and nothing else (no elevation probe).
    expect(commands.map((l) => l.argv)).toEqual(ran.map((r) => [r.command, ...r.args]));
    expect(commands.map((l) => l.argv.join(' '))).toContain(
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
    );
    for (const line of commands) {
      expect(line).toMatchObject({
        operation: 'protect-ports',
        op: ran[0]!.operationId,
        verified: 'pending',
        timedOut: false,
      });
      expect(typeof line.exitCode).toBe('number');
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(lines.at(-1)).toMatchObject({
      kind: 'outcome',
      op: ran[0]!.operationId,
      operation: 'protect-ports',
      verified: 'applied',
    });
    expect(lines.filter((l) => l.kind === 'outcome')).toHaveLength(1);
    // This run's records carry the settled result too.
    expect(
      new Set(
        core.activity
          .list()
          .filter((r) => r.operation === 'protect-ports')
          .map((r) => r.verified),
      ),
    ).toEqual(new Set(['applied']));
  });

  it('pushes the change records again once verified (pending, then applied)', async () => {
    const core = simulatedCore(tempDir());
    const pushed: CommandRecord[] = [];
    core.activity.onRecord((record) => pushed.push(record));
    await core.router.dispatch(CHANNELS.addExclusion, OWN, [PROTECT_8065]);
    const change = pushed.filter((r) => r.operation === 'protect-ports');
    const ids = new Set(change.map((r) => r.id));
    expect(change.filter((r) => r.verified === 'pending')).toHaveLength(ids.size);
    expect(change.filter((r) => r.verified === 'applied')).toHaveLength(ids.size);
  });

  it('does not audit read-only refreshes (they stay in the in-memory list)', async () => {
    const dataDir = tempDir();
    const core = simulatedCore(dataDir);
    await core.router.dispatch(CHANNELS.getSnapshot, OWN, []);
    await core.router.dispatch(CHANNELS.listOwners, OWN, [{ allStates: false }]);
    expect(auditLines(dataDir)).toEqual([]);
    expect(core.activity.list().length).toBeGreaterThan(0);
    expect(core.activity.list().every((r) => r.verified === undefined)).toBe(true);
  });

  it('records a refused change with its error code', async () => {
    const dataDir = tempDir();
    const core = simulatedCore(dataDir);
    // A WinNAT block, not an administered exclusion: the service refuses it after reading.
    const result = await core.router.dispatch(CHANNELS.deleteExclusion, OWN, [
      { protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130 },
    ]);
    expect(result.ok).toBe(false);
    const outcome = auditLines(dataDir).find((l) => l.kind === 'outcome');
    expect(outcome?.verified).toBe(result.ok ? 'applied' : result.error.code);
  });

  it('shows the changes of an earlier run, marked earlier, before this run’s records', async () => {
    const dataDir = tempDir();
    const first = simulatedCore(dataDir);
    await first.router.dispatch(CHANNELS.addExclusion, OWN, [PROTECT_8065]);
    const firstCount = first.activity.list().filter((r) => r.operation === 'protect-ports').length;

    const second = simulatedCore(dataDir);
    await second.router.dispatch(CHANNELS.getSnapshot, OWN, []);
    const listed = await second.router.dispatch(CHANNELS.listActivity, OWN, []);
    expect(listed.ok).toBe(true);
    const records = (listed.ok ? listed.value : []) as readonly CommandRecord[];
    const earlier = records.filter((r) => r.earlierRun);
    expect(earlier).toHaveLength(firstCount);
    expect(earlier.every((r) => r.verified === 'applied' && r.operation === 'protect-ports' && r.id < 0)).toBe(true);
    // Operation ids restart every run: the earlier ones are qualified by their run.
    expect(earlier[0]!.operationId).not.toBe('op-2');
    expect(records.indexOf(earlier.at(-1)!)).toBeLessThan(records.findIndex((r) => !r.earlierRun));
  });

  it('keeps the lines of a change killed midway, which the next start shows as interrupted', async () => {
    const dataDir = tempDir();
    // `net start winnat` never returns: the process "dies" there.
    const core = simulatedCore(dataDir, (runner) => ({
      run: (command, args, options) =>
        command === 'net' && args[0] === 'start' ? new Promise(() => undefined) : runner.run(command, args, options),
    }));
    void core.router.dispatch(CHANNELS.addExclusion, OWN, [PROTECT_8065]);
    // Wait for the change's own `add excludedportrange`, the last command that returns before the
    // hang. Not just any line naming excludedportrange: the change's first read (`show
    // excludedportrange`) matches that too, and the file is then read before `net stop winnat`.
    const ADD_8065 =
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent';
    await expect
      .poll(() => auditLines(dataDir).some((l) => l.kind === 'command' && l.argv.join(' ') === ADD_8065))
      .toBe(true);
    const written = auditLines(dataDir);
    expect(written.every((l) => l.kind === 'command' && l.verified === 'pending')).toBe(true);
    expect(written.map((l) => (l.kind === 'command' ? l.argv.join(' ') : ''))).toContain('net stop winnat');

    // The next start of the app reads the same file.
    const { audit } = createAppLogs(dataDir);
    expect(audit.earlier).toHaveLength(written.length);
    expect(audit.earlier.every((r) => r.verified === 'interrupted' && r.earlierRun)).toBe(true);
  });
});

describe('audit reader', () => {
  const line = (record: Partial<CommandRecord> = {}, run = 'run-a') =>
    formatCommandLine(
      {
        id: 1,
        operationId: 'op-1',
        operation: 'restart-winnat',
        command: 'net',
        args: ['stop', 'winnat'],
        exitCode: 0,
        stdout: 'ok',
        stderr: '',
        timedOut: false,
        durationMs: 5,
        startedAt: '2026-01-02T03:04:05.000Z',
        ...record,
      },
      run,
    );

  it('skips garbage, torn and forged lines without throwing', () => {
    const text = [
      'not json at all',
      line(),
      '{"v":1,"kind":"command","argv":[]}',
      '{"v":2,"kind":"outcome"}',
      '\u0000\u0000\u0000',
      '{"v":1,"kind":"outcome","time":"2026-01-02T03:04:06.000Z","run":"run-a","op":"op-1","operation":"restart-winnat","verified":"made-up"}',
      line({ args: ['start', 'winnat'] }),
      line().slice(0, 40),
    ].join('\n');
    const records = parseAuditText(text);
    expect(records.map((r) => r.args.join(' '))).toEqual(['stop winnat', 'start winnat']);
    // The outcome line with an unknown value is garbage too: no outcome, so interrupted.
    expect(records.every((r) => r.verified === 'interrupted')).toBe(true);
  });

  it('joins outcomes by run and operation id (op-1 of two runs stays apart)', () => {
    const out = (run: string, verified: string) =>
      JSON.stringify({
        v: 1,
        kind: 'outcome',
        time: '2026-01-02T03:04:06.000Z',
        run,
        op: 'op-1',
        operation: 'restart-winnat',
        verified,
      });
    const records = parseAuditText(
      [line({}, 'a'), out('a', 'applied'), line({}, 'b'), out('b', 'not-applied'), line({}, 'c')].join('\r\n'),
    );
    expect(records.map((r) => [r.operationId, r.verified])).toEqual([
      ['a/op-1', 'applied'],
      ['b/op-1', 'not-applied'],
      ['c/op-1', 'interrupted'],
    ]);
    expect(records.map((r) => r.id)).toEqual([-3, -2, -1]);
  });

  it("reads an older file's 'unknown-outcome' as the outcome unknown, not as a bad line", () => {
    const legacy = JSON.stringify({
      v: 1,
      kind: 'outcome',
      time: '2026-01-02T03:04:06.000Z',
      run: 'old',
      op: 'op-1',
      operation: 'restart-winnat',
      verified: 'unknown-outcome',
    });
    const records = parseAuditText([line({}, 'old'), legacy].join('\n'));
    expect(records.map((r) => r.verified)).toEqual(['unknown']);
  });

  it('reads the rotated file first and survives missing files', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'logs'));
    writeFileSync(path.join(dir, 'logs', 'audit.old.log'), `${line({ args: ['old'] })}\n`);
    writeFileSync(path.join(dir, 'logs', 'audit.log'), `${line({ args: ['new'] })}\n`);
    const records = readAuditRecords([
      path.join(dir, 'logs', 'audit.old.log'),
      path.join(dir, 'logs', 'audit.log'),
      path.join(dir, 'nope.log'),
    ]);
    expect(records.map((r) => r.args[0])).toEqual(['old', 'new']);
  });

  it('reads only the tail of a huge file, dropping the partial first line', () => {
    const dir = tempDir();
    const file = path.join(dir, 'audit.log');
    writeFileSync(file, `${Array.from({ length: 200 }, (_, i) => line({ args: [`n${i}`] })).join('\n')}\n`);
    const records = readAuditRecords([file], { maxBytes: 2000 });
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(200);
    expect(records.at(-1)!.args[0]).toBe('n199');
  });
});

describe('audit line format', () => {
  const record: CommandRecord = {
    id: 1,
    operationId: 'op-1',
    operation: 'add-rule',
    command: 'netsh',
    args: ['interface', 'portproxy', 'add', 'v4tov4', 'listenport=8080'],
    exitCode: 0,
    stdout: `x\u2028y\r\n{"v":1,"kind":"outcome"}\n${'z'.repeat(100_000)}`,
    stderr: '\u001b[31m\u0000'.repeat(50_000),
    timedOut: false,
    durationMs: 1,
    startedAt: '2026-01-02T03:04:05.000Z',
  };

  it('is one line, at most 32 KiB, with outputs clipped to 4 KiB and line separators escaped', () => {
    const text = formatCommandLine(record, 'run');
    // eslint-disable-next-line no-control-regex -- the point: no control character in the line
    expect(text).not.toMatch(/[\r\n\u2028\u2029\u0000\u001b]/);
    expect(text.length).toBeLessThanOrEqual(AUDIT_LINE_MAX);
    const parsed = auditLineSchema.parse(JSON.parse(text));
    expect(parsed.kind === 'command' && parsed.stdout.startsWith('x\u2028y\r\n{"v":1')).toBe(true);
    expect(parsed.kind === 'command' && parsed.stdout.length).toBeLessThan(4200);
  });

  it('stays under the cap even with absurd argv', () => {
    const text = formatCommandLine({ ...record, args: Array.from({ length: 5000 }, () => 'a'.repeat(5000)) }, 'run');
    expect(text.length).toBeLessThanOrEqual(AUDIT_LINE_MAX);
    expect(() => auditLineSchema.parse(JSON.parse(text))).not.toThrow();
  });

  it('writes through the given sink, commands then one outcome', () => {
    const written: string[] = [];
    const audit = createAuditLog({
      write: (l) => written.push(l),
      runId: 'r1',
      now: () => Date.parse('2026-01-02T03:04:06.000Z'),
    });
    audit.command(record);
    audit.outcome('op-1', 'add-rule', 'applied');
    expect(written.map((l) => (JSON.parse(l) as { kind: string }).kind)).toEqual(['command', 'outcome']);
    expect(parseAuditText(written.join('\n'))[0]).toMatchObject({
      operationId: 'r1/op-1',
      verified: 'applied',
      earlierRun: true,
    });
  });
});
