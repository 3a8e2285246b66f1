import { describe, expect, it } from 'vitest';
import { refusalReason } from './kill';
import { simulatedPorts, value } from '../../../test/helpers/owners';

const taskkills = (env: ReturnType<typeof simulatedPorts>) => env.countCalls('taskkill');

describe('killProcess: refusals', () => {
  it.each([
    [4, 'System', /System \(kernel\) process/],
    [0, 'System Idle Process', /System Idle Process/],
    [672, 'lsass.exe', /critical Windows process/],
    [500, 'csrss.exe', /critical Windows process/],
    [600, 'WININIT.EXE', /critical Windows process/],
  ] as const)('refuses PID %i (%s) without running any command', async (pid, image, reason) => {
    const env = simulatedPorts('clean');
    const result = await env.ports.killProcess(env.op, pid, image);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('refused');
      expect(result.error.message).toMatch(reason);
    }
    expect(env.sim.calls).toHaveLength(0);
  });

  it('refuses the svchost.exe hosting RpcSs after reading what it hosts (no taskkill)', async () => {
    const env = simulatedPorts('clean');
    const result = await env.ports.killProcess(env.op, 1028, 'svchost.exe');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/RpcSs/) });
    expect(taskkills(env)).toBe(0);
  });

  it('refusalReason lets ordinary processes through', () => {
    expect(refusalReason(9184, 'node.exe')).toBeNull();
    expect(refusalReason(2116, 'svchost.exe', ['iphlpsvc'])).toBeNull();
  });
});

describe('killProcess: checks before the kill', () => {
  it('a PID that is gone is not-found', async () => {
    const env = simulatedPorts('clean');
    const result = await env.ports.killProcess(env.op, 4242, 'node.exe');
    expect(!result.ok && result.error.code).toBe('not-found');
    expect(taskkills(env)).toBe(0);
  });

  it('a reused PID (another image now) is a conflict and nothing is killed', async () => {
    const env = simulatedPorts('clean');
    const result = await env.ports.killProcess(env.op, 9184, 'python.exe');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'conflict', detail: 'node.exe' });
    expect(taskkills(env)).toBe(0);
    expect(env.sim.machine.processes.some((p) => p.pid === 9184)).toBe(true);
  });

  it('an unreadable process list ends nothing', async () => {
    const env = simulatedPorts('clean');
    env.sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail' });
    const result = await env.ports.killProcess(env.op, 9184, 'node.exe');
    expect(!result.ok && result.error.code).toBe('command-failed');
    expect(taskkills(env)).toBe(0);
  });
});

describe('killProcess: the kill, judged by the re-read', () => {
  it('ends node.exe: taskkill /F /PID, applied, and 3000 is gone from the fresh view', async () => {
    const env = simulatedPorts('clean');
    const report = value(await env.ports.killProcess(env.op, 9184, 'node.exe'));
    expect(report).toMatchObject({ outcome: 'applied', pid: 9184, image: 'node.exe' });
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['check-process', true],
      ['taskkill', true],
      ['verify', true],
    ]);
    expect(env.sim.calls.filter((c) => c.command === 'taskkill').map((c) => c.args)).toEqual([['/F', '/PID', '9184']]);
    expect(report.owners.endpoints.some((e) => e.localPort === 3000)).toBe(false);
    expect(report.owners.endpoints.some((e) => e.localPort === 5432)).toBe(true);
  });

  it('image names compare case-insensitively', async () => {
    const env = simulatedPorts('clean');
    expect(value(await env.ports.killProcess(env.op, 9184, 'NODE.EXE')).outcome).toBe('applied');
  });

  it.each([
    ['fail', 'not-applied'],
    ['deny', 'not-applied'],
  ] as const)('taskkill %s -> %s from the re-read', async (kind, outcome) => {
    const env = simulatedPorts('clean');
    env.sim.injectFault({ match: { command: 'taskkill' }, kind });
    const report = value(await env.ports.killProcess(env.op, 9184, 'node.exe'));
    expect(report.outcome).toBe(outcome);
    expect(report.steps.find((s) => s.step === 'taskkill')?.ok).toBe(false);
    expect(report.message).toMatch(/still running/);
    expect(report.owners.endpoints.some((e) => e.localPort === 3000)).toBe(true);
  });

  it.each([
    [true, 'applied'],
    [false, 'not-applied'],
  ] as const)('a timed-out taskkill (killed before the hang: %s) -> %s', async (applied, outcome) => {
    const env = simulatedPorts('clean');
    env.sim.injectFault({ match: { command: 'taskkill' }, kind: 'hang', applied });
    const report = value(await env.ports.killProcess(env.op, 9184, 'node.exe'));
    expect(report.steps.find((s) => s.step === 'taskkill')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/timed out/),
    });
    expect(report.outcome).toBe(outcome);
  });

  it('a PID taken by a new process right after the kill counts as gone', async () => {
    const env = simulatedPorts('clean');
    const stop = env.sim.onChange((change) => {
      if (change.command === 'taskkill')
        env.sim.machine.processes.push({
          pid: 9184,
          image: 'conhost.exe',
          services: [],
          owner: 'user',
          sessionName: 'Console',
          memKb: 1,
        });
    });
    expect(value(await env.ports.killProcess(env.op, 9184, 'node.exe')).outcome).toBe('applied');
    stop();
  });

  it('an unreadable re-read (twice) is unknown; once is retried', async () => {
    const twice = simulatedPorts('clean');
    twice.sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail', nth: 2, once: false });
    const unknown = value(await twice.ports.killProcess(twice.op, 9184, 'node.exe'));
    expect(unknown.outcome).toBe('unknown');
    expect(unknown.steps.at(-1)).toMatchObject({ step: 'verify', ok: false });

    const once = simulatedPorts('clean');
    once.sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail', nth: 2 });
    expect(value(await once.ports.killProcess(once.op, 9184, 'node.exe')).outcome).toBe('applied');
    expect(once.countCalls('tasklist')).toBe(3);
  });

  it('not elevated: a SYSTEM process is denied and stays', async () => {
    const env = simulatedPorts('not-elevated');
    const report = value(await env.ports.killProcess(env.op, 3052, 'spoolsv.exe'));
    expect(report.outcome).toBe('not-applied');
  });
});

describe('killProcess: critical services, whatever the renderer says (hostile renderer)', () => {
  it.each([
    [1028, 'RpcSs'],
    [1144, 'EventLog'],
    [1892, 'Dnscache'],
  ] as const)('refuses the svchost.exe (PID %i) hosting %s after reading tasklist', async (pid, service) => {
    const env = simulatedPorts('clean');
    const result = await env.ports.killProcess(env.op, pid, 'svchost.exe');
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining(service) } });
    expect(taskkills(env)).toBe(0);
  });

  it.each(['Schedule', 'Dhcp', 'BFE', 'mpssvc', 'DcomLaunch', 'LSM'])('refusalReason names %s', (service) => {
    expect(refusalReason(999, 'svchost.exe', ['Themes', service.toLowerCase()])).toMatch(
      new RegExp(`critical service ${service}`),
    );
  });

  it('PID 4 is explained: its ports belong to Windows drivers', () => {
    expect(refusalReason(4, 'System')).toMatch(/SMB, NetBIOS, HTTP\.sys/);
  });
});
