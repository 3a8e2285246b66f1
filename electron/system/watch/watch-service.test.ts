import { describe, expect, it, vi } from 'vitest';
import type { WatchedPort, WatchState } from '../../../shared/model';
import type { Operation } from '../activity-log';
import type { WatchConfigStore } from '../owners/types';
import { simulatedPorts, value } from '../../../test/helpers/owners';
import { createWatchService } from './watch-service';

const memoryStore = (initial: readonly WatchedPort[] = []) => {
  let saved = [...initial];
  const store: WatchConfigStore & { saved: () => readonly WatchedPort[] } = {
    read: vi.fn(async () => saved),
    write: vi.fn(async (ports: readonly WatchedPort[]) => {
      saved = [...ports];
    }),
    saved: () => saved,
  };
  return store;
};

const tcp = (...ports: number[]): WatchedPort[] => ports.map((port) => ({ port, protocol: 'tcp' }));

const setup = (scenario: string, watched: readonly WatchedPort[]) => {
  const env = simulatedPorts(scenario);
  const store = memoryStore(watched);
  const service = createWatchService({ ports: env.ports, store, now: () => new Date('2026-02-01T10:00:00.000Z') });
  const events: { states: readonly WatchState[]; changed: readonly WatchState[] }[] = [];
  service.onStates((states, changed) => events.push({ states, changed }));
  return { ...env, store, service, events };
};

const brief = (states: readonly WatchState[]) => states.map((s) => `${s.protocol}/${s.port} ${s.status}`);

describe('watch service: statuses', () => {
  it('maps every cause to one status and a reason that names the range or the owner', async () => {
    const { service, op } = setup('hyperv-reserved', [
      ...tcp(8065, 50010, 445, 4000),
      { port: 61300, protocol: 'udp' },
    ]);
    const states = await service.checkNow(op);
    // An administered exclusion is protection, not a block: the port stays usable.
    expect(brief(states)).toEqual([
      'tcp/8065 reserved',
      'tcp/50010 free',
      'tcp/445 taken',
      'tcp/4000 free',
      'udp/61300 reserved',
    ]);
    expect(states[0]!.reason).toBe('TCP 8031-8130 reserved by WinNAT/Hyper-V (IPv4, IPv6)');
    expect(states[1]!.reason).toBe('protected by TCP 50000-50059 administered exclusion (IPv4, IPv6)');
    expect(states[2]!.reason).toBe('in use by System (PID 4), a Windows kernel listener');
    // At 1024 the dynamic range covers 4000: usable now, with the warning.
    expect(states[3]!.reason).toMatch(/free now; inside the dynamic port range/);
    expect(states[0]!.checkedAt).toBe('2026-02-01T10:00:00.000Z');
  });

  it('names the process, the WSL relay, Docker and the portproxy rule', async () => {
    const clean = setup('clean', tcp(3000, 5173, 6379, 4000));
    const states = await clean.service.checkNow(clean.op);
    expect(states.map((s) => [s.status, s.reason])).toEqual([
      ['taken', 'in use by node.exe (PID 9184)'],
      ['taken', 'in use by wslrelay.exe (PID 7120), WSL localhost forwarding'],
      ['taken', 'in use by com.docker.backend.exe (PID 6004), a published Docker port'],
      ['free', undefined],
    ]);
    const forwarding = setup('forwarding', tcp(2222));
    expect((await forwarding.service.checkNow(forwarding.op))[0]).toMatchObject({
      status: 'taken',
      reason: 'forwarded by the portproxy rule 0.0.0.0:2222 -> 172.28.241.140:22',
    });
  });

  it('a failed read that decides availability is unknown; a failed tasklist is not', async () => {
    const env = setup('clean', tcp(4000, 3000));
    env.sim.injectFault({ match: { command: 'netstat' }, kind: 'fail' });
    expect(brief(await env.service.checkNow(env.op))).toEqual(['tcp/4000 unknown', 'tcp/3000 unknown']);
    env.sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail' });
    const states = await env.service.checkNow(env.op);
    expect(brief(states)).toEqual(['tcp/4000 free', 'tcp/3000 taken']);
    expect(states[1]!.reason).toBe('in use by PID 9184');
  });

  it('one check reads each command once for the whole list', async () => {
    const env = setup('forwarding', [...tcp(2222, 3000, 4000, 8080), { port: 5353, protocol: 'udp' }]);
    await env.service.checkNow(env.op);
    expect(env.countCalls('netstat')).toBe(1);
    expect(env.countCalls('tasklist')).toBe(1);
    expect(env.sim.calls.filter((c) => c.args.includes('portproxy'))).toHaveLength(1);
    expect(env.sim.calls).toHaveLength(3 + 4 + 4); // owners + 4 excluded tables + 4 dynamic ranges (tcp and udp)
  });

  it('an empty list runs no command at all and reports empty states', async () => {
    const env = setup('clean', []);
    expect(await env.service.checkNow(env.op)).toEqual([]);
    expect(await env.service.states(env.op)).toEqual([]);
    expect(env.sim.calls).toHaveLength(0);
    expect(env.events).toEqual([{ states: [], changed: [] }]);
  });
});

describe('watch service: changes', () => {
  it('the first check reports only ports that are not free as changed', async () => {
    const env = setup('clean', tcp(3000, 4000));
    await env.service.checkNow(env.op);
    expect(brief(env.events[0]!.changed)).toEqual(['tcp/3000 taken']);
    await env.service.checkNow(env.op);
    expect(env.events[1]!.changed).toEqual([]);
    expect(brief(env.events[1]!.states)).toEqual(['tcp/3000 taken', 'tcp/4000 free']);
  });

  it('a port that WinNAT frees shows up as changed; protecting it keeps it free, and WinNAT does not take it back', async () => {
    const env = setup('hyperv-reserved', tcp(8065, 4000));
    await env.service.checkNow(env.op);
    expect(brief(env.events[0]!.changed)).toEqual(['tcp/8065 reserved']);

    await env.sim.run('net', ['stop', 'winnat']);
    await env.service.checkNow(env.op);
    expect(brief(env.events[1]!.changed)).toEqual(['tcp/8065 free']);

    await env.sim.run('netsh', [
      'interface',
      'ipv4',
      'add',
      'excludedportrange',
      'protocol=tcp',
      'startport=8065',
      'numberofports=1',
    ]);
    await env.sim.run('net', ['start', 'winnat']);
    const states = await env.service.checkNow(env.op);
    expect(env.events[2]!.changed).toEqual([]);
    expect(states.find((s) => s.port === 8065)).toMatchObject({
      status: 'free',
      // The shared verdict names the side that stayed unprotected (this test protected IPv4 only).
      reason: 'protected by TCP 8065 administered exclusion (IPv4); not protected in IPv6',
    });
  });

  it('a free port that a new WinNAT block covers becomes reserved', async () => {
    const env = setup('clean', tcp(4000));
    await env.service.checkNow(env.op);
    expect(env.events[0]!.changed).toEqual([]);
    for (const v of ['ipv4', 'ipv6'] as const)
      env.sim.machine.excluded[v].tcp.push({ start: 3950, end: 4049, administered: false });
    await env.service.checkNow(env.op);
    expect(env.events[1]!.changed).toEqual([
      expect.objectContaining({
        port: 4000,
        status: 'reserved',
        reason: 'TCP 3950-4049 reserved by WinNAT/Hyper-V (IPv4, IPv6)',
      }),
    ]);
  });

  it('a process that ends frees its port', async () => {
    const env = setup('clean', tcp(3000));
    await env.service.checkNow(env.op);
    value(await env.ports.killProcess(env.op, 9184, 'node.exe'));
    await env.service.checkNow(env.op);
    expect(brief(env.events[1]!.changed)).toEqual(['tcp/3000 free']);
  });
});

describe('watch service: the list', () => {
  it('loads the list from the store once; states() checks when nothing was checked yet', async () => {
    const env = setup('clean', tcp(3000));
    expect(brief(await env.service.states(env.op))).toEqual(['tcp/3000 taken']);
    const calls = env.sim.calls.length;
    expect(brief(await env.service.states(env.op))).toEqual(['tcp/3000 taken']);
    expect(env.sim.calls.length).toBe(calls);
    expect(env.store.read).toHaveBeenCalledTimes(1);
  });

  it('setPorts stores the list, checks it and returns the states; a new port is judged as seen for the first time', async () => {
    const env = setup('clean', tcp(4000));
    await env.service.checkNow(env.op);
    const states = value(await env.service.setPorts(env.op, tcp(4000, 5432)));
    expect(brief(states)).toEqual(['tcp/4000 free', 'tcp/5432 taken']);
    expect(env.store.saved()).toEqual(tcp(4000, 5432));
    expect(brief(env.events.at(-1)!.changed)).toEqual(['tcp/5432 taken']);
  });

  it('a store that cannot write is storage-failed and the list stays', async () => {
    const env = setup('clean', tcp(4000));
    vi.mocked(env.store.write).mockRejectedValueOnce(new Error('EACCES'));
    const result = await env.service.setPorts(env.op, tcp(3000));
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', detail: 'EACCES' } });
    expect(brief(await env.service.checkNow(env.op))).toEqual(['tcp/4000 free']);
  });

  it('overlapping checks run one after the other, never interleaving their reads', async () => {
    const env = setup('clean', tcp(3000));
    env.sim.setLatency(5);
    let active = 0;
    let most = 0;
    const counting: Operation = {
      ...env.op,
      run: async (line, options) => {
        most = Math.max(most, ++active);
        try {
          return await env.op.run(line, options);
        } finally {
          active--;
        }
      },
    };
    const [a, b] = await Promise.all([env.service.checkNow(counting), env.service.checkNow(counting)]);
    expect(brief(a)).toEqual(brief(b));
    expect(env.countCalls('netstat')).toBe(2);
    expect(most).toBe(7); // one check's reads in parallel (3 owners + 2 tables + 2 dynamic ranges), never two checks'
    expect(env.events.map((e) => e.changed.length)).toEqual([1, 0]);
  });

  it('a listener that throws does not break the check', async () => {
    const env = setup('clean', tcp(3000));
    env.service.onStates(() => {
      throw new Error('boom');
    });
    const off = env.service.onStates(() => undefined);
    off();
    expect(brief(await env.service.checkNow(env.op))).toEqual(['tcp/3000 taken']);
    expect(env.events).toHaveLength(1);
  });
});
