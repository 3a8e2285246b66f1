import { defineConfig } from '@playwright/test';

/**
 * Browser e2e on Playwright Test: the real renderer, the real preload and the real router over the
 * simulated Windows (the browser harness), plus the real Electron app where a binary exists.
 *
 * Chromium is Debian's (/usr/bin/chromium) or PORTWARDEN_CHROMIUM; never a downloaded browser, so
 * `npx playwright install` is never needed. One worker: CI machines have two cores and each test
 * drives a browser plus the app core in the same process. No retries: a test that passes on its
 * second try is a flaky test, and the run must say so rather than hide it.
 */
const CHROMIUM = process.env.PORTWARDEN_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // Builds the renderer and the harness preload once for all specs.
  globalSetup: './e2e/global-setup.ts',
  // Traces and failure screenshots; kept apart from out/test-results, which holds every suite's report
  // and which Playwright would otherwise empty at its start. npm test passes its own report file and
  // artifacts folder (PORTWARDEN_E2E_REPORT, PORTWARDEN_E2E_ARTIFACTS): a direct `playwright test` run
  // at the same time in the same tree then neither overwrites its report nor empties its artifacts.
  outputDir: process.env.PORTWARDEN_E2E_ARTIFACTS ?? 'out/e2e-artifacts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  // A change re-reads Windows before it reports; on a loaded two-core machine that has taken more
  // than Playwright's default 5 s. Passing tests do not wait longer for it, only failing ones.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PORTWARDEN_E2E_REPORT ?? 'out/test-results/e2e.json' }]],
  // Lands in the JSON report: npm test checks it to count only the report its own run wrote.
  metadata: { portwardenTestRun: process.env.PORTWARDEN_TEST_RUN ?? null },
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
    // No trace by default: recording one snapshots the DOM and styles at every action of every test
    // (about a tenth of the page's time, measured), to throw it away when the test passes. To
    // investigate a failure: `npx playwright test --trace retain-on-failure <spec>`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // The browser harness specs, and the crash tests that run the app core in child processes.
      name: 'harness',
      testMatch: '**/*.spec.ts',
      testIgnore: 'electron.spec.ts',
    },
    {
      // Every screen in 8 looks (size, theme, language) for people to look at: `npm run screenshots`.
      // Not in npm test (it names its projects); layout faults still fail it.
      name: 'screens',
      testMatch: '**/*.screens.ts',
    },
    {
      // The real app through Playwright's _electron; skips (allow-listed) where no Electron binary exists.
      name: 'electron',
      testMatch: 'electron.spec.ts',
    },
  ],
});
