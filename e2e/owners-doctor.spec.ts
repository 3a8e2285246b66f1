/**
 * Issue 4 end to end: port owners, the port doctor, the port map and watched ports over the
 * simulated Windows. (The tray icon and the Windows notification for a watched port are main-process
 * behaviour, proven with the fake electron module in electron/main.test.ts and tray.test.ts.)
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type AppPage } from './support';

const killCommands = (app: AppPage) =>
  app.harness.windows.runner.calls.filter((c) => c.command === 'taskkill').map((c) => `taskkill ${c.args.join(' ')}`);

const ownerRow = (page: Page, port: number, pid?: number) =>
  page.locator(`[data-testid="owner-row"][data-port="${port}"]${pid === undefined ? '' : `[data-pid="${pid}"]`}`);

const diagnose = async (page: Page, port: number) => {
  await page.getByTestId('tab-doctor').click();
  await page.getByTestId('doctor-port').fill(String(port));
  await page.getByTestId('doctor-check').click();
  await expect.poll(() => page.getByTestId('doctor-answer').innerText()).toContain(String(port));
};

const causeKinds = (page: Page) =>
  page.locator('[data-testid="doctor-cause"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kind')));

test.describe('port owners', () => {
  test('finds the owner of a port and kills it', async ({ pages }) => {
    const app = await pages.open({ scenario: 'clean' });
    const { page } = app;
    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('3000');
    const row = ownerRow(page, 3000);
    await expect.poll(() => row.first().innerText()).toMatch(/node\.exe/);
    await screenshot(page, 'owners-filtered');
    const pid = Number(await row.first().getAttribute('data-pid'));
    await row.first().getByTestId('owner-kill').click();
    const dialog = page.getByTestId('kill-dialog');
    await expect.poll(() => dialog.innerText()).toMatch(/node\.exe/);
    await dialog.getByRole('button', { name: 'End process' }).click();
    await expect.poll(() => dialog.getByTestId('kill-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The row leaves the live list; it may stay one refresh cycle struck through as "closed".
    await expect
      .poll(() => ownerRow(page, 3000, pid).and(page.locator(':not([data-status="removed"])')).count())
      .toBe(0);
    expect(killCommands(app)).toEqual([`taskkill /F /PID ${pid}`]);
  });

  test('refuses to kill PID 4 (System) and says why', async ({ pages }) => {
    const app = await pages.open({ scenario: 'clean' });
    const { page } = app;
    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('445');
    const kill = ownerRow(page, 445, 4).first().getByTestId('owner-kill');
    await expect.poll(() => kill.count()).toBe(1);
    const disabled = (await kill.isDisabled()) || (await kill.getAttribute('aria-disabled')) === 'true';
    expect(disabled).toBe(true);
    expect(killCommands(app)).toEqual([]);
  });

  test('explains WSL, Docker and kernel owners in words', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'clean' });
    await page.getByTestId('tab-owners').click();
    await expect.poll(() => ownerRow(page, 5173).first().innerText()).toMatch(/WSL localhost forwarding/);
    expect(await ownerRow(page, 6379).first().innerText()).toMatch(/Docker published port/);
    expect(await ownerRow(page, 445).first().innerText()).toMatch(/HTTP\.sys|kernel/);
    await screenshot(page, 'owners');
  });
});

test.describe('port doctor', () => {
  test('on a reserved port: protect it, and the re-check says free and administered', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    await diagnose(page, 8065);
    expect(await causeKinds(page)).toContain('excluded');
    expect(await page.getByTestId('doctor-answer').innerText()).toMatch(/8031–8130.*reserved by the system/s);
    await screenshot(page, 'doctor-reserved');
    await page.getByRole('button', { name: 'Protect the port' }).first().click();
    const dialog = page.getByTestId('protect-port-dialog');
    expect(await dialog.getByTestId('protect-start-port').inputValue()).toBe('8065');
    await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('doctor-free').count()).toBe(1);
    expect(await page.getByTestId('doctor-answer').innerText()).toMatch(/administrator/);
    await screenshot(page, 'doctor-protected');
  });

  test('on a forwarded port names the rule', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'forwarding' });
    await diagnose(page, 2222);
    expect(await causeKinds(page)).toContain('forwarded');
    expect(await page.getByTestId('doctor-answer').innerText()).toMatch(/172\.28\.241\.140:22/);
  });

  test('speaks Korean', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved', uiLocale: 'ko-KR', locale: 'ko' });
    await diagnose(page, 8065);
    expect(await page.getByTestId('doctor-answer').innerText()).toMatch(/8031–8130/);
    await screenshot(page, 'doctor-ko');
  });
});

test.describe('port map', () => {
  test('renders and a click opens the doctor on that port', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved' });
    await page.getByTestId('tab-map').click();
    const canvas = page.getByTestId('port-map-canvas');
    await expect.poll(() => canvas.isVisible()).toBe(true);
    await screenshot(page, 'port-map');
    const box = (await canvas.boundingBox())!;
    // Somewhere in the middle of the map: whatever port it is, the doctor must open on it.
    await canvas.click({ position: { x: box.width * 0.3, y: box.height * 0.2 } });
    await expect.poll(() => page.getByTestId('doctor-view').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('doctor-port').inputValue()).toMatch(/^[1-9][0-9]*$/);
  });
});

test.describe('watched ports', () => {
  test('shows a watched port becoming reserved', async ({ pages }) => {
    const app = await pages.open({ scenario: 'clean' });
    const { page, harness } = app;
    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('watch-port').fill('4000');
    await page.getByTestId('watch-add').click();
    const watched = page.locator('[data-testid="watched-port"]').filter({ hasText: '4000' });
    await expect.poll(() => watched.innerText()).toMatch(/free/i);
    // WinNAT reserves a block over 4000 (a simulator event), then the periodic check runs.
    const machine = harness.windows.runner.machine;
    for (const v of ['ipv4', 'ipv6'] as const)
      machine.excluded[v].tcp.push({ start: 3950, end: 4049, administered: false });
    await harness.core.checkWatchedPorts();
    await expect.poll(() => watched.innerText()).toMatch(/reserved/i);
    await screenshot(page, 'watched-reserved');
  });
});
