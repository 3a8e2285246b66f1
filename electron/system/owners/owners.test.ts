import { describe, expect, it } from 'vitest';
import type { Endpoint, NetstatEntry } from '../../../shared/model';
import { IPHLPSVC_PID } from '../simulated-windows/scenarios';
import { scanNetstat, type NetstatTable } from '../parse';
import { joinEndpoints } from './endpoints';
import { ownerKindOf } from './owner-kind';
import { FIXED_NOW, simulatedPorts, value } from '../../../test/helpers/owners';

const at = (endpoints: readonly Endpoint[], port: number, address?: string) =>
  endpoints.filter((e) => e.localPort === port && (address === undefined || e.localAddress === address));

describe('listOwners', () => {
  it('joins netstat, tasklist and the rules, listeners only, each command once', async () => {
    const { ports, op, countCalls, sim } = simulatedPorts('forwarding');
    const view = value(await ports.listOwners(op, false));
    expect(view.readAt).toBe(FIXED_NOW.toISOString());
    expect(view.endpoints.every((e) => e.protocol === 'udp' || e.state === 'LISTENING')).toBe(true);
    expect(at(view.endpoints, 3000)).toEqual([
      {
        protocol: 'tcp',
        localAddress: '127.0.0.1',
        localPort: 3000,
        remoteAddress: '0.0.0.0',
        remotePort: 0,
        state: 'LISTENING',
        pid: 9184,
        ipVersion: 'ipv4',
        image: 'node.exe',
        services: [],
        owner: 'process',
      },
    ]);
    expect(at(view.endpoints, 5173).map((e) => [e.owner, e.ipVersion])).toEqual([
      ['wsl-relay', 'ipv4'],
      ['wsl-relay', 'ipv6'],
    ]);
    expect(new Set(at(view.endpoints, 6379).map((e) => e.owner))).toEqual(new Set(['docker']));
    expect(new Set(at(view.endpoints, 445).map((e) => e.owner))).toEqual(new Set(['kernel']));
    expect(at(view.endpoints, 139)[0]).toMatchObject({ owner: 'kernel', image: 'System', pid: 4 });
    expect(at(view.endpoints, 135)[0]).toMatchObject({
      owner: 'process',
      image: 'svchost.exe',
      services: ['RpcEptMapper', 'RpcSs'],
    });
    expect(at(view.endpoints, 5353)[0]).toMatchObject({ protocol: 'udp', remoteAddress: null, state: null });
    expect([countCalls('netstat'), countCalls('tasklist'), countCalls('netsh')]).toEqual([1, 1, 1]);
    expect(sim.calls).toHaveLength(3);
  });

  it('attaches the rule to each IP Helper listener by listen address and port', async () => {
    const { ports, op } = simulatedPorts('forwarding');
    const view = value(await ports.listOwners(op, false));
    const proxied = view.endpoints.filter((e) => e.owner === 'portproxy');
    expect(
      proxied.every((e) => e.pid === IPHLPSVC_PID && e.image === 'svchost.exe' && e.services.includes('iphlpsvc')),
    ).toBe(true);
    expect(
      proxied.map((e) => [
        `${e.localAddress}:${e.localPort}`,
        e.rule && `${e.rule.type} ${e.rule.connectAddress}:${e.rule.connectPort}`,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['0.0.0.0:2222', 'v4tov4 172.28.241.140:22'],
        ['0.0.0.0:8080', 'v4tov4 172.28.241.140:80'],
        ['127.0.0.1:8888', 'v4tov4 devbox.lan:8888'],
        ['127.0.0.1:8081', 'v4tov6 ::1:80'],
        [':::9000', 'v6tov4 172.28.241.140:9000'],
      ]),
    );
    expect(proxied).toHaveLength(5);
  });

  it('allStates adds connections (ESTABLISHED) to the listeners', async () => {
    const { ports, op } = simulatedPorts('clean');
    const listeners = value(await ports.listOwners(op, false)).endpoints;
    const all = value(await ports.listOwners(op, true)).endpoints;
    expect(all.length).toBeGreaterThan(listeners.length);
    expect(all.some((e) => e.state === 'ESTABLISHED' && e.image === 'chrome.exe')).toBe(true);
    expect(listeners.some((e) => e.state === 'ESTABLISHED')).toBe(false);
  });

  it('Korean output joins the same way', async () => {
    const { ports, op } = simulatedPorts('clean', 'ko');
    expect(at(value(await ports.listOwners(op, false)).endpoints, 3000)[0]).toMatchObject({
      image: 'node.exe',
      owner: 'process',
    });
  });

  it.each(['netstat', 'tasklist'] as const)('a failed %s is command-failed', async (command) => {
    const { ports, op, sim } = simulatedPorts('clean');
    sim.injectFault({ match: { command }, kind: 'fail' });
    const result = await ports.listOwners(op, false);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'command-failed', detail: expect.stringContaining(command) });
  });

  it('an unreadable rule table still lists the IP Helper listeners, without a rule', async () => {
    const { ports, op, sim } = simulatedPorts('forwarding');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['portproxy'] }, kind: 'hang' });
    const proxied = value(await ports.listOwners(op, false)).endpoints.filter((e) => e.owner === 'portproxy');
    expect(proxied).toHaveLength(5);
    expect(proxied.some((e) => e.rule)).toBe(false);
  });
});

describe('owner kinds', () => {
  it.each([
    [4, 'System', [], 'kernel'],
    [0, 'System Idle Process', [], 'kernel'],
    [2116, 'svchost.exe', ['iphlpsvc'], 'portproxy'],
    [2116, 'SVCHOST.EXE', ['IpHlpSvc', 'Winmgmt'], 'portproxy'],
    [1028, 'svchost.exe', ['RpcSs'], 'process'],
    [7120, 'wslrelay.exe', [], 'wsl-relay'],
    [6004, 'com.docker.backend.exe', [], 'docker'],
    [6005, 'vpnkit.exe', [], 'docker'],
    [6006, 'docker-proxy', [], 'docker'],
    [6007, 'com.docker.proxy.exe', [], 'docker'],
    [9184, 'node.exe', [], 'process'],
    [9185, null, [], 'process'],
  ] as const)('pid %i %s %j -> %s', (pid, image, services, kind) => {
    expect(ownerKindOf(pid, image, services)).toBe(kind);
  });
});

describe('joinEndpoints on a busy machine', () => {
  it('joins 20,000 rows with 5,000 processes and 1,000 rules (each rule on its own port)', () => {
    const entries: NetstatEntry[] = Array.from({ length: 20_000 }, (_, i) => ({
      protocol: i % 5 === 0 ? 'udp' : 'tcp',
      localAddress: i % 2 === 0 ? '0.0.0.0' : '::',
      localPort: 1024 + (i % 60_000),
      remoteAddress: i % 5 === 0 ? null : i % 2 === 0 ? '0.0.0.0' : '::',
      remotePort: i % 5 === 0 ? null : 0,
      state: i % 5 === 0 ? null : 'LISTENING',
      pid: 100 + (i % 5000),
    }));
    const processes = Array.from({ length: 5000 }, (_, i) => ({
      pid: 100 + i,
      image: i === 7 ? 'svchost.exe' : `app${i}.exe`,
      services: i === 7 ? ['iphlpsvc'] : [],
    }));
    const rules = Array.from({ length: 1000 }, (_, i) => ({
      type: 'v4tov4' as const,
      listenAddress: '*',
      listenPort: 2000 + i,
      connectAddress: '10.0.0.1',
      connectPort: 80,
    }));
    // How fast is bench/parsers.ts's business ("listeners joined"); this checks the answer.
    const joined = joinEndpoints({ entries, processes, rules, allStates: false });
    expect(joined).toHaveLength(20_000);
    expect(joined.filter((e) => e.owner === 'portproxy').length).toBe(4);
  });

  it('builds only the listener rows of a scanned netstat table, and joins them as it joins row objects', () => {
    const lines = ['  Proto  Local Address  Foreign Address  State  PID'];
    for (let i = 0; i < 2_000; i++)
      lines.push(
        i % 10 === 0
          ? `  TCP    0.0.0.0:${1000 + i}    0.0.0.0:0    LISTENING    ${100 + (i % 7)}`
          : i % 10 === 1
            ? `  UDP    [::]:${1000 + i}    *:*    ${100 + (i % 7)}`
            : `  TCP    10.0.0.2:${1000 + i}    52.1.2.${i % 250}:443    ESTABLISHED    ${100 + (i % 7)}`,
      );
    const table = scanNetstat(lines.join('\r\n'));
    const processes = [{ pid: 101, image: 'node.exe', services: [] }];
    const built: number[] = [];
    const counting: NetstatTable = {
      ...table,
      isListenerAt: (i) => table.isListenerAt(i),
      at: (i) => (built.push(i), table.at(i)),
      toArray: () => table.toArray(),
      length: table.length,
    };
    const joined = joinEndpoints({ entries: counting, processes, rules: [], allStates: false });
    expect(joined).toHaveLength(400);
    // 200 TCP listeners and 200 UDP sockets: the 1,600 connections were never built as objects.
    expect(built).toHaveLength(400);
    expect(joined).toEqual(joinEndpoints({ entries: table.toArray(), processes, rules: [], allStates: false }));
    expect(joinEndpoints({ entries: table, processes, rules: [], allStates: true })).toEqual(
      joinEndpoints({ entries: table.toArray(), processes, rules: [], allStates: true }),
    );
  });
});
