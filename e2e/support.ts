/**
 * Shared e2e plumbing on Playwright Test: a `pages` fixture that opens the app (one harness + one
 * browser context per call) on Playwright's worker browser, waits on the app-ready signal, and after
 * the test closes everything and requires that no page logged a console error (CSP violations, React
 * warnings, failed requests). The browser is the one playwright.config.ts launches: Debian's Chromium
 * or PORTWARDEN_CHROMIUM, never a downloaded one.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect as baseExpect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { REPO_ROOT } from './harness/build';
import { startHarness, type Harness, type HarnessOptions } from './harness/server';

/**
 * Playwright's `expect.poll` waits 100, 250, 500 and then 1,000 ms between tries, and cannot be
 * configured globally. The app answers a click in tens of milliseconds, so most polls failed once and
 * then slept 250 ms or more: seconds per test, minutes per run. Ours tries again after 20, 50, 100
 * and then every 200 ms; a test's own intervals still win. Everything else is Playwright's expect.
 */
export const POLL_INTERVALS = [20, 50, 100, 200];

type PollOptions = Exclude<Parameters<typeof baseExpect.poll>[1], string | undefined>;

export const expect: typeof baseExpect = new Proxy(baseExpect, {
  get(target, property, receiver) {
    if (property !== 'poll') return Reflect.get(target, property, receiver) as unknown;
    return (actual: () => unknown, options?: string | PollOptions) =>
      target.poll(
        actual,
        typeof options === 'string'
          ? { message: options, intervals: POLL_INTERVALS }
          : { intervals: POLL_INTERVALS, ...options },
      );
  },
});

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'e2e/screenshots');

export interface AppPage {
  readonly harness: Harness;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Collected console errors and page errors: a clean run has none. */
  readonly errors: string[];
  close(): Promise<void>;
}

export type OpenOptions = HarnessOptions & {
  uiLocale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** 'reduce' unless a test asks for motion: see openApp. */
  reducedMotion?: 'reduce' | 'no-preference';
};

export const openApp = async (browser: Browser, options: OpenOptions = {}): Promise<AppPage> => {
  const harness = await startHarness(options);
  const context = await browser.newContext({
    locale: options.uiLocale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 860 },
    // Windows' "Show animations" off: Fluent's dialogs, drawers and accordions then move in 1 ms
    // instead of 200-300 ms, and Playwright's clicks stop waiting for elements to come to rest. What
    // the tests check does not depend on motion; `npm run screenshots` keeps the default look.
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  // Fail fast: an action on a missing element should fail the test, not wait out the test timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(harness.url);
  await page.waitForSelector('html[data-app-ready="true"]', { timeout: 30_000 });
  return {
    harness,
    context,
    page,
    errors,
    async close() {
      await context.close();
      await harness.close();
    },
  };
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
};

export interface AppPages {
  open(options?: OpenOptions): Promise<AppPage>;
}

/**
 * `test` with the `pages` fixture. Every app a test opened is closed after it, and none of them may
 * have logged a console error; an error found here fails the test it belongs to.
 */
export const test = base.extend<{ pages: AppPages }>({
  pages: async ({ browser }, use) => {
    const opened: AppPage[] = [];
    await use({
      async open(options = {}) {
        const app = await openApp(browser, options);
        opened.push(app);
        return app;
      },
    });
    for (const app of opened) await app.close();
    // Read after closing, so errors logged while closing count too; a test may have cleared the
    // errors it caused on purpose.
    expect(opened.flatMap((app) => app.errors)).toEqual([]);
  },
});
