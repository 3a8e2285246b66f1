/**
 * Issue 3 end to end: portproxy rules through the real renderer, preload and router over the
 * simulated Windows (scenario `forwarding`: 5 rules, a WSL target that answers on 22/80 only).
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type AppPage, type AppPages, type OpenOptions } from './support';

const ruleCommands = (current: AppPage) =>
  current.harness.windows.runner.calls
    .map((c) => `${c.command} ${c.args.join(' ')}`)
    .filter((line) => /portproxy (add|set|delete|reset)|advfirewall firewall (add|delete)/.test(line));

const row = (page: Page, listen: string) => page.locator(`[data-testid="rule-row"][data-listen="${listen}"]`);
const listens = (page: Page) =>
  page.locator('[data-testid="rule-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-listen')).sort());

const ALL_LISTENS = [':::9000', '0.0.0.0:2222', '0.0.0.0:8080', '127.0.0.1:8081', '127.0.0.1:8888'].sort();

const openForwarding = async (pages: AppPages, options: OpenOptions = {}) => {
  const app = await pages.open({ scenario: 'forwarding', ...options });
  await app.page.getByTestId('tab-forwarding').click();
  await expect.poll(() => app.page.locator('[data-testid="rule-row"]').count()).toBe(5);
  return app;
};

test.describe('port forwarding', () => {
  test('lists all four types and tells which rule works and which target does not answer', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    expect(await listens(page)).toEqual(ALL_LISTENS);
    await page.getByTestId('check-all').click();
    const status = (listen: string) => row(page, listen).getByTestId('rule-status');
    await expect.poll(() => status('0.0.0.0:2222').getAttribute('data-tone')).toBe('ok');
    await expect.poll(() => status(':::9000').getAttribute('data-tone')).not.toBe('ok');
    expect(await status(':::9000').innerText()).toMatch(/9000.*not answering|not answering.*9000/i);
    await screenshot(page, 'forwarding-checked');
    expect(ruleCommands(app)).toEqual([]);
  });

  test('adds rules of all four types, one with the firewall box', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    const cases = [
      { listen: '0.0.0.0', port: '3001', connect: '10.0.0.5', type: 'v4tov4', firewall: true },
      { listen: '127.0.0.1', port: '3002', connect: 'fe80::5', type: 'v4tov6', firewall: false },
      { listen: '::', port: '3003', connect: '10.0.0.5', type: 'v6tov4', firewall: false },
      { listen: '::', port: '3004', connect: '::1', type: 'v6tov6', firewall: false },
    ];
    for (const c of cases) {
      await page.getByTestId('add-rule-open').click();
      const dialog = page.getByTestId('add-rule-dialog');
      await dialog.getByTestId('rule-listenAddress').fill(c.listen);
      await dialog.getByTestId('rule-listenPort').fill(c.port);
      await dialog.getByTestId('rule-connectAddress').fill(c.connect);
      await expect.poll(() => dialog.getByTestId('rule-type').inputValue()).toBe(c.type);
      if (c.firewall) await dialog.getByTestId('rule-firewall').check();
      if (c.type === 'v4tov4') await screenshot(page, 'forwarding-add-dialog');
      await dialog.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => row(page, `${c.listen}:${c.port}`).count()).toBe(1);
    }
    expect(ruleCommands(app)).toEqual([
      'netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=3001 connectaddress=10.0.0.5 connectport=3001',
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 3001 dir=in action=allow protocol=TCP localport=3001',
      'netsh interface portproxy add v4tov6 listenaddress=127.0.0.1 listenport=3002 connectaddress=fe80::5 connectport=3002',
      'netsh interface portproxy add v6tov4 listenaddress=:: listenport=3003 connectaddress=10.0.0.5 connectport=3003',
      'netsh interface portproxy add v6tov6 listenaddress=:: listenport=3004 connectaddress=::1 connectport=3004',
    ]);
    expect(app.harness.windows.runner.machine.firewallRules.map((r) => r.name)).toContain(
      'Portwarden portproxy TCP 3001',
    );
    expect(await row(page, '0.0.0.0:3001').innerText()).toMatch(/\tYes\t/);
  });

  test('edits the connect port inline with netsh set', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await row(page, '0.0.0.0:8080').getByTestId('rule-edit').click();
    const editing = page.locator('[data-testid="rule-row"][data-editing="true"]');
    await editing.getByTestId('edit-connectPort').fill('81');
    await screenshot(page, 'forwarding-inline-edit');
    await editing.getByTestId('edit-connectPort').press('Enter');
    await expect.poll(() => row(page, '0.0.0.0:8080').innerText()).toMatch(/172\.28\.241\.140\s+81/);
    expect(ruleCommands(app)).toEqual([
      'netsh interface portproxy set v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=172.28.241.140 connectport=81',
    ]);
  });

  test('asks the user when the rule was changed outside the app during the edit', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page, harness } = app;
    await row(page, '0.0.0.0:8080').getByTestId('rule-edit').click();
    await harness.windows.runner.run('netsh', [
      'interface',
      'portproxy',
      'set',
      'v4tov4',
      'listenaddress=0.0.0.0',
      'listenport=8080',
      'connectaddress=172.28.241.141',
      'connectport=80',
    ]);
    const editing = page.locator('[data-testid="rule-row"][data-editing="true"]');
    await editing.getByTestId('edit-connectPort').fill('81');
    await editing.getByTestId('edit-connectPort').press('Enter');
    const dialog = page.getByTestId('edit-conflict-dialog');
    await expect.poll(() => dialog.innerText()).toMatch(/changed outside Portwarden/);
    await screenshot(page, 'forwarding-edit-conflict');
    expect(ruleCommands(app)).toEqual([
      'netsh interface portproxy set v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=172.28.241.141 connectport=80',
    ]);
  });

  test('changes the listen port transactionally: add new, verify, delete old', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await row(page, '0.0.0.0:8080').getByTestId('rule-edit').click();
    const editing = page.locator('[data-testid="rule-row"][data-editing="true"]');
    await editing.getByTestId('edit-listenPort').fill('8090');
    await editing.getByTestId('edit-listenPort').press('Enter');
    await expect.poll(() => row(page, '0.0.0.0:8090').count()).toBe(1);
    expect(await row(page, '0.0.0.0:8080').count()).toBe(0);
    expect(ruleCommands(app)).toEqual([
      'netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8090 connectaddress=172.28.241.140 connectport=80',
      'netsh interface portproxy delete v4tov4 listenaddress=0.0.0.0 listenport=8080',
    ]);
  });

  test('deletes several selected rules', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    for (const listen of ['0.0.0.0:8080', '127.0.0.1:8888']) await row(page, listen).getByRole('checkbox').click();
    await page.getByTestId('delete-rules-open').click();
    const dialog = page.getByTestId('delete-rules-dialog');
    await expect.poll(() => dialog.innerText()).toMatch(/Delete these 2 rules/);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await listens(page)).toEqual([':::9000', '0.0.0.0:2222', '127.0.0.1:8081'].sort());
  });

  test('resets with a backup first, then restores the backup', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await page.getByTestId('reset-rules-open').click();
    const reset = page.getByTestId('reset-rules-dialog');
    await reset.getByRole('button', { name: 'Back up and delete all' }).click();
    await expect.poll(() => reset.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    expect(await reset.getByTestId('report-backup').innerText()).toMatch(/reset/);
    await reset.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('[data-testid="rule-row"]').count()).toBe(0);

    await page.getByTestId('backups-open').click();
    const panel = page.getByTestId('backups-panel');
    await expect.poll(() => panel.getByTestId('backup-row').count()).toBe(1);
    await screenshot(page, 'forwarding-backups');
    await panel.getByTestId('backup-restore').click();
    const restore = page.getByTestId('restore-backup-dialog');
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => restore.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await restore.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => listens(page)).toEqual(ALL_LISTENS);
  });

  test('imports nothing when one row is invalid, names the row, then imports the fixed file', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-dialog');
    const rows = [
      { listenAddress: '0.0.0.0', listenPort: 4001, connectAddress: '10.0.0.7', connectPort: 4001 },
      { listenAddress: '0.0.0.0', listenPort: 4002, connectAddress: '10.0.0.7 & calc', connectPort: 4002 },
      { listenAddress: '0.0.0.0', listenPort: 4003, connectAddress: '10.0.0.7', connectPort: 4003 },
    ];
    await dialog.getByTestId('import-text').fill(JSON.stringify({ rules: rows }));
    await expect.poll(() => dialog.getByTestId('import-issues').innerText()).toMatch(/Row 2/);
    await screenshot(page, 'forwarding-import-invalid');
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(ruleCommands(app)).toEqual([]);

    rows[1] = { ...rows[1]!, connectAddress: '10.0.0.7' };
    await dialog.getByTestId('import-text').fill(JSON.stringify({ rules: rows }));
    await expect.poll(() => dialog.getByTestId('import-plan').innerText()).toMatch(/4001[\s\S]*4002[\s\S]*4003/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('[data-testid="rule-row"]').count()).toBe(8);
  });

  test('shows the IP Helper warning and starts the service', async ({ pages }) => {
    const app = await pages.open({ scenario: 'broken-iphlpsvc' });
    const { page } = app;
    await page.getByTestId('tab-forwarding').click();
    await expect.poll(() => page.getByTestId('iphlpsvc-warning').innerText()).toMatch(/IP Helper/);
    await page.getByTestId('start-iphlpsvc').click();
    await expect.poll(() => page.getByTestId('iphlpsvc-warning').count()).toBe(0);
  });

  test('renders the Korean forwarding view', async ({ pages }) => {
    const app = await openForwarding(pages, { uiLocale: 'ko-KR', locale: 'ko' });
    const { page } = app;
    await page.getByTestId('check-all').click();
    await expect.poll(() => row(page, ':::9000').getByTestId('rule-status').getAttribute('data-tone')).not.toBe('ok');
    await screenshot(page, 'forwarding-ko');
    expect(await page.getByTestId('forwarding-view').innerText()).toMatch(/포트 전달/);
  });
});
