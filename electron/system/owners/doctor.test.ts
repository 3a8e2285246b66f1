import { describe, expect, it } from 'vitest';
import type { DoctorCause, DoctorReport } from '../../../shared/model';
import { IPHLPSVC_PID } from '../simulated-windows/scenarios';
import { simulatedPorts, value } from '../../../test/helpers/owners';

const kinds = (report: DoctorReport) => report.causes.map((c) => c.kind);
const owned = (report: DoctorReport) =>
  report.causes
    .filter((c): c is Extract<DoctorCause, { kind: 'owned' }> => c.kind === 'owned')
    .flatMap((c) => c.endpoints);
const diagnose = async (scenario: string, port: number, protocol: 'tcp' | 'udp' = 'tcp', locale = 'en') => {
  const env = simulatedPorts(scenario, locale);
  return { ...env, report: value(await env.ports.diagnosePort(env.op, port, protocol)) };
};

describe('diagnosePort: one cause at a time', () => {
  it.each(['en', 'ko', 'de', 'zh-CN'])(
    '8065 on hyperv-reserved (%s): a WinNAT range in both tables, inside the dynamic range at 1024',
    async (locale) => {
      const { report } = await diagnose('hyperv-reserved', 8065, 'tcp', locale);
      // One cause per fact, naming both IP versions that hold it.
      expect(report.causes).toEqual([
        {
          kind: 'excluded',
          range: { protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered: false },
          ipVersions: ['ipv4', 'ipv6'],
        },
        {
          kind: 'dynamic-range',
          range: { protocol: 'tcp', ipVersion: 'ipv4', start: 1024, count: 64511 },
          ipVersions: ['ipv4', 'ipv6'],
        },
      ]);
      expect(report.unreadable).toEqual([]);
      expect(report).toMatchObject({ port: 8065, protocol: 'tcp', checkedAt: '2026-02-01T10:00:00.000Z' });
    },
  );

  it('50010 on hyperv-reserved: protected in both IP versions, so no dynamic-range warning', async () => {
    const { report } = await diagnose('hyperv-reserved', 50010);
    expect(report.causes).toEqual([
      {
        kind: 'excluded',
        range: { protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059, administered: true },
        ipVersions: ['ipv4', 'ipv6'],
      },
    ]);
  });

  it('3000 on clean: owned by node.exe, nothing else', async () => {
    const { report } = await diagnose('clean', 3000);
    expect(kinds(report)).toEqual(['owned']);
    expect(owned(report)[0]).toMatchObject({
      image: 'node.exe',
      pid: 9184,
      owner: 'process',
      localAddress: '127.0.0.1',
      ipVersion: 'ipv4',
      state: 'LISTENING',
    });
  });

  it.each([
    [5173, 'wsl-relay', 'wslrelay.exe', 2],
    [6379, 'docker', 'com.docker.backend.exe', 2],
    [445, 'kernel', 'System', 2],
    [5432, 'process', 'postgres.exe', 2],
  ] as const)(
    '%i on clean: owned, kind %s (%s), one cause per process naming its %i sockets',
    async (port, kind, image, sockets) => {
      const { report } = await diagnose('clean', port);
      expect(kinds(report)).toEqual(['owned']);
      const [cause] = report.causes;
      expect(cause?.kind === 'owned' && cause.endpoints).toHaveLength(sockets);
      expect(cause?.ipVersions).toEqual(['ipv4', 'ipv6']);
      expect(owned(report).every((e) => e.owner === kind && e.image === image)).toBe(true);
    },
  );

  it('2222 on forwarding: forwarded by the rule, and the IP Helper socket is not repeated as owned', async () => {
    const { report } = await diagnose('forwarding', 2222);
    expect(report.causes).toEqual([
      {
        kind: 'forwarded',
        rule: {
          type: 'v4tov4',
          listenAddress: '0.0.0.0',
          listenPort: 2222,
          connectAddress: '172.28.241.140',
          connectPort: 22,
        },
        ipVersions: ['ipv4'],
      },
    ]);
  });

  it('a rule whose IP Helper is stopped still holds its port (it takes it when the service starts)', async () => {
    const { report } = await diagnose('broken-iphlpsvc', 2222);
    expect(kinds(report)).toEqual(['forwarded']);
  });

  it('4000 on clean: free (no causes, nothing unreadable)', async () => {
    const { report } = await diagnose('clean', 4000);
    expect(report.causes).toEqual([]);
    expect(report.unreadable).toEqual([]);
  });

  it('a port of the default dynamic range on clean: only dynamic-range', async () => {
    const { report } = await diagnose('clean', 50500);
    expect(kinds(report)).toEqual(['dynamic-range']);
    expect(report.causes[0]?.ipVersions).toEqual(['ipv4', 'ipv6']);
  });

  it('UDP: 5353 is owned by the Dnscache svchost; TCP 5353 is free; portproxy is never read for UDP', async () => {
    const { report, countCalls, sim } = await diagnose('clean', 5353, 'udp');
    expect(kinds(report)).toEqual(['owned']);
    expect(owned(report)[0]).toMatchObject({
      protocol: 'udp',
      image: 'svchost.exe',
      services: ['Dnscache'],
      owner: 'process',
      state: null,
    });
    expect(countCalls('netsh')).toBe(4); // 2 excluded tables + 2 dynamic ranges, no portproxy
    expect(sim.calls.some((c) => c.args.includes('portproxy'))).toBe(false);
    expect(kinds((await diagnose('clean', 5353, 'tcp')).report)).toEqual([]);
  });

  it('UDP 61300 on hyperv-reserved: the UDP table only', async () => {
    const { report } = await diagnose('hyperv-reserved', 61300, 'udp');
    expect(kinds(report)).toEqual(['excluded', 'dynamic-range']);
    expect(
      (await diagnose('hyperv-reserved', 61300, 'tcp')).report.causes.filter((c) => c.kind === 'excluded'),
    ).toEqual([]);
  });
});

describe('diagnosePort: causes combined', () => {
  it('a listener on an administered port: excluded (both IP versions) + owned, no dynamic-range', async () => {
    const env = simulatedPorts('hyperv-reserved');
    env.sim.machine.processes.push({
      pid: 31337,
      image: 'java.exe',
      services: [],
      owner: 'user',
      sessionName: 'Console',
      memKb: 1,
    });
    env.sim.machine.sockets.push({
      protocol: 'tcp',
      localAddress: '0.0.0.0',
      localPort: 50010,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: 'LISTENING',
      pid: 31337,
    });
    const report = value(await env.ports.diagnosePort(env.op, 50010, 'tcp'));
    expect(kinds(report)).toEqual(['excluded', 'owned']);
    expect(owned(report)[0]).toMatchObject({ image: 'java.exe', pid: 31337 });
  });

  it('a rule AND another process on the same port: forwarded + owned', async () => {
    const env = simulatedPorts('forwarding');
    env.sim.machine.sockets.push({
      protocol: 'tcp',
      localAddress: '127.0.0.1',
      localPort: 8080,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: 'LISTENING',
      pid: 9184,
    });
    const report = value(await env.ports.diagnosePort(env.op, 8080, 'tcp'));
    expect(kinds(report)).toEqual(['forwarded', 'owned']);
    expect(owned(report)[0]).toMatchObject({ image: 'node.exe', owner: 'process' });
  });

  it('an IP Helper socket stays "owned" (kind portproxy) when the rule table cannot be read', async () => {
    const env = simulatedPorts('forwarding');
    env.sim.injectFault({ match: { command: 'netsh', argsIncludes: ['portproxy'] }, kind: 'fail' });
    const report = value(await env.ports.diagnosePort(env.op, 2222, 'tcp'));
    expect(kinds(report)).toEqual(['owned']);
    expect(owned(report)[0]).toMatchObject({ owner: 'portproxy', pid: IPHLPSVC_PID });
    expect(report.unreadable).toEqual(['portproxy']);
  });
});

describe('diagnosePort: reads', () => {
  it('reads each command once, in parallel', async () => {
    const { countCalls, sim } = await diagnose('forwarding', 2222);
    expect(countCalls('netstat')).toBe(1);
    expect(countCalls('tasklist')).toBe(1);
    expect(sim.calls.filter((c) => c.args.includes('excludedportrange'))).toHaveLength(2);
    expect(sim.calls.filter((c) => c.args.includes('dynamicport'))).toHaveLength(2);
    expect(sim.calls.filter((c) => c.args.includes('portproxy'))).toHaveLength(1);
    expect(sim.calls).toHaveLength(7);
  });

  it('an unreadable table is listed and the other family still answers', async () => {
    const env = simulatedPorts('hyperv-reserved');
    env.sim.injectFault({ match: { command: 'netsh', argsIncludes: ['ipv6', 'excludedportrange'] }, kind: 'fail' });
    const report = value(await env.ports.diagnosePort(env.op, 8065, 'tcp'));
    expect(report.unreadable).toEqual(['tcp/ipv6']);
    expect(report.causes.filter((c) => c.kind === 'excluded')).toHaveLength(1);
  });

  it('a hung netstat, tasklist and dynamic-range read are listed, never thrown', async () => {
    const env = simulatedPorts('clean');
    env.sim.injectFault({ match: { command: 'netstat' }, kind: 'hang' });
    env.sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail' });
    env.sim.injectFault({ match: { command: 'netsh', argsIncludes: ['ipv4', 'dynamicport'] }, kind: 'fail' });
    const report = value(await env.ports.diagnosePort(env.op, 3000, 'tcp'));
    expect(report.causes).toEqual([]);
    expect(report.unreadable).toEqual(['dynamicport tcp/ipv4', 'netstat', 'tasklist']);
  });

  it('many ports: one pass, each command once', async () => {
    const env = simulatedPorts('hyperv-reserved');
    const reports = await env.ports.diagnosePorts(env.op, [
      { port: 8065, protocol: 'tcp' },
      { port: 50010, protocol: 'tcp' },
      { port: 61300, protocol: 'udp' },
      { port: 4000, protocol: 'tcp' },
    ]);
    expect(reports.map((r) => [r.port, r.protocol, r.causes[0]?.kind ?? 'free'])).toEqual([
      [8065, 'tcp', 'excluded'],
      [50010, 'tcp', 'excluded'],
      [61300, 'udp', 'excluded'],
      [4000, 'tcp', 'dynamic-range'],
    ]);
    expect(env.countCalls('netstat')).toBe(1);
    expect(env.countCalls('tasklist')).toBe(1);
    expect(env.sim.calls.filter((c) => c.args.includes('excludedportrange'))).toHaveLength(4);
    expect(env.sim.calls.filter((c) => c.args.includes('portproxy'))).toHaveLength(1);
  });

  it('no ports: no commands', async () => {
    const env = simulatedPorts('clean');
    expect(await env.ports.diagnosePorts(env.op, [])).toEqual([]);
    expect(env.sim.calls).toHaveLength(0);
  });
});
