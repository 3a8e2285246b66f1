import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import { HOSTILE_ADDRESSES, HOSTILE_PORTS } from '../test/helpers/hostile-inputs';
import type { CommandRunner, RunResult } from './system/run/command-runner';
import type { SenderInfo } from './sender';
import { createTestCore, OWN_SENDER as OWN } from '../test/helpers/test-core';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TcpProbe } from './system/portproxy';

/** Rejected calls never get this far; any use fails the test loudly. */
const unusedProbe: TcpProbe = { probe: () => Promise.reject(new Error('probe used')) };

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
  // Rejected calls never reach a service: nothing is written under this folder.
  const app = createTestCore({
    runner,
    probe: unusedProbe,
    dataDir: path.join(tmpdir(), 'portwarden-routes-test-never-written'),
  });
  return { app, calls };
};

const validArgs: Record<string, unknown[]> = {
  [CHANNELS.addExclusion]: [{ protocol: 'tcp', ipVersion: 'ipv4', startPort: '8065', numberOfPorts: '1' }],
  [CHANNELS.deleteExclusion]: [{ protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 }],
  [CHANNELS.resetDynamicRange]: [{ families: [{ protocol: 'tcp', ipVersion: 'ipv4' }] }],
  [CHANNELS.addRule]: [
    {
      rule: { listenAddress: '0.0.0.0', listenPort: '8080', connectAddress: '172.28.241.140', connectPort: '80' },
      firewall: false,
      replaceExisting: false,
    },
  ],
  [CHANNELS.editRule]: [
    {
      original: {
        type: 'v4tov4',
        listenAddress: '0.0.0.0',
        listenPort: 8080,
        connectAddress: '172.28.241.140',
        connectPort: 80,
      },
      updated: { listenAddress: '0.0.0.0', listenPort: '8080', connectAddress: '172.28.241.140', connectPort: '81' },
      firewall: false,
    },
  ],
  [CHANNELS.deleteRules]: [
    {
      rules: [
        {
          type: 'v4tov4',
          listenAddress: '0.0.0.0',
          listenPort: 8080,
          connectAddress: '172.28.241.140',
          connectPort: 80,
        },
      ],
    },
  ],
  [CHANNELS.importRules]: [{ rules: [], mode: 'merge' }],
  [CHANNELS.restoreBackup]: [{ id: '20261123T120000000Z-reset' }],
  [CHANNELS.checkRules]: [
    {
      rules: [
        {
          type: 'v4tov4',
          listenAddress: '0.0.0.0',
          listenPort: 8080,
          connectAddress: '172.28.241.140',
          connectPort: 80,
        },
      ],
    },
  ],
  [CHANNELS.preflightRule]: [
    { rule: { listenAddress: '0.0.0.0', listenPort: '8080', connectAddress: '172.28.241.140', connectPort: '80' } },
  ],
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
    expect(await app.router.dispatch('ranges:evil', OWN, [])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
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
  it.each([
    CHANNELS.addExclusion,
    CHANNELS.deleteExclusion,
    CHANNELS.resetDynamicRange,
    CHANNELS.restartWinnat,
    CHANNELS.addRule,
    CHANNELS.editRule,
    CHANNELS.deleteRules,
    CHANNELS.resetRules,
    CHANNELS.importRules,
    CHANNELS.restoreBackup,
    CHANNELS.startIpHelper,
  ])('%s answers not-elevated and runs nothing but the elevation probe', async (channel) => {
    const { app, calls } = core(false);
    const result = await app.router.dispatch(channel, OWN, validArgs[channel] ?? []);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-elevated' } });
    expect(calls).toEqual([{ command: 'net', args: ['session'] }]);
  });
});

describe('router: the hostile-string corpus never reaches the runner through the rule channels', () => {
  const rule = { listenAddress: '0.0.0.0', listenPort: '8080', connectAddress: '172.28.241.140', connectPort: '80' };
  const fields: [string, (value: unknown) => unknown[]][] = [
    [
      'addRule rule.connectAddress',
      (v) => [{ rule: { ...rule, connectAddress: v }, firewall: false, replaceExisting: false }],
    ],
    [
      'addRule rule.listenAddress',
      (v) => [{ rule: { ...rule, listenAddress: v }, firewall: true, replaceExisting: false }],
    ],
    ['preflightRule rule.connectAddress', (v) => [{ rule: { ...rule, connectAddress: v } }]],
    ['importRules rules.1.connectAddress', (v) => [{ rules: [rule, { ...rule, connectAddress: v }], mode: 'merge' }]],
  ];
  const channelOf = (label: string) => CHANNELS[label.split(' ')[0] as keyof typeof CHANNELS];

  for (const [label, build] of fields) {
    it(`${label}: ${HOSTILE_ADDRESSES.length} hostile addresses all answer invalid-input naming the field`, async () => {
      const { app, calls } = core();
      for (const hostile of HOSTILE_ADDRESSES) {
        const result = await app.router.dispatch(channelOf(label), OWN, build(hostile));
        expect(result, JSON.stringify(hostile)).toMatchObject({
          ok: false,
          error: { code: 'invalid-input', field: label.split(' ')[1] },
        });
      }
      expect(calls).toEqual([]);
    });
  }

  it(`${HOSTILE_PORTS.length} hostile ports in every port field answer invalid-input`, async () => {
    const { app, calls } = core();
    for (const hostile of HOSTILE_PORTS) {
      for (const field of ['listenPort', 'connectPort'] as const) {
        const result = await app.router.dispatch(CHANNELS.addRule, OWN, [
          { rule: { ...rule, [field]: hostile }, firewall: false, replaceExisting: false },
        ]);
        expect(result, `${field}=${JSON.stringify(hostile)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-input', field: `rule.${field}` },
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('rejects an import where one row of many is invalid, naming that row, and runs nothing', async () => {
    const { app, calls } = core();
    const rows = Array.from({ length: 20 }, (_, i) => ({ ...rule, listenPort: String(9000 + i) }));
    rows[13] = { ...rows[13]!, connectPort: '70000' };
    const result = await app.router.dispatch(CHANNELS.importRules, OWN, [{ rules: rows, mode: 'replace' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'rules.13.connectPort' } });
    expect(calls).toEqual([]);
  });

  it('refuses backup ids that are not ours (path traversal)', async () => {
    const { app, calls } = core();
    for (const id of [
      '../../Windows/win.ini',
      '20261123T120000000Z-reset/../x',
      'C:\\x',
      '20261123T120000000Z-reset.json',
      '',
    ]) {
      expect(await app.router.dispatch(CHANNELS.restoreBackup, OWN, [{ id }])).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(calls).toEqual([]);
  });
});
