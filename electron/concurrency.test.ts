/**
 * Overlapping changes from the UI (double clicks, several dialogs, the tray) go through one queue:
 * each change's commands run back to back, and the final state holds every change.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import { createSimulatedWindows } from './system/run/choose-windows';
import { createTestCore, OWN_SENDER as OWN } from '../test/helpers/test-core';

let dir = '';

const setup = async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'portwarden-concurrency-'));
  const windows = createSimulatedWindows({ scenario: 'forwarding', locale: 'en' });
  const core = createTestCore({ runner: windows.runner, probe: windows.probe, dataDir: dir, scenario: 'forwarding' });
  return { core, windows };
};

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const MUTATING = new Set(['add-rule', 'delete-rules', 'protect-ports', 'restart-winnat']);

describe('overlapping changes', () => {
  it('serializes 20 rule adds, a WinNAT restart and a protect, without interleaving their commands', async () => {
    const { core, windows } = await setup();
    const adds = Array.from({ length: 20 }, (_, i) =>
      core.router.dispatch(CHANNELS.addRule, OWN, [
        {
          rule: {
            listenAddress: '0.0.0.0',
            listenPort: String(7000 + i),
            connectAddress: '10.0.0.9',
            connectPort: '80',
          },
          firewall: i % 5 === 0,
          replaceExisting: false,
        },
      ]),
    );
    const restart = core.router.dispatch(CHANNELS.restartWinnat, OWN, []);
    const protect = core.router.dispatch(CHANNELS.addExclusion, OWN, [
      { protocol: 'tcp', ipVersion: 'ipv4', startPort: '6500', numberOfPorts: '5' },
    ]);
    // Reads are not queued and may run alongside.
    const reads = Array.from({ length: 5 }, () => core.router.dispatch(CHANNELS.listRules, OWN, []));
    const results = await Promise.all([...adds, restart, protect, ...reads]);
    expect(results.every((r) => r.ok)).toBe(true);

    // Each change's commands form one contiguous block in the activity log.
    const changeRecords = core.activity.list().filter((r) => MUTATING.has(r.operation));
    const order = changeRecords.map((r) => r.operationId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(new Set(order).size).toBe(order.length);
    expect(order).toHaveLength(22);

    const listed = await core.router.dispatch(CHANNELS.listRules, OWN, []);
    if (!listed.ok) throw new Error(listed.error.message);
    const ports = (listed.value as { rules: { listenPort: number }[] }).rules.map((r) => r.listenPort);
    for (let i = 0; i < 20; i += 1) expect(ports).toContain(7000 + i);
    expect(
      windows.runner.machine.firewallRules
        .filter((r) => r.name.startsWith('Portwarden'))
        .map((r) => r.name)
        .sort(),
    ).toEqual([7000, 7005, 7010, 7015].map((p) => `Portwarden portproxy TCP ${p}`));
  });

  it('detects a rule changed outside the app between view and save, and changes nothing', async () => {
    const { core, windows } = await setup();
    const original = {
      type: 'v4tov4',
      listenAddress: '0.0.0.0',
      listenPort: 8080,
      connectAddress: '172.28.241.140',
      connectPort: 80,
    };
    // Someone else re-points the rule with netsh while the user edits it.
    await windows.runner.run('netsh', [
      'interface',
      'portproxy',
      'set',
      'v4tov4',
      'listenaddress=0.0.0.0',
      'listenport=8080',
      'connectaddress=172.28.241.141',
      'connectport=80',
    ]);
    const before = JSON.stringify(windows.runner.machine.portproxy);
    expect(before).toContain('172.28.241.141/80');
    const result = await core.router.dispatch(CHANNELS.editRule, OWN, [
      {
        original,
        updated: { listenAddress: '0.0.0.0', listenPort: '8080', connectAddress: '172.28.241.140', connectPort: '81' },
        firewall: false,
      },
    ]);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(windows.runner.machine.portproxy)).toBe(before);
  });
});
