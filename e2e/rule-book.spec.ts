/**
 * Issue #11, the rules half, end to end: names and groups that follow their rule, disable/enable
 * (greyed in the table, gone from Windows, back in one click) and drift between the rules Portwarden
 * knows and Windows' list, with adopt and restore. Scenario `forwarding`: 5 rules, none of them
 * known to a rule book yet, so the first read records them all (no drift on a fresh install).
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type AppPage, type AppPages, type OpenOptions } from './support';

const row = (page: Page, listen: string) => page.locator(`[data-testid="rule-row"][data-listen="${listen}"]`);

/** The rules the simulated machine holds, straight from its registry. */
const machineListens = (app: AppPage) =>
  Object.entries(app.harness.windows.runner.machine.portproxy)
    .flatMap(([, rules]) => Object.keys(rules))
    .sort();

const openForwarding = async (pages: AppPages, options: OpenOptions = {}) => {
  const app = await pages.open({ scenario: 'forwarding', ...options });
  await app.page.getByTestId('tab-forwarding').click();
  await expect.poll(() => app.page.locator('[data-testid="rule-row"]').count()).toBe(5);
  return app;
};

const closeDialog = async (page: Page, testId: string) => {
  await page.getByTestId(testId).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId(testId)).toHaveCount(0);
};

const nameRule = async (page: Page, listen: string, note: { name: string; group: string; comment: string }) => {
  await row(page, listen).getByTestId('rule-details').click();
  const dialog = page.getByTestId('rule-note-dialog');
  await dialog.getByTestId('note-name').fill(note.name);
  await dialog.getByTestId('note-group').fill(note.group);
  await dialog.getByTestId('note-comment').fill(note.comment);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
  await closeDialog(page, 'rule-note-dialog');
};

test.describe('rule book: names, disable, drift', () => {
  test('a new rule gets a name and group; an edit of its listen port keeps them; the group filter finds it', async ({
    pages,
  }) => {
    const { page } = await openForwarding(pages);
    await expect(page.getByTestId('drift-none')).toBeVisible();

    await page.getByTestId('add-rule-open').click();
    const dialog = page.getByTestId('add-rule-dialog');
    await dialog.getByTestId('rule-listenAddress').fill('0.0.0.0');
    await dialog.getByTestId('rule-listenPort').fill('3001');
    await dialog.getByTestId('rule-connectAddress').fill('10.0.0.5');
    await dialog.getByTestId('note-name').fill('Grafana');
    await dialog.getByTestId('note-group').fill('Monitoring');
    await dialog.getByTestId('note-comment').fill('Dashboards in the lab VM');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await closeDialog(page, 'add-rule-dialog');

    const added = row(page, '0.0.0.0:3001');
    await expect(added.getByTestId('rule-name')).toContainText('Grafana');
    await expect(added.getByTestId('rule-group')).toHaveText('Monitoring');
    await expect(added.getByTestId('rule-comment')).toHaveText('Dashboards in the lab VM');

    // Inline edit to a new listen port: a new listen key, and the note moves along.
    await added.getByTestId('rule-edit').click();
    await page.getByTestId('edit-listenPort').fill('3002');
    await page.getByTestId('edit-listenPort').press('Enter');
    await expect.poll(() => row(page, '0.0.0.0:3002').count()).toBe(1);
    const moved = row(page, '0.0.0.0:3002');
    await expect(moved.getByTestId('rule-name')).toContainText('Grafana');
    await expect(moved.getByTestId('rule-group')).toHaveText('Monitoring');
    await expect(page.getByTestId('drift-none')).toBeVisible();

    // The group filter shows that group only.
    await page.getByTestId('rules-group-filter').click();
    await page.getByRole('option', { name: 'Monitoring' }).click();
    await expect.poll(() => page.locator('[data-testid="rule-row"]').count()).toBe(1);
    await expect(page.locator('[data-testid="rule-row"]')).toHaveAttribute('data-listen', '0.0.0.0:3002');
  });

  test('an over-long name or a control character is a field error and changes nothing', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await row(page, '0.0.0.0:8080').getByTestId('rule-details').click();
    const dialog = page.getByTestId('rule-note-dialog');
    await dialog.getByTestId('note-name').fill('x'.repeat(65));
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByText('Use at most 64 characters.')).toBeVisible();
    await dialog.getByTestId('note-name').fill('ok');
    await dialog.getByTestId('note-group').fill('tab\there');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByText('Remove tabs, line breaks and other control characters.')).toBeVisible();
    await expect(dialog.getByTestId('change-report')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row(page, '0.0.0.0:8080').getByTestId('rule-name')).toHaveCount(0);
  });

  test('disable greys the rule and removes it from Windows; Enable puts it back in one click', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await nameRule(page, '0.0.0.0:8080', { name: 'Web', group: 'Lab', comment: '' });

    await row(page, '0.0.0.0:8080').getByTestId('rule-disable').click();
    const dialog = page.getByTestId('disable-rule-dialog');
    await dialog.getByRole('button', { name: 'Disable', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await closeDialog(page, 'disable-rule-dialog');

    const off = row(page, '0.0.0.0:8080');
    await expect(off).toHaveAttribute('data-disabled', 'true');
    await expect(off.getByTestId('rule-disabled')).toHaveText('Disabled');
    await expect(off.getByTestId('rule-name')).toContainText('Web');
    expect(machineListens(app)).not.toContain('0.0.0.0/8080');
    await expect(page.getByTestId('drift-none')).toBeVisible();

    await off.getByTestId('rule-enable').click();
    await expect(page.getByTestId('enable-result')).toHaveAttribute('data-outcome', 'applied');
    await expect(row(page, '0.0.0.0:8080')).not.toHaveAttribute('data-disabled', 'true');
    await expect(row(page, '0.0.0.0:8080').getByTestId('rule-name')).toContainText('Web');
    expect(machineListens(app)).toContain('0.0.0.0/8080');
  });

  test('enable is refused with the reason when another rule took the listen key meanwhile', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await row(page, '0.0.0.0:8080').getByTestId('rule-disable').click();
    await page.getByTestId('disable-rule-dialog').getByRole('button', { name: 'Disable', exact: true }).click();
    await closeDialog(page, 'disable-rule-dialog');
    const runner = app.harness.windows.runner;
    await runner.run('netsh', [
      'interface',
      'portproxy',
      'add',
      'v4tov4',
      'listenaddress=0.0.0.0',
      'listenport=8080',
      'connectaddress=10.9.9.9',
      'connectport=80',
    ]);
    await page.locator('[data-testid="rule-row"][data-disabled="true"]').getByTestId('rule-enable').click();
    await expect(page.getByTestId('enable-error')).toContainText(
      '0.0.0.0:8080 is now taken by another rule that Windows lists, so this one was not enabled.',
    );
    expect(runner.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe('10.9.9.9/80');
  });

  test('drift: a rule added by hand is adopted, a rule deleted by hand is restored', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    const runner = app.harness.windows.runner;
    await runner.run('netsh', [
      'interface',
      'portproxy',
      'add',
      'v4tov4',
      'listenport=4000',
      'connectaddress=10.0.0.7',
      'connectport=4000',
    ]);
    await runner.run('netsh', [
      'interface',
      'portproxy',
      'delete',
      'v4tov4',
      'listenaddress=0.0.0.0',
      'listenport=2222',
    ]);
    await page.getByTestId('refresh').click();
    const drift = page.getByTestId('drift-panel');
    await expect(drift.locator('[data-testid="drift-row"]')).toHaveCount(2);
    await expect(drift.locator('[data-kind="windows-only"]')).toHaveAttribute('data-listen', '*:4000');
    await expect(drift.locator('[data-kind="portwarden-only"]')).toHaveAttribute('data-listen', '0.0.0.0:2222');
    await screenshot(page, 'forwarding-drift');

    await drift.locator('[data-kind="windows-only"]').getByTestId('drift-adopt').click();
    await expect(drift.locator('[data-testid="drift-row"]')).toHaveCount(1);

    await drift.locator('[data-kind="portwarden-only"]').getByTestId('drift-restore').click();
    const dialog = page.getByTestId('restore-drift-dialog');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await closeDialog(page, 'restore-drift-dialog');
    await expect(page.getByTestId('drift-none')).toBeVisible();
    expect(runner.machine.portproxy.v4tov4['0.0.0.0/2222']).toBe('172.28.241.140/22');
  });

  // The new UI with names, groups, comments, a disabled row and the drift panel, in the two looks furthest
  // apart (English, light, wide; Korean, dark, narrow). `npm run screenshots` has every screen in all eight.
  for (const [width, colorScheme, tag, uiLocale] of [
    [1280, 'light', 'en', 'en-US'],
    [1000, 'dark', 'ko', 'ko-KR'],
  ] as const) {
    test(`screenshot ${tag} ${colorScheme} ${width}`, async ({ pages }) => {
      const height = width === 1280 ? 800 : 700;
      const app = await openForwarding(pages, { uiLocale, colorScheme, viewport: { width, height } });
      const { page } = app;
      const save = tag === 'en' ? 'Save' : '저장';
      const named = async (listen: string, name: string, group: string, comment: string) => {
        await row(page, listen).getByTestId('rule-details').click();
        const dialog = page.getByTestId('rule-note-dialog');
        await dialog.getByTestId('note-name').fill(name);
        await dialog.getByTestId('note-group').fill(group);
        await dialog.getByTestId('note-comment').fill(comment);
        await dialog.getByRole('button', { name: save, exact: true }).click();
        await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      };
      await named('0.0.0.0:2222', tag === 'en' ? 'SSH to the VM' : 'VM SSH', 'Lab', '');
      await named(
        '0.0.0.0:8080',
        tag === 'en' ? 'Web server' : '웹 서버',
        'Lab',
        tag === 'en' ? 'Nginx in the Ubuntu VM, for the demo on Friday' : '금요일 시연용 Ubuntu VM의 Nginx',
      );
      await row(page, '127.0.0.1:8888').getByTestId('rule-disable').click();
      const disable = page.getByTestId('disable-rule-dialog');
      await disable.getByRole('button', { name: tag === 'en' ? 'Disable' : '끄기', exact: true }).click();
      await expect.poll(() => disable.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
      await page.keyboard.press('Escape');
      await app.harness.windows.runner.run('netsh', [
        'interface',
        'portproxy',
        'add',
        'v4tov4',
        'listenport=4000',
        'connectaddress=10.0.0.7',
        'connectport=4000',
      ]);
      await page.getByTestId('refresh').click();
      await expect(page.getByTestId('drift-panel')).toBeVisible();
      await expect(row(page, '127.0.0.1:8888')).toHaveAttribute('data-disabled', 'true');
      // The page never scrolls sideways: the actions stay in reach.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, `forwarding-rulebook-${tag}-${colorScheme}-${width}`);
    });
  }
});
