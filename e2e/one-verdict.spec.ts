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
