/** Simulator output through the app's parsers (electron/system/parse): what the sim says is what the app reads. */
import { describe, expect, it } from 'vitest';
import * as builders from '../commands';
import {
  parseDynamicPortRange,
  parseExcludedRanges,
  parseNetstat,
  parseOemCodePage,
  parsePortProxyShow,
  parseServiceState,
  parseTasklist,
} from '../parse';
import { SCENARIO_NAMES } from './scenarios';
import { effectiveSockets } from './sockets';
import { LANGUAGES, PORTPROXY_TYPES, SIM_FAMILIES, splitProxyKey } from './state';
import { simFor } from '../../../test/helpers/simulated-machine';

const byStart = <T extends { start: number }>(list: readonly T[]) => [...list].sort((a, b) => a.start - b.start);

describe.each(LANGUAGES)('round trip in %s', (language) => {
  it.each(SCENARIO_NAMES)('%s: tables, dynamic ranges, portproxy, netstat, tasklist, sc, reg', async (scenario) => {
    const runner = simFor(scenario, { language, seed: 2 });
    const machine = runner.machine;
    for (const family of SIM_FAMILIES) {
      const excluded = await runner.run('netsh', builders.showExcludedRanges(family).args);
      expect(byStart(parseExcludedRanges(excluded.stdout))).toEqual(
        byStart(machine.excluded[family.ipVersion][family.protocol]).map(({ start, end, administered }) => ({
          start,
          end,
          administered,
        })),
      );
      const dynamic = await runner.run('netsh', builders.showDynamicRange(family).args);
      expect(parseDynamicPortRange(dynamic.stdout)).toEqual(machine.dynamic[family.ipVersion][family.protocol]);
    }

    const proxies = parsePortProxyShow((await runner.run('netsh', ['interface', 'portproxy', 'show', 'all'])).stdout);
    const expectedProxies = PORTPROXY_TYPES.flatMap((type) =>
      Object.entries(machine.portproxy[type]).map(([listen, connect]) => {
        const [listenAddress, listenPort] = splitProxyKey(listen);
        const [connectAddress, connectPort] = splitProxyKey(connect);
        return {
          type,
          listenAddress,
          listenPort: Number(listenPort),
          connectAddress,
          connectPort: Number(connectPort),
        };
      }),
    );
    expect(proxies).toEqual(expectedProxies);

    const netstat = parseNetstat((await runner.run('netstat', ['-ano'])).stdout);
    const sockets = effectiveSockets(machine);
    expect(netstat).toHaveLength(sockets.length);
    for (const socket of sockets) {
      expect(netstat).toContainEqual(
        expect.objectContaining({
          protocol: socket.protocol,
          localAddress: socket.localAddress,
          localPort: socket.localPort,
          pid: socket.pid,
          state: socket.state,
        }),
      );
    }

    const processes = parseTasklist((await runner.run('tasklist', ['/fo', 'csv', '/nh', '/svc'])).stdout);
    expect(processes).toEqual(machine.processes.map(({ image, pid, services }) => ({ image, pid, services })));

    for (const name of ['winnat', 'iphlpsvc'] as const) {
      const state = parseServiceState((await runner.run('sc', builders.queryService(name).args)).stdout);
      expect(state).toBe(machine.services[name]!.status);
    }
    expect(parseOemCodePage((await runner.run('reg', builders.oemCodePageQuery().args)).stdout)).toBe(
      machine.oemCodePage,
    );
  });
});
