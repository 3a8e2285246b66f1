/**
 * Issue #14 end to end: a forwarding rule that follows a WSL distro, re-synced after the WSL VM
 * restarted with a new address and kept waiting while the distro is stopped; mirrored networking
 * explained instead of forwarded; Docker's published port named by its container in the owners
 * table and the doctor. Over the simulated Windows (scenarios wsl-nat and wsl-mirrored: Ubuntu
 * running, Debian stopped, redis-cache publishing 6379).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './harness/build';
import { expect, test, type AppPage, type AppPages, type OpenOptions } from './support';

const SHOTS = path.join(REPO_ROOT, 'out/screenshots');
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

const ruleCommands = (app: AppPage) =>
  app.harness.windows.runner.calls
    .map((c) => `${c.command} ${c.args.join(' ')}`)
    .filter((line) => /portproxy (add|set|delete|reset)|advfirewall firewall (add|delete)/.test(line));

const row = (page: Page, listen: string) => page.locator(`[data-testid="rule-row"][data-listen="${listen}"]`);
const vmAddress = (app: AppPage) => app.harness.windows.runner.machine.wsl!.vmAddress;

const openForwarding = async (pages: AppPages, options: OpenOptions = {}) => {
  const app = await pages.open({ scenario: 'wsl-nat', ...options });
  await app.page.getByTestId('tab-forwarding').click();
  return app;
};

/** Opens Add rule with "A WSL distro" chosen and the listen and connect ports filled in. */
const fillWslRule = async (page: Page, { listenPort = '8080', connectPort = '80' } = {}) => {
  await page.getByTestId('add-rule-open').click();
  const dialog = page.getByTestId('add-rule-dialog');
  await dialog.getByRole('radio', { name: /A WSL distro|WSL 배포판/ }).check();
  await dialog.getByTestId('wsl-listenPort').fill(listenPort);
  await dialog.getByTestId('wsl-connectPort').fill(connectPort);
  return dialog;
};

test.describe('WSL targets', () => {
  test('adds a rule to Ubuntu, follows it to its new address, then waits while it is stopped', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page, harness } = app;
    const runner = harness.windows.runner;
    const first = vmAddress(app)!;
    await expect.poll(() => page.getByTestId('wsl-distros').innerText()).toMatch(/Ubuntu[\s\S]*running/);

    const dialog = await fillWslRule(page);
    await expect.poll(() => dialog.getByTestId('wsl-distro').inputValue()).toBe('Ubuntu');
    await expect.poll(() => dialog.getByTestId('wsl-distro-address').innerText()).toContain(first);
    await dialog.getByTestId('rule-firewall').check();
    expect(await dialog.getByTestId('rule-command').innerText()).toBe(
      `netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=${first} connectport=80`,
    );
    await shot(page, 'wsl-add-dialog-1280-light-en');
    // Enter in a text box submits, as in the other forms.
    await dialog.getByTestId('wsl-connectPort').press('Enter');
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const target = row(page, '0.0.0.0:8080').getByTestId('rule-wsl-target');
    await expect.poll(() => target.getAttribute('data-state')).toBe('following');
    await expect.poll(() => target.innerText()).toMatch(new RegExp(`Ubuntu \\(${first.replace(/\./g, '\\.')}\\)`));
    expect(await target.innerText()).toMatch(/added just now/);

    // The WSL VM restarts (a reboot, `wsl --shutdown`): Ubuntu comes back with a new NAT address.
    await runner.run('wsl', ['--shutdown']);
    await runner.run('wsl', ['-d', 'Ubuntu', '-e', 'true']);
    const second = vmAddress(app)!;
    expect(second).not.toBe(first);

    await page.getByTestId('wsl-resync').click();
    const result = page.getByTestId('wsl-sync-result');
    await expect.poll(() => result.getAttribute('data-moved')).toBe('1');
    expect(await result.getByTestId('wsl-sync-moved').innerText()).toContain(
      `0.0.0.0:8080 → Ubuntu: ${first} → ${second}`,
    );
    await expect.poll(() => target.innerText()).toContain(`Ubuntu (${second})`);
    expect(await target.innerText()).toMatch(/moved just now/);
    // Our firewall rule for the port is still there, in Windows and in the table.
    expect(await row(page, '0.0.0.0:8080').getByTestId('rule-firewall').getAttribute('data-state')).toBe('yes');
    expect(runner.machine.firewallRules.map((r) => r.name)).toContain('Portwarden portproxy TCP 8080');
    expect(runner.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe(`${second}/80`);
    await shot(page, 'wsl-resynced-1280-light-en');

    const moveCommand = `netsh interface portproxy set v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=${second} connectport=80`;
    expect(ruleCommands(app)).toEqual([
      `netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=${first} connectport=80`,
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 8080 dir=in action=allow protocol=TCP localport=8080',
      moveCommand,
    ]);

    // Ubuntu stops: the rule waits as it is (never deleted, nothing started).
    await runner.run('wsl', ['--shutdown']);
    await page.getByTestId('wsl-resync').click();
    await expect.poll(() => target.getAttribute('data-state')).toBe('waiting');
    expect(await target.innerText()).toMatch(/waiting: Ubuntu is stopped/);
    await expect.poll(() => result.getByTestId('wsl-sync-waiting').innerText()).toContain('0.0.0.0:8080 → Ubuntu');
    expect(runner.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe(`${second}/80`);
    expect(runner.machine.wsl!.distros.every((d) => d.state === 'Stopped')).toBe(true);
    expect(ruleCommands(app).at(-1)).toBe(moveCommand);
    await shot(page, 'wsl-waiting-1280-light-en');

    // The activity drawer lists the move as the netsh set it ran, under the re-sync.
    await page.getByTestId('activity-open').click();
    const drawer = page.getByTestId('activity-drawer');
    const resyncs = drawer.locator('[data-testid="activity-operation"][data-operation="wsl-resync"]');
    await expect.poll(() => resyncs.filter({ hasText: moveCommand }).count()).toBe(1);
    expect(await resyncs.filter({ hasText: moveCommand }).innerText()).toMatch(/Re-sync the WSL rules/);
    await shot(page, 'wsl-activity-1280-light-en');
  });

  test('refuses a stopped distro, a distro gone, an unreadable address and a broken .wslconfig', async ({ pages }) => {
    const app = await openForwarding(pages);
    const { page, harness } = app;
    const machine = harness.windows.runner.machine;

    // A stopped distro: the reason, and nothing to confirm.
    let dialog = await fillWslRule(page);
    await dialog.getByTestId('wsl-distro').selectOption('Debian');
    await expect.poll(() => dialog.getByTestId('wsl-distro-note').innerText()).toMatch(/Debian is stopped/);
    expect(await dialog.getByRole('button', { name: 'Add', exact: true }).isDisabled()).toBe(true);
    await dialog.getByTestId('wsl-distro').selectOption('Ubuntu');

    // Uninstalled after the dialog read the list: the main process names it and changes nothing.
    machine.wsl!.distros = machine.wsl!.distros.filter((d) => d.name !== 'Ubuntu');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/"Ubuntu" is not an installed WSL/);
    await shot(page, 'wsl-not-installed-1280-light-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Back, but its address cannot be read (ip fails inside the distro).
    machine.wsl!.distros.unshift({ name: 'Ubuntu', state: 'Running', version: 2, isDefault: true, openPorts: [80] });
    dialog = await fillWslRule(page);
    await expect.poll(() => dialog.getByTestId('wsl-distro').inputValue()).toBe('Ubuntu');
    harness.windows.runner.injectFault({ match: { command: 'wsl', argsIncludes: ['-e', 'ip'] }, kind: 'fail' });
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toMatch(/Nothing was changed: the address of Ubuntu could not be read/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A .wslconfig WSL would not take: the mode cannot be told, so no rule can follow a distro.
    machine.wsl!.wslconfig = '[wsl2]\r\nnetworkingMode=fast\r\n';
    await page.getByTestId('add-rule-open').click();
    dialog = page.getByTestId('add-rule-dialog');
    await expect
      .poll(() => dialog.getByTestId('rule-target-reason').innerText())
      .toMatch(/cannot be told.*line 2: networkingMode "fast"/);
    expect(await dialog.getByRole('radio', { name: 'A WSL distro' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('wsl-unknown').innerText()).toMatch(/line 2/);
    await shot(page, 'wsl-unknown-mode-1280-light-en');
    expect(ruleCommands(app)).toEqual([]);
  });

  test('in mirrored mode explains that portproxy is not needed and shows the Hyper-V firewall command', async ({
    pages,
  }) => {
    const app = await openForwarding(pages, { scenario: 'wsl-mirrored', colorScheme: 'dark' });
    const { page } = app;
    const bar = page.getByTestId('wsl-mirrored');
    await expect.poll(() => bar.innerText()).toMatch(/portproxy is not needed[\s\S]*localhost/);
    await bar.getByTestId('wsl-firewall-toggle').click();
    expect(await bar.getByTestId('wsl-firewall-command').innerText()).toBe(
      "Set-NetFirewallHyperVVMSetting -Name '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}' -DefaultInboundAction Allow",
    );
    expect(await bar.getByTestId('wsl-firewall-toggle').getAttribute('aria-expanded')).toBe('true');
    await shot(page, 'wsl-mirrored-1280-dark-en');

    await page.getByTestId('add-rule-open').click();
    const dialog = page.getByTestId('add-rule-dialog');
    await expect.poll(() => dialog.getByTestId('rule-target-reason').innerText()).toMatch(/mirrored networking/);
    expect(await dialog.getByRole('radio', { name: 'A WSL distro' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The doctor: Windows and WSL share the port space, as its own cause.
    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('doctor-port').fill('8080');
    await page.getByTestId('doctor-check').click();
    const card = page.locator('[data-testid="doctor-cause"][data-kind="wsl-mirrored"]');
    await expect.poll(() => card.innerText()).toMatch(/share one port space[\s\S]*Ubuntu/);
    expect(await card.getByTestId('doctor-wsl-command').innerText()).toBe("ss -tlnp 'sport = :8080'");
    await shot(page, 'wsl-mirrored-doctor-1280-dark-en');
    expect(ruleCommands(app)).toEqual([]);
  });
});

test.describe('Docker containers', () => {
  test('names the container of a published port in owners and the doctor; absent Docker is a note', async ({
    pages,
  }) => {
    const app = await pages.open({ scenario: 'wsl-nat' });
    const { page, harness } = app;
    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('6379');
    const owner = page.locator('[data-testid="owner-row"][data-port="6379"]').first();
    await expect
      .poll(() => owner.innerText())
      .toMatch(/com\.docker\.backend\.exe[\s\S]*redis-cache \(6379→6379\/tcp\) · Docker published port/);
    await shot(page, 'docker-owners-1280-light-en');

    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('doctor-port').fill('6379');
    await page.getByTestId('doctor-check').click();
    await expect
      .poll(() => page.getByTestId('doctor-container').innerText())
      .toBe('Container redis-cache (6379→6379/tcp)');
    await shot(page, 'docker-doctor-1280-light-en');

    // Docker Desktop stops: the port is still explained, only not named, and that is a note.
    harness.windows.runner.machine.docker!.running = false;
    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('63');
    await expect
      .poll(() => page.getByTestId('owners-count').innerText())
      .toMatch(/Containers are not named: Docker Desktop is not running\.$/);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  test('in Korean: the WSL rule, the re-sync and the container', async ({ pages }) => {
    const app = await openForwarding(pages, {
      uiLocale: 'ko-KR',
      locale: 'ko',
      viewport: { width: 1000, height: 700 },
      colorScheme: 'dark',
    });
    const { page, harness } = app;
    const dialog = await fillWslRule(page);
    await expect.poll(() => dialog.getByTestId('wsl-distro-address').innerText()).toMatch(/^현재 주소: 172\./);
    expect(await dialog.innerText()).toMatch(/이 규칙은 Ubuntu을\(를\) 따라갑니다/);
    await shot(page, 'wsl-add-dialog-1000-dark-ko');
    await dialog.getByRole('button', { name: '추가', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: '닫기' }).click();

    await harness.windows.runner.run('wsl', ['--shutdown']);
    await harness.windows.runner.run('wsl', ['-d', 'Ubuntu', '-e', 'true']);
    await page.getByTestId('wsl-resync').click();
    await expect.poll(() => page.getByTestId('wsl-sync-result').innerText()).toMatch(/규칙 1개를 옮겼습니다/);
    await expect
      .poll(() => row(page, '0.0.0.0:8080').getByTestId('rule-wsl-target').innerText())
      .toMatch(/Ubuntu \(172\.[\d.]+\)[\s\S]*옮김/);
    await shot(page, 'wsl-resynced-1000-dark-ko');

    await harness.windows.runner.run('wsl', ['--shutdown']);
    await page.getByTestId('wsl-resync').click();
    await expect
      .poll(() => row(page, '0.0.0.0:8080').getByTestId('rule-wsl-target').innerText())
      .toMatch(/대기 중: Ubuntu 중지됨/);

    await page.getByTestId('tab-doctor').click();
    await page.getByTestId('doctor-port').fill('6379');
    await page.getByTestId('doctor-check').click();
    await expect
      .poll(() => page.getByTestId('doctor-container').innerText())
      .toBe('컨테이너 redis-cache (6379→6379/tcp)');
    await shot(page, 'docker-doctor-1000-dark-ko');

    // The reason Docker was not read is said in Korean too, not in the main process's English.
    harness.windows.runner.machine.docker!.running = false;
    await page.getByTestId('tab-owners').click();
    await page.getByTestId('owners-filter').fill('63');
    await expect
      .poll(() => page.getByTestId('owners-count').innerText())
      .toMatch(/컨테이너 이름을 알 수 없습니다: Docker Desktop이 실행 중이 아닙니다\.$/);
  });
});
