/**
 * Issue 2 end to end: the real renderer, preload and router over the simulated Windows, in Chromium.
 */
import { expect, screenshot, test, type AppPage } from './support';

const mutatingCommands = (current: AppPage) =>
  current.harness.windows.runner.calls
    .map((c) => `${c.command} ${c.args.join(' ')}`)
    .filter((line) => / (add|delete|set|reset) /.test(line) || /^net (stop|start) /.test(line));

test.describe('excluded port ranges', () => {
  test('shows the four tables, with system and administered rows', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    for (const family of ['tcp-ipv4', 'udp-ipv4', 'tcp-ipv6', 'udp-ipv6']) {
      await expect.poll(() => page.getByTestId(`ranges-table-${family}`).isVisible()).toBe(true);
    }
    const tcp4 = page.getByTestId('ranges-table-tcp-ipv4');
    await expect
      .poll(() => tcp4.getByRole('row').filter({ hasText: '8031' }).innerText())
      .toMatch(/8031\s+8130\s+100\s+System/);
    await expect
      .poll(() => tcp4.getByRole('row').filter({ hasText: '50000' }).innerText())
      .toMatch(/50000\s+50059\s+60\s+Administered/);
    expect(await page.getByTestId('winnat-status').getAttribute('data-status')).toBe('running');
    expect(await page.getByTestId('dynamic-card').innerText()).toMatch(/1024/);
    await screenshot(page, 'ranges-en');
  });

  test('filters by a port inside a reserved block and says why in plain words', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    await page.keyboard.press('Control+f');
    await page.keyboard.type('8065');
    await expect
      .poll(() => page.getByTestId('port-verdict').innerText())
      .toMatch(/8065.*8031–8130.*reserved by the system/s);
    const tcp4Rows = page.getByTestId('ranges-table-tcp-ipv4').getByRole('row');
    // Header + the one matching range.
    await expect.poll(() => tcp4Rows.count()).toBe(2);
    await screenshot(page, 'ranges-filtered-8065');

    await page.getByTestId('port-filter').fill('8e1');
    await expect.poll(() => page.getByText(/whole number from 1 to 65535/).count()).toBeGreaterThan(0);
  });

  test('protects a port (stop winnat, add, start) and deletes the new administered row', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    await expect.poll(() => dialog.innerText()).toMatch(/WSL2 distributions and Docker/);
    await dialog.getByTestId('protect-start-port').fill('8065');
    await screenshot(page, 'protect-dialog');
    await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await screenshot(page, 'protect-done');
    // Protect covers both IP versions by default (WinNAT reserves in both, Docker binds both).
    expect(mutatingCommands(app)).toEqual([
      'net stop winnat',
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'netsh interface ipv6 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'net start winnat',
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const row = page
      .getByTestId('ranges-table-tcp-ipv4')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '8065', exact: true }) });
    await expect.poll(() => row.innerText()).toMatch(/Administered/);
    await row.getByRole('button', { name: /Delete 8065–8065/ }).click();
    const deleteDialog = page.getByTestId('delete-exclusion-dialog');
    await deleteDialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => deleteDialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await deleteDialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row.count()).toBe(0);
  });

  test('refuses hostile input in the form with a field error and runs nothing', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    for (const hostile of ['0', '65536', '080', '8e1', '1 2', '80"', '80=1']) {
      await dialog.getByTestId('protect-start-port').fill(hostile);
      await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
      await expect.poll(() => dialog.innerText()).toMatch(/Start port[\s\S]*(whole number|from 1 to 65535)/);
    }
    expect(mutatingCommands(app)).toEqual([]);
  });

  test('restarts WinNAT after a warning and shows what was freed and what appeared', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved', seed: 3 });
    const { page } = app;
    await page.getByTestId('restart-winnat').click();
    const dialog = page.getByTestId('restart-winnat-dialog');
    await expect.poll(() => dialog.innerText()).toMatch(/WSL2/);
    await dialog.getByRole('button', { name: 'Restart WinNAT' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    const diff = page.getByTestId('restart-diff');
    await expect.poll(() => diff.innerText()).toMatch(/Freed[\s\S]*8031–8130[\s\S]*Appeared/);
    await screenshot(page, 'winnat-restart-diff');
    expect(mutatingCommands(app)).toEqual(['net stop winnat', 'net start winnat']);
  });

  test('opens the restart confirmation from the tray menu', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    app.harness.trayCommand('restart-winnat');
    await expect.poll(() => app.page.getByTestId('restart-winnat-dialog').isVisible()).toBe(true);
    expect(mutatingCommands(app)).toEqual([]);
  });

  test('lists the exact commands in the activity panel', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    await page.getByTestId('activity-open').click();
    const drawer = page.getByTestId('activity-drawer');
    await expect.poll(() => drawer.innerText()).toContain('netsh interface ipv4 show excludedportrange protocol=tcp');
    await screenshot(page, 'activity');
  });

  test('unelevated: one banner, every change disabled, nothing runs', async ({ pages }) => {
    const app = await pages.open({ scenario: 'not-elevated' });
    const { page } = app;
    await expect.poll(() => page.getByTestId('elevation-banner').innerText()).toMatch(/without administrator rights/);
    for (const id of ['protect-port-open', 'restart-winnat', 'dynamic-reset-open']) {
      const button = page.getByTestId(id);
      const disabled = (await button.isDisabled()) || (await button.getAttribute('aria-disabled')) === 'true';
      expect(disabled, id).toBe(true);
    }
    await screenshot(page, 'not-elevated');
    expect(mutatingCommands(app)).toEqual([]);
  });

  test('renders the Korean UI over Korean netsh output', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved', locale: 'ko', uiLocale: 'ko-KR' });
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { name: '제외된 포트 범위' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('ranges-table-tcp-ipv4').innerText()).toMatch(/8031/);
    await page.getByTestId('port-filter').fill('8065');
    await expect.poll(() => page.getByTestId('port-verdict').innerText()).toMatch(/8031–8130/);
    await screenshot(page, 'ranges-ko');
  });

  test('is readable in dark mode at 1000x700', async ({ pages }) => {
    const app = await pages.open({
      scenario: 'hyperv-reserved',
      colorScheme: 'dark',
      viewport: { width: 1000, height: 700 },
    });
    await screenshot(app.page, 'ranges-dark-1000');
    expect(await app.page.getByTestId('ranges-table-tcp-ipv4').isVisible()).toBe(true);
  });
});
