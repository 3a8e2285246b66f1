/**
 * The whole story of a crash, end to end: the app core is killed (SIGKILL) right after it stopped
 * WinNAT to protect a port; the next start (the browser harness on the machine state and data folder
 * the killed process left) shows the interrupted change, and finishing it from the page protects the
 * port and starts WinNAT again. The matrix (crash-matrix.spec.ts) covers every step of every
 * change without a browser; this is the user's view of one of them.
 */
import { CHANNELS } from '../../shared/ipc';
import { expect, screenshot, test } from '../support';
import { buildCrashChild, createRuns } from './crash-runs';

let runs: Awaited<ReturnType<typeof createRuns>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildCrashChild();
  runs = await createRuns();
});
test.afterAll(() => runs.dispose());

test.describe('a crash in the middle of protecting a port', () => {
  test('is offered at the next start and finished from the page', async ({ pages }) => {
    const run = await runs.newRun();
    const protect = {
      channel: CHANNELS.addExclusion,
      args: [{ protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 }],
    };
    const crashed = await runs.spawnChild(run, 'hyperv-reserved', [protect], { when: 'after', change: 1 });
    expect(crashed.killed).toBe(true);
    const machine = await runs.machineOf(run);
    expect(machine.services.winnat?.status).toBe('stopped');

    const { page, harness } = await pages.open({ scenario: 'hyperv-reserved', machine, dataDir: run.dataDir });
    const banner = page.getByTestId('recovery-banner');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toContain('Protect port 8065 (TCP/IPv4)');
    await screenshot(page, 'crash-to-ui-offered');

    await banner.getByRole('button', { name: 'Finish the change' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(harness.windows.runner.machine.services.winnat?.status).toBe('running');
    expect(
      harness.windows.runner.machine.excluded.ipv4.tcp.some(
        (r) => r.administered && r.start === 8065 && r.end === 8065,
      ),
    ).toBe(true);
    expect(
      await harness.core.router.dispatch(
        CHANNELS.listUnfinishedChanges,
        { frameUrl: `${harness.origin}/`, isMainFrame: true, webContentsId: 1 },
        [],
      ),
    ).toEqual({
      ok: true,
      value: [],
    });
  });
});
