import { describe, expect, it } from 'vitest';
import { isPortExcluded } from './sockets';
import { createScenarioMachine, SCENARIO_NAMES } from './scenarios';
import { deserializeMachine, serializeMachine } from './state';
import { rows, simFor } from '../../../test/helpers/simulated-machine';

describe('scenarios', () => {
  it('lists the named scenarios', () => {
    expect(SCENARIO_NAMES).toEqual([
      'clean',
      'hyperv-reserved',
      'not-elevated',
      'winnat-absent',
      'forwarding',
      'broken-iphlpsvc',
      'dynamic-1024',
      'wsl-nat',
      'wsl-mirrored',
    ]);
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => createScenarioMachine('hyper-v')).toThrow(
      'Unknown simulator scenario "hyper-v". Valid scenarios: clean, hyperv-reserved, not-elevated, winnat-absent, forwarding, broken-iphlpsvc, dynamic-1024, wsl-nat, wsl-mirrored',
    );
  });

  it.each(SCENARIO_NAMES)('%s survives serialize/deserialize and answers the read commands', async (name) => {
    const machine = createScenarioMachine(name, { language: 'ko', seed: 3 });
    expect(deserializeMachine(serializeMachine(machine))).toEqual(machine);
    expect(machine.oemCodePage).toBe(949);
    const runner = simFor(name);
    for (const [command, args] of [
      ['netsh', ['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp']],
      ['netsh', ['interface', 'portproxy', 'show', 'all']],
      ['netstat', ['-ano']],
      ['tasklist', ['/fo', 'csv', '/nh', '/svc']],
    ] as const) {
      expect((await runner.run(command, args)).exitCode).toBe(0);
    }
  });

  it('hyperv-reserved holds WinNAT blocks over 1433, 3000, 5432, 8065, 8080 with the dynamic range at 1024', () => {
    const machine = createScenarioMachine('hyperv-reserved');
    for (const port of [1433, 3000, 5432, 8065, 8080])
      expect(isPortExcluded(machine, 'ipv4', 'tcp', port), String(port)).toBe(true);
    expect(machine.excluded.ipv4.tcp).toContainEqual({ start: 8031, end: 8130, administered: false });
    expect(machine.excluded.ipv4.tcp).toContainEqual({ start: 50000, end: 50059, administered: true });
    expect(machine.dynamic.ipv4.tcp).toEqual({ start: 1024, count: 64511 });
    expect(machine.sockets.some((s) => isPortExcluded(machine, 'ipv4', s.protocol, s.localPort))).toBe(false);
    expect(machine.elevated).toBe(true);
    expect(createScenarioMachine('not-elevated').elevated).toBe(false);
  });

  it('clean has only small system rows and the default dynamic range', () => {
    const machine = createScenarioMachine('clean');
    expect(rows(machine.excluded.ipv4.tcp)).toEqual(['2869-2869', '5357-5357']);
    expect(machine.dynamic.ipv4.tcp).toEqual({ start: 49152, count: 16384 });
    expect(machine.services.winnat!.status).toBe('running');
  });

  it('dynamic-1024 reserves seeded blocks at boot', () => {
    const a = createScenarioMachine('dynamic-1024', { seed: 11 });
    expect(a.dynamic.ipv4.tcp).toEqual({ start: 1024, count: 64511 });
    expect(a.excluded.ipv4.tcp.filter((r) => r.end - r.start === 99)).toHaveLength(8);
    expect(rows(createScenarioMachine('dynamic-1024', { seed: 11 }).excluded.ipv4.tcp)).toEqual(
      rows(a.excluded.ipv4.tcp),
    );
    expect(rows(createScenarioMachine('dynamic-1024', { seed: 12 }).excluded.ipv4.tcp)).not.toEqual(
      rows(a.excluded.ipv4.tcp),
    );
  });

  it('winnat-absent, forwarding and broken-iphlpsvc set up their services and rules', () => {
    expect(createScenarioMachine('winnat-absent').services.winnat!.status).toBe('absent');
    const forwarding = createScenarioMachine('forwarding');
    expect(forwarding.portproxy.v4tov4['0.0.0.0/2222']).toBe('172.28.241.140/22');
    expect(Object.keys(forwarding.portproxy.v6tov4)).toEqual(['::/9000']);
    expect(Object.values(forwarding.portproxy.v4tov4)).toContain('devbox.lan/8888');
    expect(forwarding.services.iphlpsvc!.status).toBe('running');
    const broken = createScenarioMachine('broken-iphlpsvc');
    expect(broken.services.iphlpsvc!.status).toBe('stopped');
    expect(broken.portproxy).toEqual(forwarding.portproxy);
    expect(forwarding.remoteHosts).toContainEqual({ address: '172.28.241.140', openPorts: [22, 80], latencyMs: 1 });
    expect(forwarding.remoteHosts).toContainEqual({
      address: 'devbox.lan',
      resolvesTo: '192.168.1.50',
      openPorts: [8888],
      latencyMs: 3,
    });
    expect(broken.remoteHosts).toEqual(forwarding.remoteHosts);
    expect(createScenarioMachine('clean').remoteHosts).toEqual([]);
  });

  it('remoteHosts survive serialize/deserialize; a machine saved before they existed gets none', () => {
    const forwarding = createScenarioMachine('forwarding');
    const restored = deserializeMachine(serializeMachine(forwarding));
    expect(restored.remoteHosts).toEqual(forwarding.remoteHosts);
    expect(restored.remoteHosts).not.toBe(forwarding.remoteHosts);
    const { remoteHosts: _dropped, ...old } = createScenarioMachine('clean');
    expect('remoteHosts' in JSON.parse(JSON.stringify(old))).toBe(false);
    expect(deserializeMachine(JSON.stringify(old))).toEqual(createScenarioMachine('clean'));
  });

  it('a restored machine continues the same random sequence', async () => {
    const original = simFor('clean', { seed: 4 });
    const restored = simFor('clean', { seed: 4 });
    Object.assign(restored.machine, deserializeMachine(serializeMachine(original.machine)));
    for (const runner of [original, restored]) {
      await runner.run('net', ['stop', 'winnat']);
      await runner.run('net', ['start', 'winnat']);
    }
    expect(rows(restored.machine.excluded.ipv4.tcp)).toEqual(rows(original.machine.excluded.ipv4.tcp));
  });

  it('deserializeMachine rejects foreign documents', () => {
    expect(() => deserializeMachine('{"version":2}')).toThrow('Not a simulated machine');
    expect(() => deserializeMachine('[]')).toThrow('Not a simulated machine');
  });
});
