/**
 * Issue #11, keyboard and layout: focus goes back to whatever opened a dialog, Enter submits, Del
 * deletes from a row's check box, a table toolbar is one tab stop, disabled buttons are no tab stops,
 * the port map works from the keyboard and every colour on it has 3:1 against what it sits on, fields
 * with errors leave their neighbours in place, the owners table is the page's one scroll area, and
 * Korean breaks between words.
 */
import type { Page } from '@playwright/test';
import { MAP_MARKS } from '../renderer/features/map/map-tokens';
import { expect, test, type AppPages, type OpenOptions } from './support';

/** data-testid of the focused element, or its tag when it has none. */
const focusedId = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.dataset.testid ?? active?.tagName.toLowerCase() ?? null;
  });

const openForwarding = async (pages: AppPages, options: OpenOptions = {}) => {
  const app = await pages.open({ scenario: 'forwarding', ...options });
  await app.page.getByTestId('tab-forwarding').click();
  await expect.poll(() => app.page.locator('[data-testid="rule-row"]').count()).toBe(5);
  return app;
};

const row = (page: Page, listen: string) => page.locator(`[data-testid="rule-row"][data-listen="${listen}"]`);

/** WCAG 2.x relative luminance and contrast of two CSS colours, computed in the page from what it paints. */
const contrastIn = (page: Page, pairs: readonly (readonly [string, string])[]) =>
  page.evaluate((list) => {
    const rgb = (css: string): [number, number, number] => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!];
    };
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return list.map(([a, b]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    });
  }, pairs);

test.describe('focus and keys', () => {
  test('closing a dialog or a drawer gives focus back to the button that opened it', async ({ pages }) => {
    const { page } = await openForwarding(pages);
    for (const id of ['add-rule-open', 'import-open', 'reset-rules-open']) {
      await page.getByTestId(id).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      await expect.poll(() => focusedId(page), id).toBe(id);
    }
    await page.getByTestId('restart-winnat').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('restart-winnat-dialog').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focusedId(page)).toBe('restart-winnat');

    await page.getByTestId('activity-open').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('activity-drawer').isVisible()).toBe(true);
    // Escape reaches the drawer once focus is in it, as it is by the time a user sees it; on a loaded
    // machine the drawer can paint a moment before it takes focus.
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('[data-testid="activity-drawer"]')?.contains(document.activeElement),
        ),
      )
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('activity-drawer').isVisible()).toBe(false);
    await expect.poll(() => focusedId(page)).toBe('activity-open');
  });

  test('Enter in the Add rule form adds the rule', async ({ pages }) => {
    const { page } = await openForwarding(pages);
    await page.getByTestId('add-rule-open').click();
    const dialog = page.getByTestId('add-rule-dialog');
    await dialog.getByTestId('rule-listenAddress').fill('0.0.0.0');
    await dialog.getByTestId('rule-listenPort').fill('3011');
    await dialog.getByTestId('rule-connectAddress').fill('10.0.0.5');
    await dialog.getByTestId('rule-connectPort').fill('3011');
    await dialog.getByTestId('rule-connectPort').press('Enter');
    await expect.poll(() => dialog.getByTestId('change-report').getAttribute('data-outcome')).toBe('applied');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row(page, '0.0.0.0:3011').count()).toBe(1);
  });

  test('Del on a row check box opens the delete question for the selected rules', async ({ pages }) => {
    const { page } = await openForwarding(pages);
    const box = row(page, '0.0.0.0:8080').getByRole('checkbox');
    await box.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('delete-rules-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toMatch(/0\.0\.0\.0:8080/);
  });

  test('saving an inline edit with Enter puts focus back on the row', async ({ pages }) => {
    const { page } = await openForwarding(pages);
    await row(page, '127.0.0.1:8081').getByTestId('rule-edit').click();
    const port = page.getByTestId('edit-connectPort');
    await port.fill('9091');
    await port.press('Enter');
    await expect.poll(() => page.locator('[data-editing="true"]').count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('rule-edit');
    const focusedRow = await page.evaluate(() =>
      document.activeElement?.closest('[data-testid="rule-row"]')?.getAttribute('data-listen'),
    );
    expect(focusedRow).toBe('127.0.0.1:8081');
  });

  test('the rules toolbar is one tab stop, its buttons reached with the arrow keys', async ({ pages }) => {
    const { page } = await openForwarding(pages);
    await page.getByTestId('add-rule-open').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe('delete-rules-open');
    await page.keyboard.press('Tab');
    const inToolbar = await page.evaluate(
      () => document.activeElement?.closest('[data-testid="rules-toolbar"]') !== null,
    );
    expect(inToolbar).toBe(false);
  });

  test('disabled buttons are no tab stops (only a toolbar keeps its unavailable actions reachable)', async ({
    pages,
  }) => {
    const { page } = await pages.open({ scenario: 'not-elevated' });
    await expect.poll(() => page.getByTestId('ranges-table-tcp-ipv4').getByRole('row').count()).toBeGreaterThan(3);
    const stops: { id: string | null; disabled: boolean; toolbar: boolean }[] = [];
    await page.locator('body').focus();
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || active === document.body) return null;
        return {
          id: active.dataset.testid ?? active.getAttribute('aria-label') ?? active.tagName,
          disabled: active.getAttribute('aria-disabled') === 'true' || active.matches(':disabled'),
          toolbar: active.closest('[role="toolbar"]') !== null,
        };
      });
      if (stop === null) break;
      stops.push(stop);
    }
    expect(stops.length).toBeGreaterThan(5);
    expect(stops.filter((stop) => stop.disabled && !stop.toolbar)).toEqual([]);
    // The system rows' Delete buttons still say why on hover.
    const system = page
      .getByTestId('ranges-table-tcp-ipv4')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '8031', exact: true }) });
    await system.getByRole('button', { name: /Delete 8031/ }).hover({ force: true });
    await expect.poll(() => page.getByRole('tooltip').count()).toBeGreaterThan(0);
  });
});

test.describe('port map from the keyboard', () => {
  test('arrows move a cursor that is announced, Enter opens its port in the doctor', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved' });
    await page.getByTestId('tab-map').click();
    const canvas = page.getByTestId('port-map-canvas');
    await expect.poll(() => canvas.getAttribute('aria-valuetext')).toMatch(/^Port \d+/);
    // Reach it by Tab, as a keyboard user does: the IP version radios come right before it.
    await page.getByTestId('port-map-ip-version').getByRole('radio', { name: 'IPv4' }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('port-map-canvas');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => canvas.getAttribute('aria-valuenow')).toBe('0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => canvas.getAttribute('aria-valuenow')).toBe(String(1 + 1024 + 64));
    await expect.poll(() => page.getByTestId('port-map-tooltip').innerText()).toMatch(/Port 1089/);
    // Ctrl+Right jumps to where something starts: the hyperv scenario reserves 8031–8130 (TCP IPv4).
    for (let i = 0; i < 40 && (await canvas.getAttribute('aria-valuenow')) !== '8031'; i += 1)
      await page.keyboard.press('Control+ArrowRight');
    await expect.poll(() => canvas.getAttribute('aria-valuenow')).toBe('8031');
    expect(await canvas.getAttribute('aria-valuetext')).toMatch(/8031.*8031–8130|8031–8130/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('doctor-view').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('doctor-port').inputValue()).toBe('8031');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every colour on the map has 3:1 against what it sits on (${colorScheme})`, async ({ pages }) => {
      const { page } = await pages.open({ scenario: 'hyperv-reserved', colorScheme });
      await page.getByTestId('tab-map').click();
      const canvas = page.getByTestId('port-map-canvas');
      await expect.poll(() => canvas.getAttribute('data-palette')).not.toBeNull();
      const palette = JSON.parse((await canvas.getAttribute('data-palette'))!) as Record<string, string>;
      // The card behind the canvas: the first ancestor with a background of its own.
      const surface = await canvas.evaluate((element) => {
        for (let node = element.parentElement; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
        }
        return getComputedStyle(document.body).backgroundColor;
      });
      const pairs = MAP_MARKS.flatMap((mark) => [
        [palette[mark]!, palette.band!] as const,
        [palette[mark]!, surface] as const,
      ]);
      const ratios = await contrastIn(page, [...pairs, [palette.label!, surface]]);
      const named = [...MAP_MARKS.flatMap((mark) => [`${mark} on band`, `${mark} on card`]), 'axis labels on card'].map(
        (name, index) => ({ name, ratio: Math.round(ratios[index]! * 100) / 100 }),
      );
      expect(named.filter((entry) => entry.ratio < 3)).toEqual([]);
      // The legend swatches are painted from the same tokens as the canvas.
      const swatch = await page
        .getByTestId('port-map-legend')
        .locator('li', { hasText: 'Dynamic range' })
        .locator('span')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      const [same] = await contrastIn(page, [[swatch, palette.dynamic!]]);
      expect(same).toBeCloseTo(1, 2);
    });
  }
});

test.describe('layout', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1000, height: 700 },
  ]) {
    test(`the doctor's port box and its errors leave the other controls in place (${viewport.width})`, async ({
      pages,
    }) => {
      const { page } = await pages.open({ scenario: 'hyperv-reserved', viewport });
      await page.getByTestId('tab-doctor').click();
      const portBox = page.getByTestId('doctor-port');
      const tcp = page.getByTestId('doctor-protocol').getByRole('radio', { name: 'TCP' });
      const check = page.getByTestId('doctor-check');
      const before = { tcp: (await tcp.boundingBox())!, check: (await check.boundingBox())! };
      // The Fluent Input's root is the box the user sees; the <input> sits inside it.
      const box = (await portBox.locator('xpath=..').boundingBox())!;
      expect(overlaps(box, before.tcp)).toBe(false);

      await portBox.fill('99999');
      await check.click();
      await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/65535/);
      expect(await portBox.getAttribute('aria-invalid')).toBe('true');
      expect((await tcp.boundingBox())!.y).toBe(before.tcp.y);
      expect((await check.boundingBox())!.y).toBe(before.check.y);

      const watchPort = page.getByTestId('watch-port');
      const watchAdd = page.getByTestId('watch-add');
      const addBefore = (await watchAdd.boundingBox())!;
      await watchPort.fill('abc');
      await watchAdd.click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(2);
      // The row keeps its one line: the button did not move down or wrap.
      expect((await watchAdd.boundingBox())!.y).toBe(addBefore.y);
    });
  }

  test('at 1000x700 the owners table is the one scroll area and reaches the window bottom', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved', viewport: { width: 1000, height: 700 } });
    await page.getByTestId('tab-owners').click();
    const table = page.getByTestId('owners-table');
    await expect.poll(() => table.locator('[role="row"]').count()).toBeGreaterThan(3);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight))
      .toBeLessThanOrEqual(0);
  });

  test('Korean breaks between words: lang="ko" on <html> and word-break: keep-all', async ({ pages }) => {
    const { page } = await pages.open({ scenario: 'hyperv-reserved', locale: 'ko', uiLocale: 'ko-KR' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    const wordBreak = () => page.evaluate(() => getComputedStyle(document.body).wordBreak);
    expect(await wordBreak()).toBe('keep-all');
    // A dialog is portalled outside the app's root: it inherits it too.
    await page.getByTestId('restart-winnat').click();
    const dialogBreak = await page
      .getByTestId('restart-winnat-dialog')
      .evaluate((element) => getComputedStyle(element).wordBreak);
    expect(dialogBreak).toBe('keep-all');
  });
});
