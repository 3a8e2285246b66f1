/**
 * Every screen in every look a user can have: 1280x800 and 1000x700, light and dark, English and
 * Korean (the OS language the app follows). `npm run screenshots` writes the PNGs to out/screens/ for a
 * person to look at; the curated ones that illustrate a change live in e2e/screenshots/.
 *
 * Looking is the point, but each shot also checks what a screenshot cannot hide: the page never
 * scrolls sideways (a table wider than the window pushes its actions out of reach), every button's
 * label fits (no clipped text) and nothing logged a console error (the `pages` fixture).
 * Not part of `npm test`: 80 shots take minutes, and the specs already cover each screen's behaviour.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from '../harness/build';
import { expect, test } from '../support';

const OUT = path.join(REPO_ROOT, 'out/screens');

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1000, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;
const LANGUAGES = [
  { tag: 'en', locale: 'en-US' },
  { tag: 'ko', locale: 'ko-KR' },
] as const;

interface Screen {
  readonly name: string;
  readonly scenario: string;
  /** Brings the app to the screen; the app is ready and on its first view when this runs. */
  readonly show: (page: Page) => Promise<void>;
}

const tab = (id: string, ready: string) => async (page: Page) => {
  await page.getByTestId(id).click();
  await expect(page.getByTestId(ready).first()).toBeVisible();
};

const SCREENS: readonly Screen[] = [
  {
    name: 'ranges',
    scenario: 'hyperv-reserved',
    show: async (page) => expect(page.getByTestId('tab-ranges')).toBeVisible(),
  },
  { name: 'forwarding', scenario: 'forwarding', show: tab('tab-forwarding', 'rule-row') },
  {
    name: 'forwarding-add',
    scenario: 'forwarding',
    show: async (page) => {
      await tab('tab-forwarding', 'rule-row')(page);
      await page.getByTestId('add-rule-open').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'forwarding-export',
    scenario: 'forwarding',
    show: async (page) => {
      await tab('tab-forwarding', 'rule-row')(page);
      await page.getByTestId('export-open').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'forwarding-import',
    scenario: 'forwarding',
    show: async (page) => {
      await tab('tab-forwarding', 'rule-row')(page);
      await page.getByTestId('import-open').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'forwarding-backups',
    scenario: 'forwarding',
    show: async (page) => {
      await tab('tab-forwarding', 'rule-row')(page);
      await page.getByTestId('backups-open').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  { name: 'forwarding-wsl', scenario: 'wsl-nat', show: tab('tab-forwarding', 'wsl-panel') },
  { name: 'owners', scenario: 'clean', show: tab('tab-owners', 'owners-view') },
  {
    name: 'doctor',
    scenario: 'hyperv-reserved',
    show: async (page) => {
      await page.getByTestId('tab-doctor').click();
      await page.getByTestId('doctor-port').fill('8065');
      await page.getByTestId('doctor-check').click();
      await expect(page.getByTestId('doctor-cause').first()).toBeVisible();
    },
  },
  { name: 'map', scenario: 'hyperv-reserved', show: tab('tab-map', 'port-map') },
  {
    name: 'activity',
    scenario: 'forwarding',
    show: async (page) => {
      await page.getByTestId('activity-open').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'settings',
    scenario: 'clean',
    show: async (page) => {
      await page.getByTestId('settings-open').click();
      await expect(page.getByTestId('autostart-switch')).toBeVisible();
    },
  },
];

/** Elements whose text is cut: a button or tab narrower than its label, or a page wider than the window. */
const layoutFaults = (page: Page) =>
  page.evaluate(() => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) faults.push(`page scrolls sideways: ${root.scrollWidth}px`);
    for (const element of document.querySelectorAll<HTMLElement>('button, [role="tab"]')) {
      if (element.offsetParent === null) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        faults.push(`clipped: "${element.innerText.trim().slice(0, 40)}" (${element.dataset.testid ?? 'no id'})`);
      }
    }
    return faults;
  });

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    for (const size of SIZES) {
      for (const theme of THEMES) {
        for (const language of LANGUAGES) {
          const look = `${size.width}x${size.height}-${language.tag}-${theme}`;
          test(look, async ({ pages }) => {
            const { page } = await pages.open({
              scenario: screen.scenario,
              uiLocale: language.locale,
              colorScheme: theme,
              viewport: size,
              // The look with Windows' animations on, as most users have it.
              reducedMotion: 'no-preference',
            });
            await screen.show(page);
            // Let transitions (drawers, dialogs) settle so the picture is what a user would look at.
            await page.waitForTimeout(400);
            mkdirSync(OUT, { recursive: true });
            await page.screenshot({ path: path.join(OUT, `${screen.name}-${look}.png`) });
            expect(await layoutFaults(page)).toEqual([]);
          });
        }
      }
    }
  });
}
