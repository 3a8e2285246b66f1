import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestCore } from '../test/helpers/test-core';
import { createSimulatedWindows } from './system/run/choose-windows';

const coreOn = (scenario: string) => {
  const windows = createSimulatedWindows({ scenario, locale: 'en' });
  const core = createTestCore({
    runner: windows.runner,
    probe: windows.probe,
    dataDir: mkdtempSync(path.join(tmpdir(), 'pw-core-')),
  });
  const probes = () => core.activity.list().filter((r) => r.command === 'net' && r.args[0] === 'session').length;
  return { windows, core, probes };
};

describe('app core: elevation', () => {
  it('keeps a yes: the token cannot lose its elevation while the process lives', async () => {
    const { core, probes } = coreOn('clean');
    expect(await core.isElevated()).toBe(true);
    expect(await core.isElevated()).toBe(true);
    expect(probes()).toBe(1);
  });

  it('asks again after a no: `net session` also says no while the Server service is stopped', async () => {
    const { windows, core, probes } = coreOn('not-elevated');
    expect(await core.isElevated()).toBe(false);
    expect(await core.isElevated()).toBe(false);
    expect(probes()).toBe(2);
    // The next answer counts: e.g. LanmanServer started again.
    windows.runner.machine.elevated = true;
    expect(await core.isElevated()).toBe(true);
    expect(await core.isElevated()).toBe(true);
    expect(probes()).toBe(3);
  });
});
