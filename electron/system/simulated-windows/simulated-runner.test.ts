import { describe, expect, it, vi } from 'vitest';
import { decodeConsoleOutput } from '../run/console-encoding';
import { netsh, simFor, tcp4 } from '../../../test/helpers/simulated-machine';

const ADD = [
  'interface',
  'ipv4',
  'add',
  'excludedportrange',
  'protocol=tcp',
  'startport=1433',
  'numberofports=1',
  'store=persistent',
];
const isAdd = { command: 'netsh', argsIncludes: ['add', 'excludedportrange'] } as const;
const has1433 = (runner: ReturnType<typeof simFor>) => tcp4(runner.machine).some((r) => r.start === 1433);

describe('fault injection', () => {
  it("'fail' answers exit 1 with an error text and does not apply the change", async () => {
    const runner = simFor('clean');
    runner.injectFault({ match: isAdd, kind: 'fail' });
    expect(await netsh(runner, ...ADD)).toEqual({
      exitCode: 1,
      stdout: 'An internal error occurred.\r\n\r\n',
      stderr: '',
      timedOut: false,
    });
    expect(has1433(runner)).toBe(false);
    expect(runner.calls[0]?.fault).toBe('fail');
    // once (the default): the next call goes through.
    expect((await netsh(runner, ...ADD)).exitCode).toBe(0);
    expect(has1433(runner)).toBe(true);
  });

  it("'fail' can carry its own text and exit code", async () => {
    const runner = simFor('clean');
    runner.injectFault({
      match: { command: 'net', argsIncludes: ['stop'] },
      kind: 'fail',
      output: 'boom',
      exitCode: 2,
    });
    expect(await runner.run('net', ['stop', 'winnat'])).toMatchObject({ exitCode: 2, stderr: 'boom\r\n', stdout: '' });
    expect(runner.machine.services.winnat!.status).toBe('running');
  });

  it("'hang' times out after the caller's timeout, applied or not as chosen", async () => {
    vi.useFakeTimers();
    try {
      for (const applied of [false, true]) {
        const runner = simFor('clean');
        runner.injectFault({
          match: (command, args) => command === 'netsh' && args.includes('add'),
          kind: 'hang',
          applied,
        });
        let settled = false;
        const pending = netsh(runner, ...ADD).then((result) => {
          settled = true;
          return result;
        });
        await vi.advanceTimersByTimeAsync(14_999);
        expect(settled).toBe(false);
        await vi.advanceTimersByTimeAsync(1);
        expect(await pending).toEqual({ exitCode: null, stdout: '', stderr: '', timedOut: true });
        expect(has1433(runner)).toBe(applied);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("'hang' honours options.timeoutMs", async () => {
    const runner = simFor('clean');
    runner.injectFault({ match: { command: 'sc' }, kind: 'hang' });
    const started = Date.now();
    expect(await runner.run('sc', ['query', 'winnat'], { timeoutMs: 30 })).toMatchObject({
      timedOut: true,
      exitCode: null,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("'deny' answers each executable's elevation error on an elevated machine", async () => {
    const runner = simFor('clean');
    runner.injectFault({ match: () => true, kind: 'deny', once: false });
    expect(await netsh(runner, ...ADD)).toMatchObject({
      exitCode: 1,
      stdout: 'The requested operation requires elevation (Run as administrator).\r\n\r\n',
    });
    expect(await runner.run('net', ['stop', 'winnat'])).toMatchObject({
      exitCode: 2,
      stderr: 'System error 5 has occurred.\r\n\r\nAccess is denied.\r\n\r\n',
    });
    expect(has1433(runner)).toBe(false);
    expect(runner.machine.services.winnat!.status).toBe('running');
  });

  it('nth fires on the nth matching call only; once: false keeps firing from then on; removal disarms', async () => {
    const runner = simFor('clean');
    runner.injectFault({ match: { command: 'sc', argsIncludes: ['QUERY'] }, nth: 2, kind: 'fail' });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await runner.run('sc', ['query', 'winnat'])).exitCode);
    await runner.run('net', ['session']);
    expect(codes).toEqual([0, 1, 0]);

    const sticky = simFor('clean');
    const remove = sticky.injectFault({ match: { command: 'sc' }, nth: 2, kind: 'fail', once: false });
    const sticking = [];
    for (let i = 0; i < 3; i++) sticking.push((await sticky.run('sc', ['query', 'winnat'])).exitCode);
    remove();
    sticking.push((await sticky.run('sc', ['query', 'winnat'])).exitCode);
    expect(sticking).toEqual([0, 1, 1, 0]);
  });
});

describe('runner', () => {
  it('records every call with its result', async () => {
    const runner = simFor('clean');
    await runner.run('net', ['session'], { timeoutMs: 1000 });
    await netsh(runner, 'interface', 'ipv4', 'show', 'dynamicport', 'tcp');
    expect(runner.calls.map((c) => [c.command, c.args.join(' '), c.timeoutMs, c.result?.exitCode])).toEqual([
      ['net', 'session', 1000, 0],
      ['netsh', 'interface ipv4 show dynamicport tcp', 15000, 0],
    ]);
  });

  it('notifies changes with before/after snapshots, and only on change', async () => {
    const runner = simFor('hyperv-reserved');
    const events: string[] = [];
    const off = runner.onChange(({ command, args, before, after }) => {
      const reserved = (m: typeof before) => m.excluded.ipv4.tcp.some((r) => 8065 >= r.start && 8065 <= r.end);
      events.push(`${command} ${args.join(' ')}: 8065 ${reserved(before)} -> ${reserved(after)}`);
    });
    await runner.run('sc', ['query', 'winnat']);
    await runner.run('net', ['stop', 'winnat']);
    await netsh(runner, ...ADD);
    off();
    await runner.run('net', ['start', 'winnat']);
    expect(events).toEqual(['net stop winnat: 8065 true -> false', `netsh ${ADD.join(' ')}: 8065 false -> false`]);
  });

  it('keeps the machine reference live (commits in place)', async () => {
    const runner = simFor('clean');
    const machine = runner.machine;
    await runner.run('net', ['stop', 'winnat']);
    expect(machine.services.winnat!.status).toBe('stopped');
  });

  it('writes the OEM code page bytes and decodes them with the app decoder', async () => {
    const runner = simFor('hyperv-reserved', { language: 'ko' });
    const result = await runner.runBytes('netsh', ['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']);
    expect(result.stdoutBytes.length).toBeLessThan(Buffer.byteLength(result.stdout, 'utf8'));
    expect(decodeConsoleOutput(result.stdoutBytes, 949)).toBe(result.stdout);
    expect(decodeConsoleOutput(result.stdoutBytes, 65001)).not.toBe(result.stdout);
    expect(result.stdout).toContain('* - 관리 포트 제외입니다.');
    const german = await simFor('clean', { language: 'de' }).runBytes('netstat', ['-an']);
    expect(Buffer.from(german.stdoutBytes).includes(Buffer.from([0x41, 0x42, 0x48, 0x99]))).toBe(true); // "ABHÖ" in CP850
  });

  it('adds the configured latency and times out a call slower than its timeout', async () => {
    const runner = simFor('clean');
    runner.setLatency(40);
    const started = Date.now();
    expect((await runner.run('net', ['session'])).exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(await runner.run('net', ['stop', 'winnat'], { timeoutMs: 10 })).toMatchObject({
      timedOut: true,
      exitCode: null,
    });
    expect(runner.machine.services.winnat!.status).toBe('running');
  });
});
