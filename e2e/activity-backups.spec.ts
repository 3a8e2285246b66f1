/**
 * Issue #11, activity and feedback: the user's changes stand apart from the app's own background reads,
 * which collapse into one line per command; Start IP Helper says what happened; a WinNAT restart and a
 * protect name the port the user asked about; backups are named by what happened and when, can be looked
 * into and deleted (asked first, through the main process); Reset all says why it is off with no rules.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './support';

test.describe('activity', () => {
  test('changes first, background reads one line per command, and a filter for either', async ({ pages }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    // The owners view reads every second or two by itself.
    await page.getByTestId('tab-owners').click();
    await expect
      .poll(() => app.harness.windows.runner.calls.filter((c) => c.command === 'netstat').length, { timeout: 15_000 })
      .toBeGreaterThan(2);
    await page.getByTestId('restart-winnat').click();
    const dialog = page.getByTestId('restart-winnat-dialog');
    await dialog.getByRole('button', { name: 'Restart WinNAT' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByTestId('activity-open').click();
    const drawer = page.getByTestId('activity-drawer');
    const changes = drawer.getByTestId('activity-changes');
    const reads = drawer.getByTestId('activity-reads');
    await expect
      .poll(() => changes.getByTestId('activity-operation').first().getAttribute('data-operation'))
      .toBe('restart-winnat');
    // Changes come before reads in the drawer.
    const order = await drawer.evaluate((element) => {
      const all = [...element.querySelectorAll('[data-testid="activity-changes"], [data-testid="activity-reads"]')];
      return all.map((node) => node.getAttribute('data-testid'));
    });
    expect(order).toEqual(['activity-changes', 'activity-reads']);
    // No read operation among the changes.
    const changeOps = await changes
      .getByTestId('activity-operation')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-operation')));
    expect(changeOps).toEqual(['restart-winnat']);

    const netstat = reads.locator('[data-testid="activity-read-source"][data-line^="netstat"]');
    await expect.poll(() => netstat.count()).toBe(1);
    const netstatRuns = app.harness.windows.runner.calls.filter((c) => c.command === 'netstat').length;
    expect(netstatRuns).toBeGreaterThan(2);
    await expect.poll(() => netstat.innerText()).toMatch(/netstat -ano[\s\S]*× \d+, last \d+ sec\. ago/);
    const shown = Number(/× (\d+)/.exec(await netstat.innerText())![1]);
    expect(shown).toBeGreaterThan(2);
    // One line each: no command line appears twice.
    const lines = await reads
      .getByTestId('activity-read-source')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-line')));
    expect(new Set(lines).size).toBe(lines.length);
    // A line opens to its latest run with its output.
    await netstat.getByRole('button').first().click();
    await expect.poll(() => netstat.getByTestId('activity-record').count()).toBe(1);
    await screenshot(page, 'activity-changes-and-reads');

    await drawer.getByTestId('activity-filter-changes').click();
    await expect.poll(() => reads.count()).toBe(0);
    expect(await changes.count()).toBe(1);
    await drawer.getByTestId('activity-filter-reads').click();
    await expect.poll(() => changes.count()).toBe(0);
    expect(await reads.count()).toBe(1);
  });
});

test.describe('feedback names the port', () => {
  test('a WinNAT restart from the port box says where that port stands now', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved', seed: 3 });
    await page.getByTestId('port-filter').fill('8065');
    await page.getByTestId('restart-winnat').click();
    const dialog = page.getByTestId('restart-winnat-dialog');
    await dialog.getByRole('button', { name: 'Restart WinNAT' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    const asked = dialog.getByTestId('asked-port');
    await expect.poll(() => asked.innerText()).toMatch(/^Port 8065 \(TCP\)/);
    // Seed 3 moves 8031–8130 away (ranges.spec.ts): 8065 is free now.
    expect(await asked.getAttribute('data-state')).toBe('free');
    await screenshot(page, 'restart-names-port');
  });

  test('a restart from the doctor names the checked port', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved' });
    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('doctor-port').fill('8065');
    await page.getByTestId('doctor-check').click();
    await expect.poll(() => page.getByTestId('doctor-answer').innerText()).toMatch(/8031–8130/);
    await page.getByTestId('restart-winnat').click();
    const dialog = page.getByTestId('restart-winnat-dialog');
    await dialog.getByRole('button', { name: 'Restart WinNAT' }).click();
    await expect.poll(() => dialog.getByTestId('asked-port').innerText()).toMatch(/^Port 8065 \(TCP\)/);
  });

  test('protecting a port says it is protected now', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved' });
    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    await dialog.getByTestId('protect-start-port').fill('9300');
    await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
    const asked = dialog.getByTestId('asked-port');
    await expect.poll(() => asked.getAttribute('data-state')).toBe('protected');
    expect(await asked.innerText()).toMatch(/Port 9300 \(TCP\) is protected: your exclusion 9300 \(IPv4, IPv6\)/);
  });

  test('Start IP Helper says that it started', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'broken-iphlpsvc' });
    await page.getByTestId('tab-forwarding').click();
    await page.getByTestId('start-iphlpsvc').click();
    const result = page.getByTestId('iphlpsvc-result');
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('applied');
    expect(await result.innerText()).toMatch(/IP Helper started/);
    await screenshot(page, 'iphlpsvc-started');
    await result.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => result.count()).toBe(0);
  });
});

test.describe('backups', () => {
  test('named by what happened and when, previewed, deleted after a question; Reset all off with 0 rules', async ({
    pages,
  }) => {
    const app = await pages.open({ scenario: 'forwarding' });
    const { page } = app;
    await page.getByTestId('tab-forwarding').click();
    await expect.poll(() => page.locator('[data-testid="rule-row"]').count()).toBe(5);
    await page.getByTestId('reset-rules-open').click();
    const reset = page.getByTestId('reset-rules-dialog');
    await reset.getByRole('button', { name: 'Back up and delete all' }).click();
    await expect.poll(() => reset.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await reset.getByRole('button', { name: 'Close' }).click();

    // With no rules left, Reset all is off and says why (reachable in the toolbar by the arrows).
    const resetAll = page.getByTestId('reset-rules-open');
    await expect.poll(() => resetAll.getAttribute('aria-disabled')).toBe('true');
    await resetAll.hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toMatch(/no forwarding rules to delete/);
    await page.mouse.move(0, 0);

    await page.getByTestId('backups-open').click();
    const panel = page.getByTestId('backups-panel');
    const backupRow = panel.getByTestId('backup-row');
    await expect.poll(() => backupRow.count()).toBe(1);
    const name = await backupRow.getByTestId('backup-name').innerText();
    // "Before reset · Dec 5 14:02" (en-US order; "5 Dec" in en-GB): what happened and when, not the file name.
    expect(name).toMatch(/^Before reset · (\w{3} \d{1,2}|\d{1,2} \w{3}) \d{2}:\d{2}$/);
    expect(name).not.toMatch(/\d{8}T/);

    await backupRow.getByTestId('backup-preview-open').click();
    const preview = page.getByTestId('backup-preview');
    await expect.poll(() => preview.getByTestId('backup-preview-row').count()).toBe(5);
    expect(await preview.innerText()).toMatch(/0\.0\.0\.0[\s\S]*8080/);
    await screenshot(page, 'backup-preview');
    await preview.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => preview.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null))
      .toBe('backup-preview-open');

    const id = (await backupRow.getAttribute('data-backup-id'))!;
    const file = path.join(app.harness.dataDir, 'backups', `${id}.json`);
    expect(existsSync(file)).toBe(true);
    // Asked first: Cancel deletes nothing.
    await backupRow.getByTestId('backup-delete').click();
    const question = page.getByTestId('backup-delete-dialog');
    await expect
      .poll(() => question.innerText())
      .toMatch(/Delete the backup “Before reset · [^”]+” with its 5 rules\?/);
    await screenshot(page, 'backup-delete-question');
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(existsSync(file)).toBe(true);

    await backupRow.getByTestId('backup-delete').click();
    await question.getByTestId('backup-delete-confirm').click();
    await expect.poll(() => backupRow.count()).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(path.join(app.harness.dataDir, 'backups'))).toEqual([]);
    await expect.poll(() => panel.innerText()).toMatch(/No backups yet/);
  });

  test('the main process refuses an id that is not a backup name, names the field, and deletes nothing', async ({
    pages,
  }) => {
    const app = await pages.open({ scenario: 'forwarding' });
    const { page } = app;
    const answers = await page.evaluate(async () => {
      const api = (window as unknown as { api: { deleteBackup(input: unknown): Promise<unknown> } }).api;
      return Promise.all(
        ['../../evil', '20261205T140200000Z-reset/../x', '', 'C:\\Windows\\win.ini'].map((id) =>
          api.deleteBackup({ id }),
        ),
      );
    });
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'id' } });
    }
    const missing = await page.evaluate(() =>
      (window as unknown as { api: { deleteBackup(input: unknown): Promise<unknown> } }).api.deleteBackup({
        id: '20200101T000000000Z-reset',
      }),
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
