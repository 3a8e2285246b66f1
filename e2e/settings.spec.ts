/**
 * Start with Windows in the settings menu, as an installed app (the harness gives the core a packaged
 * exe path; the simulated schtasks reads the task definition the app writes to its data folder).
 */
import { expect, screenshot, test } from './support';
const EXE = 'C:\\Program Files\\Portwarden\\Portwarden.exe';

test.describe('Start with Windows', () => {
  test('registers the logon task from the switch, with no time limit, and removes it again', async ({ pages }) => {
    const { page, harness } = await pages.open({ scenario: 'hyperv-reserved', installed: true });
    const tasks = () => harness.windows.runner.machine.scheduledTasks;
    await page.getByTestId('settings-open').click();
    const toggle = page.getByTestId('autostart-switch');
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);

    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]).toMatchObject({
      name: 'Portwarden',
      arguments: '--hidden',
      runLevel: 'HighestAvailable',
      executionTimeLimit: 'PT0S',
    });
    expect(await page.getByTestId('autostart-needs-repair').count()).toBe(0);

    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    expect(tasks()).toEqual([]);
  });

  test("offers to repair an older version's task (72-hour limit) and repairs it", async ({ pages }) => {
    const { page, harness } = await pages.open({ scenario: 'hyperv-reserved', installed: true });
    // What the previous version registered: switches only, so Task Scheduler's defaults apply.
    await harness.windows.runner.run('schtasks', [
      '/Create',
      '/TN',
      'Portwarden',
      '/TR',
      `"${EXE}" --hidden`,
      '/SC',
      'ONLOGON',
      '/RL',
      'HIGHEST',
      '/F',
    ]);
    expect(harness.windows.runner.machine.scheduledTasks[0]?.executionTimeLimit).toBe('PT72H');

    await page.getByTestId('settings-open').click();
    const repair = page.getByTestId('autostart-needs-repair');
    await expect.poll(() => repair.count()).toBe(1);
    expect(await page.getByTestId('autostart-switch').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('autostart-switch').isEnabled()).toBe(true);
    // The popover fades in; the picture is taken once it has.
    await page.waitForFunction(() => {
      const surface = document.querySelector('[data-testid="autostart-needs-repair"]')?.closest('.fui-PopoverSurface');
      return surface !== null && surface !== undefined && getComputedStyle(surface).opacity === '1';
    });
    await screenshot(page, 'settings-autostart-needs-repair');

    await page.getByTestId('autostart-repair').click();
    await expect.poll(() => repair.count()).toBe(0);
    expect(harness.windows.runner.machine.scheduledTasks[0]?.executionTimeLimit).toBe('PT0S');
  });

  for (const { uiLocale, suffix, locale } of [
    { uiLocale: 'en-US', suffix: 'en', locale: 'en' },
    { uiLocale: 'ko-KR', suffix: 'ko', locale: 'ko' },
  ]) {
    test(`over-the-shoulder elevation: says who it runs as, refuses Start with Windows, explains notifications (${suffix})`, async ({
      pages,
    }) => {
      const { page, harness } = await pages.open({
        scenario: 'hyperv-reserved',
        installed: true,
        processUser: 'admin',
        uiLocale,
        locale,
        viewport: { width: 1280, height: 800 },
      });
      // The desktop is dev's (explorer.exe runs as DEVBOX\dev); the app was elevated with admin's password.
      harness.windows.runner.machine.processes.push({
        pid: 5120,
        image: 'explorer.exe',
        services: [],
        owner: 'user',
        sessionName: 'Console',
        memKb: 90000,
        user: 'DEVBOX\\dev',
      });
      await page.getByTestId('settings-open').click();
      const warning = page.getByTestId('over-the-shoulder-autostart');
      await expect(warning).toBeVisible();
      await expect(warning).toContainText('admin');
      await expect(warning).toContainText('DEVBOX\\dev');
      await expect(page.getByTestId('over-the-shoulder-notifications')).toContainText('admin');
      const toggle = page.getByTestId('autostart-switch');
      await expect(toggle).toBeDisabled();
      expect(await toggle.isChecked()).toBe(false);
      expect(harness.windows.runner.machine.scheduledTasks).toEqual([]);
      await page.waitForFunction(() => {
        const surface = document
          .querySelector('[data-testid="over-the-shoulder-autostart"]')
          ?.closest('.fui-PopoverSurface');
        return surface !== null && surface !== undefined && getComputedStyle(surface).opacity === '1';
      });
      await screenshot(page, `settings-over-the-shoulder-${suffix}`);
    });
  }
});
