/**
 * Crash-safe changes (issue 5 item 3) end to end: a change interrupted by a crash is left in the
 * write-ahead journal with Windows half changed; the next start shows it and lets the user finish or
 * roll it back. The crash is staged on the simulated machine and in the harness's journal folder, then
 * the page is reloaded, as the window would be after Portwarden started again.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { JournalIntent, ProxyRule } from '../shared/model';
import { createFileJournal } from '../electron/system/journal';
import { expect, screenshot, test, type AppPage, type AppPages, type OpenOptions } from './support';

const PROTECT_8065: JournalIntent = {
  kind: 'exclusion',
  family: { protocol: 'tcp', ipVersion: 'ipv4' },
  start: 8065,
  end: 8065,
  winnatWasRunning: true,
};

const v4 = (listenAddress: string, listenPort: number, connectAddress: string, connectPort: number): ProxyRule => ({
  type: 'v4tov4',
  listenAddress,
  listenPort,
  connectAddress,
  connectPort,
});
/** Scenario `forwarding`, as its rules are before the edit. */
const FORWARDING_RULES: readonly ProxyRule[] = [
  v4('0.0.0.0', 2222, '172.28.241.140', 22),
  v4('0.0.0.0', 8080, '172.28.241.140', 80),
  v4('127.0.0.1', 8888, 'devbox.lan', 8888),
  { type: 'v4tov6', listenAddress: '127.0.0.1', listenPort: 8081, connectAddress: '::1', connectPort: 80 },
  { type: 'v6tov4', listenAddress: '::', listenPort: 9000, connectAddress: '172.28.241.140', connectPort: 9000 },
];
const EDIT_8080_TO_18080: JournalIntent = {
  kind: 'rules',
  before: FORWARDING_RULES,
  target: FORWARDING_RULES.map((rule) => (rule.listenPort === 8080 ? { ...rule, listenPort: 18080 } : rule)),
  firewall: { before: [], want: [], release: [] },
};

/** Opens the app, stages the crash (commands already run + the journal entry), and starts the window again. */
const openAfterCrash = async (
  pages: AppPages,
  options: OpenOptions,
  operation: string,
  intent: JournalIntent,
  commands: readonly (readonly [string, readonly string[]])[],
): Promise<AppPage> => {
  const app = await pages.open(options);
  for (const [command, args] of commands) {
    const result = await app.harness.windows.runner.run(command as never, args);
    expect(result.exitCode, `${command} ${args.join(' ')}`).toBe(0);
  }
  await createFileJournal(path.join(app.harness.dataDir, 'journal')).begin(operation, intent);
  await app.page.reload();
  await app.page.waitForSelector('html[data-app-ready="true"]', { timeout: 30_000 });
  return app;
};

const banner = (page: Page) => page.getByTestId('recovery-banner');

/** Opens Details and waits out the accordion's expand motion, so screenshots show it open. */
const openDetails = async (page: Page) => {
  await banner(page).getByTestId('recovery-details').click();
  await expect.poll(() => banner(page).getByTestId('recovery-now').isVisible()).toBe(true);
  await page.waitForTimeout(400);
};

const resolveCalls = (app: AppPage) =>
  app.harness.windows.runner.calls
    .map((c) => `${c.command} ${c.args.join(' ')}`)
    .filter((line) => / (add|delete|set|reset) /.test(line) || /^net (stop|start) /.test(line));

test.describe('interrupted changes', () => {
  test('shows a half-done "protect port" and finishes it when asked', async ({ pages }) => {
    const app = await openAfterCrash(pages, { scenario: 'hyperv-reserved' }, 'protect-ports', PROTECT_8065, [
      ['net', ['stop', 'winnat']],
    ]);
    const { page } = app;
    await expect.poll(() => banner(page).count()).toBe(1);
    expect(await banner(page).getAttribute('data-progress')).toBe('partly-done');
    const text = await banner(page).innerText();
    expect(text).toMatch(/A change was interrupted/);
    expect(text).toMatch(/Protect port 8065 \(TCP\/IPv4\)/);
    expect(text).toMatch(/Half done: WinNAT is stopped and the port is not protected yet\./);
    expect(text).toMatch(/Started /);
    // Nothing runs until the user chooses.
    expect(resolveCalls(app)).toEqual(['net stop winnat']);
    const before = resolveCalls(app).length;

    await openDetails(page);
    await expect
      .poll(() => banner(page).getByTestId('recovery-now').innerText())
      .toMatch(/not protected[\s\S]*WinNAT: stopped/);
    expect(await banner(page).getByTestId('recovery-intended').innerText()).toMatch(
      /Port 8065 \(TCP\/IPv4\): protected[\s\S]*WinNAT: running/,
    );
    // The recommended way out is the primary button, and both are offered.
    expect(await banner(page).getByRole('button', { name: 'Finish the change' }).getAttribute('data-recommended')).toBe(
      'true',
    );
    expect(await banner(page).getByRole('button', { name: 'Roll back' }).count()).toBe(1);
    await screenshot(page, 'recovery-protect-en');

    await banner(page).getByRole('button', { name: 'Finish the change' }).click();
    const outcome = page.getByTestId('recovery-outcome');
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 20_000 }).toBe('applied');
    expect(await outcome.innerText()).toMatch(
      /The interrupted change was finished\s+Protect port 8065 \(TCP\/IPv4\)[\s\S]*Start WinNAT: done/,
    );
    await expect.poll(() => banner(page).count()).toBe(0);
    expect(resolveCalls(app).slice(before)).toEqual([
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'net start winnat',
    ]);
    await screenshot(page, 'recovery-protect-finished');

    const row = page
      .getByTestId('ranges-table-tcp-ipv4')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '8065', exact: true }) });
    await expect.poll(() => row.innerText()).toMatch(/Administered/);
    await expect.poll(() => page.getByTestId('winnat-status').getAttribute('data-status')).toBe('running');
  });

  test('rolls back a half-done rule edit to the original rule', async ({ pages }) => {
    const app = await openAfterCrash(pages, { scenario: 'forwarding' }, 'edit-rule', EDIT_8080_TO_18080, [
      [
        'netsh',
        [
          'interface',
          'portproxy',
          'add',
          'v4tov4',
          'listenaddress=0.0.0.0',
          'listenport=18080',
          'connectaddress=172.28.241.140',
          'connectport=80',
        ],
      ],
    ]);
    const { page } = app;
    await expect.poll(() => banner(page).count()).toBe(1);
    const text = await banner(page).innerText();
    expect(text).toMatch(/Edit forwarding rule 0\.0\.0\.0:8080 → 0\.0\.0\.0:18080/);
    expect(text).toMatch(/Half done: 1 of 2 rule changes are in place\./);
    await openDetails(page);
    await expect
      .poll(() => banner(page).getByTestId('recovery-now').innerText())
      .toMatch(/0\.0\.0\.0:8080[\s\S]*0\.0\.0\.0:18080/);
    expect(await banner(page).getByTestId('recovery-before').innerText()).toMatch(
      /v4tov4 0\.0\.0\.0:8080 → 172\.28\.241\.140:80/,
    );
    expect(await banner(page).getByTestId('recovery-intended').innerText()).toMatch(
      /v4tov4 0\.0\.0\.0:18080 → 172\.28\.241\.140:80/,
    );
    await screenshot(page, 'recovery-rules-en');

    await banner(page).getByRole('button', { name: 'Roll back' }).click();
    await expect
      .poll(() => page.getByTestId('recovery-outcome').getAttribute('data-outcome'), { timeout: 20_000 })
      .toBe('applied');
    expect(await page.getByTestId('recovery-outcome').innerText()).toMatch(/The interrupted change was rolled back/);
    await expect.poll(() => banner(page).count()).toBe(0);

    await page.getByTestId('tab-forwarding').click();
    const listens = () =>
      page
        .locator('[data-testid="rule-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-listen')).sort());
    await expect
      .poll(listens)
      .toEqual([':::9000', '0.0.0.0:2222', '0.0.0.0:8080', '127.0.0.1:8081', '127.0.0.1:8888'].sort());
  });

  test('speaks Korean, and fits a small dark window', async ({ pages }) => {
    const app = await openAfterCrash(
      pages,
      { scenario: 'hyperv-reserved', uiLocale: 'ko-KR', colorScheme: 'dark', viewport: { width: 1000, height: 700 } },
      'protect-ports',
      PROTECT_8065,
      [['net', ['stop', 'winnat']]],
    );
    const { page } = app;
    await expect.poll(() => banner(page).count()).toBe(1);
    const text = await banner(page).innerText();
    expect(text).toMatch(/변경 작업이 중단되었습니다/);
    expect(text).toMatch(/8065번 포트 보호 \(TCP\/IPv4\)/);
    expect(text).toMatch(/절반만 진행됨/);
    expect(await banner(page).getByRole('button', { name: '변경 마치기' }).count()).toBe(1);
    await openDetails(page);
    await screenshot(page, 'recovery-protect-ko-dark');
  });
});
