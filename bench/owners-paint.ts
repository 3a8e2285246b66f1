/**
 * Benchmark 4: keystroke-to-filtered-paint on the owners table with 20,000 rows, virtualized vs not.
 *
 * Filtering is the one interaction on the owners view that touches every row; what the user feels is
 * the time from pressing a key in the filter box to the first frame that shows the filtered table.
 * bench/owners-table/ (another engineer's page) mounts the real owners table with 20,000 synthetic
 * endpoints; it is built with vite, served on 127.0.0.1 and opened in Chromium, once per mode.
 *
 * In the page (page-probe.ts): t0 = performance.now() at the keydown (capture phase, before React
 * sees it); a MutationObserver on the table (the filter box's own mutations ignored) sees the first
 * change after it; two requestAnimationFrame callbacks later the frame with that change has been
 * painted, and t1 is taken. Each measured keystroke types one character into an empty filter (all
 * rows -> the filtered rows); the Backspace that clears it again (filtered -> all rows) is measured
 * the same way and reported as its own row. No warm-up keystroke: the first one is cold, as a user's is.
 * Up to 20 keystrokes per mode, within a time budget per mode (see KEYSTROKE_BUDGET_MS).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  ARM_SCRIPT,
  DONE_SCRIPT,
  installProbeScript,
  READ_SCRIPT,
  READY_SCRIPT,
  ROWS_SCRIPT,
  type ProbeSample,
} from './page-probe';
import type { BenchResult, BenchRatio, BenchRow } from './report';
import { serveFolder } from './static-server';
import { ratio, summarize } from './stats';

export const KEYSTROKES = 20;
/** Endpoints the page renders (bench/owners-table/main.tsx reads `?rows=`, default 20,000). */
const ENDPOINTS = 20_000;
/**
 * Time for the keystrokes of one mode (page load not included). A new character is typed only while
 * this has not run out, and at least once. Virtualized, 20 keystrokes take seconds; without
 * virtualization one keystroke re-renders up to 20,000 rows of Fluent cells and takes 10-40 s on a
 * 2-core machine, so that mode gets as many as fit (its run count is in the table), which keeps
 * `npm run bench` near 3 minutes.
 */
const KEYSTROKE_BUDGET_MS: Readonly<Record<Mode, number>> = { virtualized: 30_000, 'not virtualized': 70_000 };
const KEYSTROKE_TIMEOUT_MS = 60_000;
const READY_TIMEOUT_MS = 90_000;
/**
 * One character per measured keystroke. The filter matches a number as a whole port or PID, text as a
 * substring of image, address and services; over the page's synthetic endpoints each of these letters
 * keeps a different 8-60 % of the 20,000 rows (none keeps all of them or none).
 */
const CHARACTERS = 'abcdghijklmnoprstvwy'.split('');
const FILTER = '[data-testid="owners-filter"]';

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

type Mode = 'virtualized' | 'not virtualized';

export interface OwnersTablePage {
  readonly configFile: string;
  readonly outDir: string;
  /** Page path (with its query) that shows the table in the given mode. */
  readonly pathFor: (mode: Mode) => string;
}

/** Where the page lives and how it picks its mode: bench/owners-table/main.tsx reads `?virtualized=0` (default on) and `?rows=`. */
export const ownersTablePage = (root: string): OwnersTablePage => ({
  configFile: path.join(root, 'bench/owners-table/vite.config.ts'),
  outDir: path.join(root, 'out/bench-owners-table'),
  pathFor: (mode) => `/index.html?virtualized=${mode === 'virtualized' ? '1' : '0'}&rows=${ENDPOINTS}`,
});

const notMeasured = (reason: string, started: number): BenchResult => ({
  id: 'owners-paint',
  title: '4. Keystroke to filtered paint, owners table with 20,000 rows',
  measures: 'not measured',
  rows: [],
  ratios: [],
  notes: [`not measured: ${reason}`],
  durationMs: performance.now() - started,
});

interface ModeResult {
  readonly typed: number[];
  readonly cleared: number[];
  readonly rowsAll: number;
  readonly rowsFiltered: number[];
  readonly matching: number[];
  readonly timeouts: number;
  readonly mountMs: number;
}

/** Presses one key and waits for the probe's sample (or the timeout, which gives null). */
const measureKey = async (page: Page, press: () => Promise<void>): Promise<ProbeSample | null> => {
  await page.evaluate(ARM_SCRIPT);
  await press();
  try {
    await page.waitForFunction(DONE_SCRIPT, undefined, { timeout: KEYSTROKE_TIMEOUT_MS, polling: 20 });
  } catch {
    return null;
  }
  return (await page.evaluate(READ_SCRIPT)) as ProbeSample;
};

const measureMode = async (
  browser: Browser,
  origin: string,
  site: OwnersTablePage,
  mode: Mode,
): Promise<ModeResult> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const t0 = performance.now();
    await page.goto(`${origin}${site.pathFor(mode)}`);
    await page.waitForFunction(READY_SCRIPT, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
    const mountMs = performance.now() - t0;
    await page.evaluate(installProbeScript(FILTER));
    const rowsAll = (await page.evaluate(ROWS_SCRIPT)) as number;
    await page.focus(FILTER);
    const result = {
      typed: [] as number[],
      cleared: [] as number[],
      rowsFiltered: [] as number[],
      matching: [] as number[],
      timeouts: 0,
    };
    const keysStarted = performance.now();
    for (const character of CHARACTERS.slice(0, KEYSTROKES)) {
      if (result.typed.length + result.timeouts > 0 && performance.now() - keysStarted > KEYSTROKE_BUDGET_MS[mode])
        break;
      const typed = await measureKey(page, () => page.keyboard.type(character));
      if (typed) {
        result.typed.push(typed.ms);
        result.rowsFiltered.push(typed.rows);
        result.matching.push(typed.matching);
      } else result.timeouts++;
      const cleared = await measureKey(page, () => page.keyboard.press('Backspace'));
      if (cleared) result.cleared.push(cleared.ms);
      else result.timeouts++;
    }
    return { ...result, rowsAll, mountMs };
  } finally {
    await page.close();
  }
};

export const runOwnersPaintBenchmark = async (root: string): Promise<BenchResult> => {
  const started = performance.now();
  const site = ownersTablePage(root);
  if (!existsSync(site.configFile)) return notMeasured('bench/owners-table missing', started);

  const { build } = await import('vite');
  // 'error': the page's dependencies print Rollup notices about comment placement that say nothing about it.
  await build({ configFile: site.configFile, logLevel: 'error' });
  const server = await serveFolder(site.outDir);
  const browser = await chromium.launch(CHROMIUM);
  const rows: BenchRow[] = [];
  const ratios: BenchRatio[] = [];
  const notes: string[] = [];
  const medians: Partial<Record<Mode, { typed: number; cleared: number }>> = {};
  try {
    for (const mode of ['virtualized', 'not virtualized'] as const) {
      const result = await measureMode(browser, server.origin, site, mode);
      const typed = summarize(result.typed);
      const cleared = summarize(result.cleared);
      medians[mode] = { typed: typed.median, cleared: cleared.median };
      const filteredRows = summarize(result.rowsFiltered).median;
      rows.push({
        label: `${mode}: type 1 char (all -> filtered)`,
        unit: 'ms',
        summary: typed,
        derived: { 'matching rows': summarize(result.matching).median, 'DOM rows': filteredRows },
      });
      rows.push({
        label: `${mode}: Backspace (filtered -> all)`,
        unit: 'ms',
        summary: cleared,
        derived: { 'matching rows': ENDPOINTS, 'DOM rows': result.rowsAll },
      });
      notes.push(
        `${mode}: ${result.rowsAll.toLocaleString('en-US')} DOM rows unfiltered, median ${filteredRows.toLocaleString('en-US')} filtered; page ready in ${Math.round(result.mountMs)} ms` +
          (result.typed.length < KEYSTROKES
            ? `; ${result.typed.length} of ${KEYSTROKES} keystrokes fit its ${KEYSTROKE_BUDGET_MS[mode] / 1000} s budget`
            : '') +
          (result.timeouts > 0
            ? `; ${result.timeouts} keystroke(s) showed no table change within ${KEYSTROKE_TIMEOUT_MS / 1000} s (left out)`
            : ''),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  ratios.push({
    label: 'type 1 char: not virtualized / virtualized',
    value: ratio(medians['not virtualized']?.typed ?? Number.NaN, medians.virtualized?.typed ?? Number.NaN),
  });
  ratios.push({
    label: 'Backspace: not virtualized / virtualized',
    value: ratio(medians['not virtualized']?.cleared ?? Number.NaN, medians.virtualized?.cleared ?? Number.NaN),
  });
  return {
    id: 'owners-paint',
    title: `4. Keystroke to filtered paint, owners table with 20,000 rows (Chromium, up to ${KEYSTROKES} keystrokes per mode)`,
    measures:
      'ms from keydown to two requestAnimationFrame callbacks after the table first changed (= the painted frame). matching rows = rows the filter keeps (aria-rowcount); DOM rows = row elements in the document (median after the keystroke).',
    rows,
    ratios,
    notes,
    durationMs: performance.now() - started,
  };
};
