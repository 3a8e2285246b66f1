/**
 * Issue #11 end to end: export as a Command Prompt or PowerShell script (the preview shows the commands,
 * and parses back to the rules the JSON lists), and an import that keeps the file's firewall choice only
 * after the user ticks the confirmation. Scenario `forwarding`: 5 rules, the user's own `WSL SSH 2222`.
 */
import type { Page } from '@playwright/test';
import { parseCmdScript, parsePowerShellScript } from '../test/helpers/parse-export-scripts';
import { expect, screenshot, test, type AppPage, type AppPages, type OpenOptions } from './support';

const openForwarding = async (pages: AppPages, options: OpenOptions = {}) => {
  const app = await pages.open({ scenario: 'forwarding', ...options });
  await app.page.getByTestId('tab-forwarding').click();
  await expect.poll(() => app.page.locator('[data-testid="rule-row"]').count()).toBe(5);
  return app;
};

const firewallCommands = (calls: readonly { command: string; args: readonly string[] }[]) =>
  calls.map((c) => `${c.command} ${c.args.join(' ')}`).filter((line) => /advfirewall firewall add/.test(line));

/** The preview's text exactly as shown (the <pre> keeps the CRLF line ends the file gets). */
const previewText = (page: Page) => page.getByTestId('export-preview').evaluate((pre) => pre.textContent ?? '');

/** Portwarden's firewall rule on a port, added behind the app's back as the app itself would. */
const addOurFirewallRule = (app: AppPage, port: number) =>
  app.harness.windows.runner.run('netsh', [
    'advfirewall',
    'firewall',
    'add',
    'rule',
    `name=Portwarden portproxy TCP ${port}`,
    'dir=in',
    'action=allow',
    'protocol=TCP',
    `localport=${port}`,
  ]);

const chooseFormat = async (page: Page, label: RegExp) => {
  await page.getByTestId('export-format').getByRole('radio', { name: label }).check();
};

/** The 8 looks of issue #11: e2e/screenshots/<name>[-ko][-dark][-1000].png. */
/**
 * The two looks furthest apart; `npm run screenshots` (e2e/screens/) has the export and import dialogs in all
 * eight sizes, themes and languages.
 */
const LOOKS = [
  { suffix: '', uiLocale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { suffix: '-ko-dark-1000', uiLocale: 'ko-KR', colorScheme: 'dark', viewport: { width: 1000, height: 700 } },
] as const;

const FILE_ROWS = [
  {
    type: 'v4tov4',
    listenAddress: '0.0.0.0',
    listenPort: 4101,
    connectAddress: '10.0.0.7',
    connectPort: 80,
    firewall: true,
  },
  {
    type: 'v4tov4',
    listenAddress: '0.0.0.0',
    listenPort: 4102,
    connectAddress: '10.0.0.7',
    connectPort: 81,
    firewall: false,
  },
  // Already there, with the firewall flag the forwarding machine does not have for Portwarden yet.
  {
    type: 'v4tov4',
    listenAddress: '0.0.0.0',
    listenPort: 2222,
    connectAddress: '172.28.241.140',
    connectPort: 22,
    firewall: true,
  },
];

const pasteImport = async (page: Page, rows: readonly object[]) => {
  await page.getByTestId('import-open').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-text').fill(JSON.stringify({ app: 'Portwarden', version: 1, rules: rows }));
  return dialog;
};

test.describe('export as a script', () => {
  test('previews the .cmd and .ps1 commands, which parse back to the rules the JSON lists', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    // Portwarden's firewall rule on 8080, so the scripts have one to recreate.
    await addOurFirewallRule(app, 8080);
    await page.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-preview')).toContainText('"app": "Portwarden"');
    const json = JSON.parse(await previewText(page)) as { rules: { firewall: boolean; listenPort: number }[] };
    const rules = json.rules.map(({ firewall: _firewall, ...rule }) => rule);
    expect(json.rules.filter((rule) => rule.firewall).map((rule) => rule.listenPort)).toEqual([8080]);

    await chooseFormat(page, /Command Prompt/);
    await expect(dialog.getByTestId('export-file-name')).toHaveText(/^portwarden-rules-\d{4}-\d{2}-\d{2}\.cmd$/);
    const preview = dialog.getByTestId('export-preview');
    await expect(preview).toContainText('@echo off');
    await expect(preview).toContainText('net session >nul 2>&1');
    await expect(preview).toContainText(
      'netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=2222 connectaddress=172.28.241.140 connectport=22 if %errorlevel% neq 0 goto :failed',
    );
    await expect(preview).toContainText(
      'netsh advfirewall firewall add rule name="Portwarden portproxy TCP 8080" dir=in action=allow protocol=TCP localport=8080',
    );
    await expect(dialog).toContainText(/Run the script as administrator/);
    const cmd = parseCmdScript(await previewText(page));
    expect(cmd.rules).toEqual(rules);
    expect(cmd.firewall).toEqual(['Portwarden portproxy TCP 8080']);

    await chooseFormat(page, /PowerShell/);
    await expect(dialog.getByTestId('export-file-name')).toHaveText(/\.ps1$/);
    await expect(preview).toContainText('#Requires -RunAsAdministrator');
    await expect(preview).toContainText("$ErrorActionPreference = 'Stop'");
    await expect(preview).toContainText(
      "Invoke-Netsh -Arguments @('advfirewall', 'firewall', 'add', 'rule', 'name=Portwarden portproxy TCP 8080'",
    );
    const ps1 = parsePowerShellScript(await previewText(page));
    expect(ps1.rules).toEqual(rules);
    expect(ps1.firewall).toEqual(['Portwarden portproxy TCP 8080']);

    // Save hands the chosen file to the browser (Electron shows its save dialog for it).
    const download = page.waitForEvent('download');
    await dialog.getByTestId('export-save').click();
    expect((await download).suggestedFilename()).toMatch(/\.ps1$/);
  });
});

test.describe('import with firewall rules', () => {
  test('adds the file’s firewall rules only after the confirmation, in the same change', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page } = app;
    const dialog = await pasteImport(page, FILE_ROWS);
    const plan = dialog.getByTestId('import-plan');
    await expect(plan.locator('[data-firewall="skipped"]')).toHaveCount(2);
    // The checkbox is named by its label: what it opens.
    const confirm = dialog.getByRole('checkbox', { name: /ports 2222, 4101/ });
    await expect(confirm).not.toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();

    await confirm.check();
    await expect(plan.locator('[data-firewall="add"]')).toHaveCount(2);
    await expect(plan.locator('[data-firewall="skipped"]')).toHaveCount(0);
    const before = app.harness.windows.runner.calls.length;
    await dialog.getByRole('button', { name: 'Import with firewall rules' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    expect(firewallCommands(app.harness.windows.runner.calls.slice(before))).toEqual([
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 2222 dir=in action=allow protocol=TCP localport=2222',
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 4101 dir=in action=allow protocol=TCP localport=4101',
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('[data-testid="rule-row"]').count()).toBe(7);
    const names = app.harness.windows.runner.machine.firewallRules.map((rule) => rule.name).sort();
    expect(names).toEqual(['Portwarden portproxy TCP 2222', 'Portwarden portproxy TCP 4101', 'WSL SSH 2222']);
  });

  test('without the tick the rules are imported and no firewall rule is added', async ({ pages }) => {
    const app = await openForwarding(pages);
    const dialog = await pasteImport(app.page, FILE_ROWS);
    await expect(dialog.getByTestId('import-firewall-confirm')).toBeVisible();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    expect(firewallCommands(app.harness.windows.runner.calls)).toEqual([]);
    expect(app.harness.windows.runner.machine.firewallRules.map((rule) => rule.name)).toEqual(['WSL SSH 2222']);
  });

  test('a firewall field that is not true or false is named, and nothing can be imported', async ({ pages }) => {
    const app = await openForwarding(pages);
    const dialog = await pasteImport(app.page, [FILE_ROWS[0]!, { ...FILE_ROWS[1]!, firewall: 'yes' }]);
    await expect(dialog.getByTestId('import-issues')).toContainText('Row 2: “firewall” must be true or false');
    await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
    await expect(dialog.getByTestId('import-firewall')).toHaveCount(0);
    expect(firewallCommands(app.harness.windows.runner.calls)).toEqual([]);
  });
});

test.describe('screenshots of the export and import dialogs', () => {
  for (const look of LOOKS) {
    test(`export .cmd/.ps1 and import with firewall rules${look.suffix || ' (en, light, 1280)'}`, async ({ pages }) => {
      const app = await openForwarding(pages, {
        uiLocale: look.uiLocale,
        colorScheme: look.colorScheme,
        viewport: look.viewport,
      });
      const { page } = app;
      // One of Portwarden's firewall rules, so the scripts show how they recreate it.
      await addOurFirewallRule(app, 8080);
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-format').getByRole('radio').nth(1).check();
      await expect(page.getByTestId('export-preview')).toContainText('@echo off');
      await screenshot(page, `forwarding-export-cmd${look.suffix}`);
      await page.getByTestId('export-format').getByRole('radio').nth(2).check();
      await expect(page.getByTestId('export-preview')).toContainText('#Requires');
      await screenshot(page, `forwarding-export-ps1${look.suffix}`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('export-dialog')).toHaveCount(0);

      const dialog = await pasteImport(page, FILE_ROWS);
      await dialog.getByTestId('import-firewall-confirm').check();
      await expect(dialog.getByTestId('import-plan').locator('[data-firewall="add"]')).toHaveCount(2);
      await screenshot(page, `forwarding-import-firewall${look.suffix}`);
    });
  }
});
