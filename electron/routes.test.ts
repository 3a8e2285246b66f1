import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import { createAppCore } from './app-core';
import type { CommandRunner, RunResult } from './system/command-runner';
import type { SenderInfo } from './sender';

const ORIGIN = 'app://portwarden';
const OWN: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, webContentsId: 1 };

/** Records every command; answers like an elevated machine with nothing to report. */
const countingRunner = (elevated = true) => {
  const calls: { command: string; args: readonly string[] }[] = [];
  const runner: CommandRunner = {
    async run(command, args): Promise<RunResult> {
      calls.push({ command, args });
      const denied = command === 'net' && args[0] === 'session' && !elevated;
      return { exitCode: denied ? 2 : 0, stdout: '', stderr: '', timedOut: false };
    },
  };
  return { runner, calls };
};

const core = (elevated = true) => {
  const { runner, calls } = countingRunner(elevated);
  const app = createAppCore({
    runner,
    simulated: true,
    scenario: 'test',
    appVersion: '0.0.0',
    platform: 'test',
    policy: { origins: [ORIGIN], webContentsIds: () => [1] },
    relaunchElevated: async () => ({ ok: true, value: null }),
  });
  return { app, calls };
};

const validArgs: Record<string, unknown[]> = {
  [CHANNELS.addExclusion]: [{ protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' }],
  [CHANNELS.deleteExclusion]: [{ protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 }],
  [CHANNELS.resetDynamicRange]: [{ families: [{ protocol: 'tcp', ipVersion: 'ipv4' }] }],
};

describe('router: sender check on every route', () => {
  const hostileSenders: [string, SenderInfo][] = [
    ['a null sender frame', { ...OWN, frameUrl: null }],
    ['a foreign origin', { ...OWN, frameUrl: 'https://evil.example/' }],
    ['a subframe', { ...OWN, isMainFrame: false }],
    ['an unknown webContents', { ...OWN, webContentsId: 99 }],
  ];
  for (const channel of Object.values(CHANNELS)) {
    it.each(hostileSenders)(`${channel} rejects %s without running anything`, async (_name, sender) => {
      const { app, calls } = core();
      const result = await app.router.dispatch(channel, sender, validArgs[channel] ?? []);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(calls).toEqual([]);
    });
  }

  it('routes exactly the channels of the contract', () => {
    expect([...core().app.router.channels].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('rejects unknown channels and non-list arguments', async () => {
    const { app, calls } = core();
    expect(await app.router.dispatch('ranges:evil', OWN, [])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.router.dispatch(CHANNELS.getSnapshot, OWN, 'x' as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(calls).toEqual([]);
  });
});

describe('router: hostile input gets invalid-input naming the field, and no command runs', () => {
  const base = { protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' };
  const cases: [string, Record<string, unknown>, string][] = [
    ['port 0', { ...base, startPort: '0' }, 'startPort'],
    ['port 65536', { ...base, startPort: '65536' }, 'startPort'],
    ['leading zero 080', { ...base, startPort: '080' }, 'startPort'],
    ['exponent 8e1', { ...base, startPort: '8e1' }, 'startPort'],
    ['space inside "1 2"', { ...base, startPort: '1 2' }, 'startPort'],
    ['leading space', { ...base, startPort: ' 80' }, 'startPort'],
    ['hex 0x50', { ...base, startPort: '0x50' }, 'startPort'],
    ['negative number', { ...base, startPort: -1 }, 'startPort'],
    ['fraction', { ...base, startPort: 80.5 }, 'startPort'],
    ['key=value smuggling', { ...base, startPort: '80 store=active' }, 'startPort'],
    ['quotes', { ...base, startPort: '"80"' }, 'startPort'],
    ['newline', { ...base, startPort: '80\r\nnet stop winnat' }, 'startPort'],
    ['unicode digits', { ...base, startPort: '８０' }, 'startPort'],
    ['count past 65535', { ...base, startPort: '65535', numberOfPorts: '2' }, 'numberOfPorts'],
    ['count 0', { ...base, numberOfPorts: '0' }, 'numberOfPorts'],
    ['protocol injection', { ...base, protocol: 'tcp store=active' }, 'protocol'],
    ['ip version', { ...base, ipVersion: 'ipv5' }, 'ipVersion'],
    ['extra key', { ...base, __proto__x: 1 }, '__proto__x'],
  ];
  it.each(cases)('%s', async (_name, input, field) => {
    const { app, calls } = core();
    const result = await app.router.dispatch(CHANNELS.addExclusion, OWN, [input]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.field).toBe(field);
    expect(calls).toEqual([]);
  });

  it('rejects a missing or extra argument', async () => {
    const { app, calls } = core();
    expect((await app.router.dispatch(CHANNELS.addExclusion, OWN, [])).ok).toBe(false);
    expect((await app.router.dispatch(CHANNELS.getSnapshot, OWN, [1])).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('router: changes need elevation', () => {
  it.each([CHANNELS.addExclusion, CHANNELS.deleteExclusion, CHANNELS.resetDynamicRange, CHANNELS.restartWinnat])(
    '%s answers not-elevated and runs nothing but the elevation probe',
    async (channel) => {
      const { app, calls } = core(false);
      const result = await app.router.dispatch(channel, OWN, validArgs[channel] ?? []);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-elevated' } });
      expect(calls).toEqual([{ command: 'net', args: ['session'] }]);
    },
  );
});
