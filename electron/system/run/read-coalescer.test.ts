import { describe, expect, it } from 'vitest';
import { createActivityLog } from '../activity-log';
import { addPortProxy, netstatWithPids, showPortProxy, tasklistWithServices } from '../portproxy/commands';
import { createPortsService } from '../owners';
import { readRuleState } from '../portproxy/read';
import { readSnapshot } from '../state-reader';
import { queryService, showExcludedRanges } from '../commands';
import { createSimulatedWindows } from './choose-windows';
import type { CommandRunner, RunResult } from './command-runner';
import { createReadCoalescer, isReadCommand } from './read-coalescer';

const answer = (stdout: string): RunResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false });

/** A runner whose calls finish only when the test says so, answering with the call's number. */
const heldRunner = () => {
  const calls: { command: string; args: readonly string[]; finish: () => void }[] = [];
  const runner: CommandRunner = {
    run: (command, args) =>
      new Promise((resolve) => {
        const n = calls.length + 1;
        calls.push({ command, args, finish: () => resolve(answer(`call ${n}`)) });
      }),
  };
  const finishAll = () => {
    for (const call of calls) call.finish();
  };
  return { runner, calls, finishAll };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('isReadCommand', () => {
  it('knows the read builders and nothing else', () => {
    expect(isReadCommand(showPortProxy())).toBe(true);
    expect(isReadCommand(netstatWithPids())).toBe(true);
    expect(isReadCommand(tasklistWithServices())).toBe(true);
    expect(isReadCommand(queryService('winnat'))).toBe(true);
    expect(isReadCommand(showExcludedRanges({ ipVersion: 'ipv4', protocol: 'tcp' }))).toBe(true);
    expect(
      isReadCommand(
        addPortProxy({
          type: 'v4tov4',
          listenAddress: '0.0.0.0',
          listenPort: 8080,
          connectAddress: '10.0.0.2',
          connectPort: 80,
        }),
      ),
    ).toBe(false);
    expect(isReadCommand({ command: 'net', args: ['stop', 'winnat'] })).toBe(false);
    expect(isReadCommand({ command: 'taskkill', args: ['/PID', '4', '/F'] })).toBe(false);
    expect(isReadCommand({ command: 'netsh', args: ['interface', 'portproxy', 'reset'] })).toBe(false);
  });
});

describe('createReadCoalescer', () => {
  it('runs identical reads asked while one is in flight once, and each gets its answer', async () => {
    const { runner, calls, finishAll } = heldRunner();
    const reads = createReadCoalescer();
    const line = showPortProxy();
    const start = () => runner.run(line.command, line.args);
    const first = reads.run(line, undefined, false, start);
    const second = reads.run(line, undefined, false, start);
    await tick();
    expect(calls).toHaveLength(1);
    finishAll();
    expect(await first).toEqual({ result: answer('call 1'), shared: false });
    expect(await second).toEqual({ result: answer('call 1'), shared: true });
    expect(reads.inFlight).toBe(0);
  });

  it('never shares a finished read: asked again afterwards, it runs again', async () => {
    const { runner, calls, finishAll } = heldRunner();
    const reads = createReadCoalescer();
    const line = netstatWithPids();
    const start = () => runner.run(line.command, line.args);
    const first = reads.run(line, undefined, false, start);
    await tick();
    finishAll();
    await first;
    const second = reads.run(line, undefined, false, start);
    await tick();
    finishAll();
    expect((await second).result.stdout).toBe('call 2');
    expect(calls).toHaveLength(2);
  });

  it('does not share different argv or different timeouts', async () => {
    const { runner, calls, finishAll } = heldRunner();
    const reads = createReadCoalescer();
    const a = showPortProxy();
    const b = netstatWithPids();
    const runs = [
      reads.run(a, undefined, false, () => runner.run(a.command, a.args)),
      reads.run(b, undefined, false, () => runner.run(b.command, b.args)),
      reads.run(a, { timeoutMs: 1_000 }, false, () => runner.run(a.command, a.args)),
    ];
    await tick();
    expect(calls).toHaveLength(3);
    finishAll();
    expect((await Promise.all(runs)).map((run) => run.shared)).toEqual([false, false, false]);
  });

  it('a read asked after a change started or ended never joins a read from before it', async () => {
    const { runner, calls, finishAll } = heldRunner();
    const reads = createReadCoalescer();
    const read = showPortProxy();
    const change = { command: 'netsh' as const, args: ['interface', 'portproxy', 'reset'] };
    const before = reads.run(read, undefined, false, () => runner.run(read.command, read.args));
    const reset = reads.run(change, undefined, false, () => runner.run(change.command, change.args));
    // Asked while the change runs: it must not get the answer read before the change began.
    const during = reads.run(read, undefined, false, () => runner.run(read.command, read.args));
    await tick();
    expect(calls.map((call) => call.args.join(' '))).toEqual([
      'interface portproxy show all',
      'interface portproxy reset',
      'interface portproxy show all',
    ]);
    calls[0]?.finish();
    calls[1]?.finish();
    await Promise.all([before, reset]);
    // Asked after the change ended: not the read that overlapped the change either.
    const after = reads.run(read, undefined, false, () => runner.run(read.command, read.args));
    await tick();
    expect(calls).toHaveLength(4);
    finishAll();
    expect((await before).result.stdout).toBe('call 1');
    expect((await during).result.stdout).toBe('call 3');
    expect((await after).result.stdout).toBe('call 4');
    expect((await after).shared).toBe(false);
  });

  it('exclusive reads (inside a change) neither join nor can be joined', async () => {
    const { runner, calls, finishAll } = heldRunner();
    const reads = createReadCoalescer();
    const line = showPortProxy();
    const start = () => runner.run(line.command, line.args);
    const runs = [reads.run(line, undefined, false, start), reads.run(line, undefined, true, start)];
    await tick();
    runs.push(reads.run(line, undefined, true, start));
    await tick();
    expect(calls).toHaveLength(3);
    finishAll();
    expect((await Promise.all(runs)).map((run) => run.result.stdout)).toEqual(['call 1', 'call 2', 'call 3']);
  });
});

describe('activity log: one spawn per distinct read in a full refresh', () => {
  it('the window refresh (ranges, rules, owners at once) runs each distinct command once and records every read', async () => {
    const sim = createSimulatedWindows({ scenario: 'forwarding', locale: 'en', latencyMs: 5 });
    const log = createActivityLog(sim.runner);
    const owners = createPortsService();
    const [, listed, owned] = await Promise.all([
      readSnapshot(log.begin('snapshot')),
      // What rules.listRules reads (portproxy/rule-service.ts).
      readRuleState(log.begin('rules'), () => new Date()),
      owners.listOwners(log.begin('owners'), false),
    ]);
    expect(listed.rules).not.toBeNull();
    expect(owned.ok).toBe(true);
    const spawned = sim.runner.calls.map((call) => [call.command, ...call.args].join(' '));
    expect(spawned.length).toBe(new Set(spawned).size);
    expect(spawned.filter((line) => line === 'netsh interface portproxy show all')).toHaveLength(1);
    // Both views still list the command they used; the second one says it shared the run.
    const portproxy = log.list().filter((record) => record.args.join(' ') === 'interface portproxy show all');
    expect(portproxy.map((record) => record.operation).sort()).toEqual(['owners', 'rules']);
    expect(portproxy.filter((record) => record.shared === true)).toHaveLength(1);
    expect(portproxy[0]?.stdout).toBe(portproxy[1]?.stdout);
  });

  it('reads inside a change and reads after it never get an answer read before the change', async () => {
    const sim = createSimulatedWindows({ scenario: 'clean', locale: 'en' });
    // The first portproxy read is answered from the machine at once but handed back only when released,
    // so it is still in flight while the change runs and after it ends.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    const runner: CommandRunner = {
      async run(command, args, options) {
        const result = await sim.runner.run(command, args, options);
        if (first && args.join(' ') === 'interface portproxy show all') {
          first = false;
          await held;
        }
        return result;
      },
    };
    const log = createActivityLog(runner);
    const show = showPortProxy();
    const rule = {
      type: 'v4tov4' as const,
      listenAddress: '0.0.0.0',
      listenPort: 8080,
      connectAddress: '10.0.0.2',
      connectPort: 80,
    };
    const stale = log.begin('owners').run(show);
    await tick();
    const changed = await log.change(async () => {
      const op = log.begin('add-rule');
      await op.run(addPortProxy(rule));
      const after = await op.run(show);
      return { ok: true as const, value: after.stdout };
    });
    const later = await log.begin('rules').run(show);
    release();
    expect((await stale).stdout).not.toContain('8080');
    expect(changed.ok && changed.value).toContain('8080');
    expect(later.stdout).toContain('8080');
    expect(log.list().some((record) => record.shared)).toBe(false);
  });
});
