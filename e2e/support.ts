/**
 * Shared e2e plumbing: one harness + one Chromium page per test, waiting on the app-ready signal.
 * Chromium is Debian's (/usr/bin/chromium) or PORTWARDEN_CHROMIUM; never a downloaded browser.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './harness/build';
import { startHarness, type Harness, type HarnessOptions } from './harness/server';

export const CHROMIUM = process.env.PORTWARDEN_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'e2e/screenshots');

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });

export interface AppPage {
  readonly harness: Harness;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Collected console errors and page errors: a clean run has none. */
  readonly errors: string[];
  close(): Promise<void>;
}

export const openApp = async (
  browser: Browser,
  options: HarnessOptions & {
    uiLocale?: string;
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
  } = {},
): Promise<AppPage> => {
  const harness = await startHarness(options);
  const context = await browser.newContext({
    locale: options.uiLocale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 860 },
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

/**
 * One browser per spec file and one app page per test; after each test the page must have logged
 * no console errors (CSP violations, React warnings, failed requests).
 */
export const useAppPages = () => {
  let browser: Browser | undefined;
  let current: AppPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const errors = current?.errors ?? [];
    await current?.close();
    current = undefined;
    expect(errors).toEqual([]);
  });
  return {
    async open(options: Parameters<typeof openApp>[1] = {}): Promise<AppPage> {
      current = await openApp(browser!, options);
      return current;
    },
  };
};
