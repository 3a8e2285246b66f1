import { describe, expect, it } from 'vitest';
import { createSimulatedWindows } from '../run/choose-windows';
import { createSimProbe, FAST_MS } from './simulated-probe';
import { createScenarioMachine } from './scenarios';
import { createMachine } from './state';
import { simFor } from '../../../test/helpers/simulated-machine';

const TIMEOUT = 1000;

/** Wall-clock duration of a probe: no answer must not cost the timeout for real. */
const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
};

describe('createSimProbe over the forwarding scenario', () => {
  const probe = createSimProbe(createScenarioMachine('forwarding'));

  it('the WSL target answers on 22 and 80 but not on 9000', async () => {
    expect(await probe.probe('172.28.241.140', 22, TIMEOUT)).toEqual({
      answered: true,
      ms: 1,
      detail: 'answered in 1 ms',
    });
    expect((await probe.probe('172.28.241.140', 80, TIMEOUT)).answered).toBe(true);
    const [closed, elapsed] = await timed(() => probe.probe('172.28.241.140', 9000, TIMEOUT));
    expect(closed).toEqual({ answered: false, ms: TIMEOUT, detail: 'no answer in 1000 ms' });
    expect(elapsed).toBeLessThan(200);
  });

  it('resolves devbox.lan case-insensitively and answers on 8888, also by its address', async () => {
    expect(await probe.probe('DevBox.LAN', 8888, TIMEOUT)).toEqual({
      answered: true,
      ms: 3,
      detail: 'answered in 3 ms (192.168.1.50)',
    });
    expect((await probe.probe('192.168.1.50', 8888, TIMEOUT)).answered).toBe(true);
    expect((await probe.probe('devbox.lan', 22, TIMEOUT)).detail).toBe('no answer in 1000 ms');
  });

  it('an unknown name is not resolved; an unknown address does not answer', async () => {
    expect(await probe.probe('unknown.lan', 80, TIMEOUT)).toEqual({
      answered: false,
      ms: 0,
      detail: 'name not resolved: unknown.lan',
    });
    expect(await probe.probe('10.9.9.9', 80, TIMEOUT)).toMatchObject({
      answered: false,
      detail: 'no answer in 1000 ms',
    });
  });

  it('loopback reaches the machine own listeners, family by family', async () => {
    expect((await probe.probe('127.0.0.1', 3000, TIMEOUT)).answered).toBe(true); // node.exe on 127.0.0.1
    expect((await probe.probe('::1', 3000, TIMEOUT)).answered).toBe(false); // not on ::1
    expect((await probe.probe('[::1]', 5173, TIMEOUT)).answered).toBe(true); // wslrelay on ::1
    expect((await probe.probe('0:0:0:0:0:0:0:1', 5432, TIMEOUT)).answered).toBe(true); // postgres on ::
    expect((await probe.probe('localhost', 3000, TIMEOUT)).answered).toBe(true);
    expect((await probe.probe('127.0.0.2', 3000, TIMEOUT)).answered).toBe(false); // bound to 127.0.0.1 only
    expect((await probe.probe('127.0.0.2', 445, TIMEOUT)).answered).toBe(true); // 0.0.0.0 takes all of 127/8
  });

  it('the v4tov6 rule target ::1/80 does not answer: nothing listens on 80', async () => {
    expect((await probe.probe('::1', 80, TIMEOUT)).answered).toBe(false);
  });

  it('a round trip at or beyond the timeout is no answer; bad input never throws', async () => {
    expect(await probe.probe('devbox.lan', 8888, 3)).toEqual({ answered: false, ms: 3, detail: 'no answer in 3 ms' });
    expect(await probe.probe('127.0.0.1', 0, TIMEOUT)).toMatchObject({ answered: false, detail: 'invalid port 0' });
    expect((await probe.probe('127.0.0.1', 3000, Number.NaN)).answered).toBe(false);
  });
});

describe('createSimProbe over a live machine', () => {
  it('a portproxy listen port answers on loopback while iphlpsvc runs, not after net stop iphlpsvc', async () => {
    const runner = simFor('forwarding');
    const probe = createSimProbe(runner.machine);
    expect((await probe.probe('127.0.0.1', 2222, TIMEOUT)).answered).toBe(true); // 0.0.0.0/2222
    expect((await probe.probe('127.0.0.1', 8081, TIMEOUT)).answered).toBe(true); // 127.0.0.1/8081
    expect((await probe.probe('::1', 9000, TIMEOUT)).answered).toBe(true); // ::/9000
    expect((await runner.run('net', ['stop', 'iphlpsvc'])).exitCode).toBe(0);
    expect((await probe.probe('127.0.0.1', 2222, TIMEOUT)).answered).toBe(false);
    expect((await probe.probe('::1', 9000, TIMEOUT)).answered).toBe(false);
  });

  it('broken-iphlpsvc has no portproxy listeners, the remote targets still answer', async () => {
    const probe = createSimProbe(createScenarioMachine('broken-iphlpsvc'));
    expect((await probe.probe('127.0.0.1', 2222, TIMEOUT)).answered).toBe(false);
    expect((await probe.probe('172.28.241.140', 22, TIMEOUT)).answered).toBe(true);
  });

  it('createSimulatedWindows returns a probe over the runner machine', async () => {
    const windows = createSimulatedWindows({ scenario: 'forwarding', locale: 'en' });
    expect((await windows.probe.probe('127.0.0.1', 8888, TIMEOUT)).answered).toBe(true);
    await windows.runner.run('netsh', [
      'interface',
      'portproxy',
      'delete',
      'v4tov4',
      'listenport=8888',
      'listenaddress=127.0.0.1',
    ]);
    expect((await windows.probe.probe('127.0.0.1', 8888, TIMEOUT)).answered).toBe(false);
  });

  it('a name may resolve to the machine itself', async () => {
    const machine = createScenarioMachine('clean');
    machine.remoteHosts = [{ address: 'api.local', resolvesTo: '127.0.0.1', openPorts: [] }];
    const probe = createSimProbe(machine);
    expect(await probe.probe('api.local', 3000, TIMEOUT)).toEqual({
      answered: true,
      ms: 0,
      detail: 'answered in 0 ms (127.0.0.1)',
    });
  });

  it('with a latency set, probes take their time for real (demo); without, at most a few ms', async () => {
    const machine = createMachine({ remoteHosts: [{ address: '10.0.0.5', openPorts: [80] }] });
    const [fast, fastElapsed] = await timed(() => createSimProbe(machine).probe('10.0.0.5', 81, 500));
    expect(fast.answered).toBe(false);
    expect(fastElapsed).toBeLessThan(FAST_MS + 100);
    const slow = createSimProbe(machine, { latencyMs: 20 });
    const [answer, answerElapsed] = await timed(() => slow.probe('10.0.0.5', 80, 500));
    expect(answer).toEqual({ answered: true, ms: 21, detail: 'answered in 21 ms' });
    expect(answerElapsed).toBeGreaterThanOrEqual(15);
    const [none, noneElapsed] = await timed(() => slow.probe('10.0.0.5', 81, 40));
    expect(none).toEqual({ answered: false, ms: 40, detail: 'no answer in 40 ms' });
    expect(noneElapsed).toBeGreaterThanOrEqual(35);
  });
});
