/**
 * Issue #10 end to end, as a user sees it: one true answer per port in every view, protecting both IP
 * versions, firewall truth, system owners. Each test names the defect it covers.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type AppPage } from './support';

const diagnose = async (page: Page, port: number) => {
  await page.getByTestId('tab-doctor').click();
  await page.getByTestId('doctor-port').fill(String(port));
  await page.getByTestId('doctor-check').click();
  await expect.poll(() => page.getByTestId('doctor-answer').innerText()).toContain(String(port));
};

const filterRanges = async (page: Page, port: number) => {
  await page.getByTestId('tab-ranges').click();
  await page.getByTestId('port-filter').fill(String(port));
  await expect.poll(() => page.getByTestId('port-verdict').innerText()).toContain(String(port));
};

export const mutatingCommands = (current: AppPage) =>
  current.harness.windows.runner.calls
    .map((c) => `${c.command} ${c.args.join(' ')}`)
    .filter((line) => / (add|delete|set|reset) /.test(line) || /^net (stop|start) /.test(line));

test.describe('(a) one verdict: the Reserved-ports box and the doctor agree', () => {
  test('50000 (administered, fresh demo) is protected in both views; nothing says "delete to use"', async ({
    pages,
  }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved' });
    await filterRanges(page, 50000);
    const box = await page.getByTestId('port-verdict').innerText();
    expect(box).toMatch(/50000 is protected by the administered exclusion 50000–50059 \(TCP\/IPv4, TCP\/IPv6\)/);
    expect(box).not.toMatch(/delete the exclusion to use/i);

    await diagnose(page, 50000);
    const answer = page.getByTestId('doctor-answer');
    await expect.poll(() => page.getByTestId('doctor-free').getAttribute('data-status')).toBe('protected');
    expect(await answer.innerText()).toMatch(/Port 50000 is protected/);
    // Protected means Windows does not hand it out: no dynamic-range warning, no "Delete the exclusion".
    expect(await answer.innerText()).not.toMatch(/hand it to any program|Delete the exclusion/);
    expect(await page.locator('[data-testid="doctor-cause"]').count()).toBe(1);
    await screenshot(page, 'one-verdict-50000');
  });
});

test.describe('(b) protect covers both IP versions by default', () => {
  test('8065 on hyperv-reserved: one change adds TCP/IPv4 and TCP/IPv6; box and doctor say protected', async ({
    pages,
  }) => {
    const app = await pages.open({ scenario: 'hyperv-reserved' });
    const { page } = app;
    await filterRanges(page, 8065);
    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    await expect.poll(() => dialog.getByTestId('protect-start-port').inputValue()).toBe('8065');
    expect(await dialog.getByRole('radio', { name: 'IPv4 and IPv6' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    expect(mutatingCommands(app)).toEqual([
      'net stop winnat',
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'netsh interface ipv6 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'net start winnat',
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => page.getByTestId('port-verdict').innerText())
      .toMatch(/8065 is protected by the administered exclusion 8065–8065 \(TCP\/IPv4, TCP\/IPv6\)/);
    expect(await page.getByTestId('port-verdict').innerText()).not.toMatch(/delete the exclusion to use/i);

    await diagnose(page, 8065);
    await expect.poll(() => page.getByTestId('doctor-free').getAttribute('data-status')).toBe('protected');
    expect(await page.getByTestId('doctor-answer').innerText()).not.toMatch(/Not protected in|Delete the exclusion/);
    await screenshot(page, 'one-verdict-8065-protected-both');
  });
});

test.describe('(e) protect checks the port is free before stopping WinNAT', () => {
  test('a port node.exe listens on is refused with the owner and PID; WinNAT is never stopped', async ({ pages }) => {
    const app = await pages.open({ scenario: 'clean' });
    const { page } = app;
    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    await dialog.getByTestId('protect-start-port').fill('3000');
    await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).click();
    await expect.poll(() => dialog.innerText()).toMatch(/in use by node\.exe \(PID \d+\)/);
    expect(await dialog.innerText()).toMatch(/nothing was changed/);
    expect(mutatingCommands(app)).toEqual([]);
    await screenshot(page, 'one-verdict-protect-in-use');
  });
});

test.describe('(f) without WinNAT, nothing speaks of stopping or restarting it', () => {
  test('winnat-absent: the dialog, its button and the system-row tooltips match; no net stop/start runs', async ({
    pages,
  }) => {
    const app = await pages.open({ scenario: 'winnat-absent' });
    const { page } = app;
    const row = page
      .getByTestId('ranges-table-tcp-ipv4')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '2869', exact: true }) });
    await row.getByRole('button', { name: /Delete 2869/ }).hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toMatch(/WinNAT is not installed here/);
    expect(await page.getByRole('tooltip').innerText()).not.toMatch(/restart WinNAT/i);

    await page.getByTestId('protect-port-open').click();
    const dialog = page.getByTestId('protect-port-dialog');
    await expect.poll(() => dialog.getByTestId('protect-no-winnat').innerText()).toMatch(/WinNAT is not installed/);
    expect(await dialog.innerText()).not.toMatch(/WinNAT will be stopped/);
    expect(await dialog.getByRole('button', { name: 'Stop WinNAT and protect' }).count()).toBe(0);
    await dialog.getByTestId('protect-start-port').fill('8100');
    await dialog.getByRole('button', { name: 'Protect', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    expect(mutatingCommands(app)).toEqual([
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8100 numberofports=1 store=persistent',
      'netsh interface ipv6 add excludedportrange protocol=tcp startport=8100 numberofports=1 store=persistent',
    ]);
    await screenshot(page, 'one-verdict-winnat-absent');
  });
});

test.describe('(d) firewall truth on the Forwarding tab', () => {
  const firewallCell = (page: Page, listen: string) =>
    page.locator(`[data-testid="rule-row"][data-listen="${listen}"]`).getByTestId('rule-firewall');

  test('0.0.0.0:2222 shows Yes, naming the user\'s inbound rule "WSL SSH 2222"', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'forwarding' });
    await page.getByTestId('tab-forwarding').click();
    await expect.poll(() => firewallCell(page, '0.0.0.0:2222').getAttribute('data-state')).toBe('yes');
    expect(await firewallCell(page, '0.0.0.0:2222').getAttribute('data-rules')).toBe('WSL SSH 2222');
    expect(await firewallCell(page, '0.0.0.0:2222').innerText()).toBe('Yes');
    await firewallCell(page, '0.0.0.0:2222').hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toMatch(/WSL SSH 2222/);
    await screenshot(page, 'one-verdict-firewall-truth');
  });

  test('a firewall read that fails shows Unknown, never a guessed No, and changes nothing', async ({ pages }) => {
    const app = await pages.open({ scenario: 'forwarding' });
    const { page } = app;
    app.harness.windows.runner.injectFault({
      match: { command: 'netsh', argsIncludes: ['advfirewall', 'show'] },
      // A timed-out read is the same "unknown" (rule-service.test.ts); a failure keeps this test fast.
      kind: 'fail',
      once: false,
    });
    await page.getByTestId('tab-forwarding').click();
    await expect.poll(() => firewallCell(page, '0.0.0.0:2222').getAttribute('data-state')).toBe('unknown');
    expect(await firewallCell(page, '0.0.0.0:2222').innerText()).toBe('Unknown');
    expect(mutatingCommands(app)).toEqual([]);
  });
});

test.describe('(g) system owners: explained, never killed', () => {
  const ownerRow = (page: Page, port: number, pid: number) =>
    page.locator(`[data-testid="owner-row"][data-port="${port}"][data-pid="${pid}"]`).first();

  test('445 is SMB (not HTTP.sys); the doctor explains PID 4 instead of offering "Kill System"', async ({ pages }) => {
    const app = await pages.open({ scenario: 'clean' });
    const { page } = app;
    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('445');
    await expect.poll(() => ownerRow(page, 445, 4).innerText()).toMatch(/SMB file sharing/);
    expect(await ownerRow(page, 445, 4).innerText()).not.toMatch(/HTTP\.sys/);

    await diagnose(page, 445);
    const answer = page.getByTestId('doctor-answer');
    await expect.poll(() => answer.innerText()).toMatch(/SMB file sharing/);
    expect(await page.getByTestId('doctor-fix-kill').count()).toBe(0);
    expect(await page.getByTestId('doctor-no-kill').innerText()).toMatch(/PID 4 is Windows itself/);
    expect(app.harness.windows.runner.calls.filter((c) => c.command === 'taskkill')).toEqual([]);
    await screenshot(page, 'one-verdict-445-smb');
  });

  test('the svchost hosting RpcSs (135) cannot be killed: the doctor and the owners table say why', async ({
    pages,
  }) => {
    const app = await pages.open({ scenario: 'clean' });
    const { page } = app;
    await diagnose(page, 135);
    expect(await page.getByTestId('doctor-fix-kill').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('doctor-no-kill').innerText())
      .toMatch(/svchost\.exe hosts RpcSs, a service Windows cannot run without/);

    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('135');
    const kill = ownerRow(page, 135, 1028).getByTestId('owner-kill');
    await expect.poll(() => kill.count()).toBe(1);
    expect((await kill.isDisabled()) || (await kill.getAttribute('aria-disabled')) === 'true').toBe(true);
    await kill.hover();
    await expect.poll(() => page.getByRole('tooltip').innerText()).toMatch(/a service Windows cannot run without/);
    expect(app.harness.windows.runner.calls.filter((c) => c.command === 'taskkill')).toEqual([]);
  });
});
