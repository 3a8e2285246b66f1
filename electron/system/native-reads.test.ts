import { describe, expect, it } from 'vitest';
import type { OwnersView } from '../../shared/model';
import type { Result } from '../../shared/result';
import { createActivityLog } from './activity-log';
import { NativeReadError, type NativeWindows } from './native';
import { readElevation } from './elevation/read-elevation';
import { createPortsService } from './owners';
import { readPortProxy } from './portproxy/read';
import { createSimulatedWindows } from './run/choose-windows';
import { SCENARIO_NAMES } from './simulated-windows';
import { readServiceStatus } from './state-reader';

const FIXED_NOW = () => new Date('2026-12-05T00:00:00Z');

/**
 * What only the native layer knows (process path and user, and that it answered): taken off so both
 * sources can be compared on what both give.
 */
const commonPart = (result: Result<OwnersView>) =>
  result.ok
    ? {
        ...result,
        value: {
          endpoints: result.value.endpoints.map(({ path: _path, user: _user, ...rest }) => rest),
          readAt: result.value.readAt,
        },
      }
    : result;

/** One simulated machine read twice: once with the native layer open, once through commands only. */
const bothPaths = (scenario: string, locale = 'en') => {
  const windows = createSimulatedWindows({ scenario, locale, seed: 3, nativeReads: true });
  const nativeLog = createActivityLog(windows.runner, { native: windows.native });
  const commandLog = createActivityLog(windows.runner);
  return { windows, nativeLog, commandLog };
};

/** A native layer whose every read fails as a Win32 call would. */
const failingNative = (base: NativeWindows): NativeWindows => {
  const fail = (api: string) => () => {
    throw new NativeReadError(api, 5);
  };
  return {
    ...base,
    tcpEndpoints: fail('GetExtendedTcpTable'),
    udpEndpoints: fail('GetExtendedUdpTable'),
    processes: fail('CreateToolhelp32Snapshot'),
    portProxyRules: fail('RegOpenKeyExW'),
    isElevated: fail('GetTokenInformation'),
    serviceState: fail('OpenSCManagerW'),
  };
};

describe('native reads: the owners refresh', () => {
  it.each(SCENARIO_NAMES)('%s: spawns nothing and answers exactly what the commands answer', async (scenario) => {
    const { windows, nativeLog, commandLog } = bothPaths(scenario);
    const ports = createPortsService({ now: FIXED_NOW });
    const viaNative = await ports.listOwners(nativeLog.begin('list-owners'), true);
    expect(nativeLog.list()).toHaveLength(0);
    expect(windows.native?.calls).toEqual(expect.arrayContaining(['tcpEndpoints', 'udpEndpoints', 'processes']));
    const viaCommands = await ports.listOwners(commandLog.begin('list-owners'), true);
    expect(commandLog.list().map((r) => r.command)).toEqual(['netstat', 'tasklist', 'netsh']);
    expect(commonPart(viaNative)).toEqual(commonPart(viaCommands));
    // Only the native answer says the layer is open and carries paths and users (not PID 4's: protected).
    expect(viaNative.ok && viaNative.value.nativeLayer).toBe(true);
    expect(viaCommands.ok && viaCommands.value.nativeLayer).toBe(false);
    const endpoints = viaNative.ok ? viaNative.value.endpoints : [];
    expect(endpoints.filter((e) => e.pid !== null && e.pid > 4).every((e) => e.path && e.user)).toBe(true);
    expect(endpoints.filter((e) => e.pid === 4).some((e) => e.path !== undefined)).toBe(false);
  });

  it('gives the same answer in a Korean machine, where the commands speak Korean', async () => {
    const { nativeLog, commandLog } = bothPaths('forwarding', 'ko');
    const ports = createPortsService({ now: FIXED_NOW });
    expect(commonPart(await ports.listOwners(nativeLog.begin('o'), false))).toEqual(
      commonPart(await ports.listOwners(commandLog.begin('o'), false)),
    );
  });

  it('falls back to the commands when a native call fails, and says so once', async () => {
    const windows = createSimulatedWindows({ scenario: 'forwarding', locale: 'en', nativeReads: true });
    const log = createActivityLog(windows.runner, { native: failingNative(windows.native!) });
    const ports = createPortsService({ now: FIXED_NOW });
    const first = await ports.listOwners(log.begin('o'), true);
    await ports.listOwners(log.begin('o'), true);
    expect(first.ok).toBe(true);
    const commands = log.list().filter((r) => r.command !== 'portwarden');
    expect(commands.map((r) => r.command)).toEqual(['netstat', 'tasklist', 'netsh', 'netstat', 'tasklist', 'netsh']);
    const notes = log.list().filter((r) => r.command === 'portwarden');
    expect(notes.map((r) => r.stdout)).toEqual([
      expect.stringContaining('native endpoint read failed (GetExtendedTcpTable'),
      expect.stringContaining('native process read failed (CreateToolhelp32Snapshot'),
      expect.stringContaining('native portproxy registry read failed (RegOpenKeyExW'),
    ]);
  });
});

describe('native reads: rules, services, elevation', () => {
  it.each(SCENARIO_NAMES)('%s: the portproxy registry read equals `netsh interface portproxy show all`', async (s) => {
    const { nativeLog, commandLog } = bothPaths(s);
    const viaNative = await readPortProxy(nativeLog.begin('r'));
    expect(nativeLog.list()).toHaveLength(0);
    expect(viaNative).toEqual(await readPortProxy(commandLog.begin('r')));
  });

  it.each(SCENARIO_NAMES)('%s: winnat and iphlpsvc states equal what `sc query` says', async (scenario) => {
    const { nativeLog, commandLog } = bothPaths(scenario);
    for (const name of ['winnat', 'iphlpsvc'] as const) {
      expect(await readServiceStatus(nativeLog.begin('s'), name)).toBe(
        await readServiceStatus(commandLog.begin('s'), name),
      );
    }
    expect(nativeLog.list()).toHaveLength(0);
  });

  it('takes elevation from the token, not from `net session`', async () => {
    for (const scenario of ['clean', 'not-elevated']) {
      const { nativeLog, commandLog } = bothPaths(scenario);
      const fromToken = await readElevation(nativeLog.begin('e'));
      expect(nativeLog.list()).toHaveLength(0);
      expect(fromToken).toBe(scenario === 'clean');
      expect(await readElevation(commandLog.begin('e'))).toBe(fromToken);
    }
  });

  it('asks `net session` when the token read fails', async () => {
    const windows = createSimulatedWindows({ scenario: 'clean', locale: 'en', nativeReads: true });
    const log = createActivityLog(windows.runner, { native: failingNative(windows.native!) });
    expect(await readElevation(log.begin('e'))).toBe(true);
    expect(
      log
        .list()
        .filter((r) => r.command !== 'portwarden')
        .map((r) => [r.command, ...r.args]),
    ).toEqual([['net', 'session']]);
  });
});
