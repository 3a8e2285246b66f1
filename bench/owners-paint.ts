/**
 * Benchmark 4: keystroke-to-filtered-paint and click-to-sorted-paint on the owners table, at 20,000
 * and 100,000 rows, against a floor measured in the same browser in the same run.
 *
 * bench/owners-table/ builds one page with three modes (see its main.tsx); it is built with vite,
 * served on 127.0.0.1 and opened in Chromium:
 * - product: the real owners view (OwnersView with its toolbar and the virtualized OwnersTable, as
 *   shipped), fed by the app store;
 * - floor: the same rows, filter rule and search texts in plain JavaScript and DOM, updating as many
 *   row elements as the product has on screen. It is what any implementation must at least pay: a
 *   scan of every row per keystroke and a rewrite of the visible rows, with no framework.
 *
 * In the page (page-probe.ts): t0 = performance.now() at the keydown or click (capture phase, before
 * the page's handlers); a MutationObserver sees the first change of the table after it (the filter
 * box's own mutations ignored); two requestAnimationFrame callbacks later the frame with that change
 * has been painted: ms = now - t0. Both modes get the same keystrokes: each types one character into
 * an empty filter (all rows -> the filtered rows), then Backspace clears it (filtered -> all rows),
 * measured the same way and reported as its own row; the characters are typed twice over per page, so
 * each median is of 36 samples. Sorting clicks each column header once, in an
 * order where consecutive sorts show different first rows. No warm-up: the first one is cold, as a
 * user's is. Product and floor take turns per size, so load from other processes hits both alike.
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
import { OWNER_COLUMNS } from '../renderer/lib/owners-rows';
import type { BenchCheck, BenchResult, BenchRatio, BenchRow } from './report';
import { serveFolder } from './static-server';
import { ratio, summarize } from './stats';

export const SIZES = [20_000, 100_000] as const;
/** Goals of issue #13 for the product's median (ms), and for product / floor. */
export const GOAL_MS: Readonly<Record<number, number>> = { 20_000: 50, 100_000: 100 };
export const SORT_GOAL_MS = 150;
export const FLOOR_GOAL = 2;
const KEYSTROKE_TIMEOUT_MS = 20_000;
const READY_TIMEOUT_MS = 120_000;
/**
 * One character per measured keystroke. The filter matches a number as a whole port or PID, text as a
 * substring of image, address, services, path and user; over the page's synthetic endpoints each of
 * these letters keeps a different 20-70 % of the rows (none keeps all of them or none).
 */
const CHARACTERS = 'abdghijklmorstuvwy'.split('');
/**
 * Passes over the characters per page, the same for product and floor: 36 samples of each kind move
 * less with a moment's load from another process than 18 did (the Backspace ratio fell either side of
 * 2x between quiet runs). A second pass costs the product as much as the first: its filter keeps the
 * results of the last 8 queries, fewer than the 18 characters, and Backspace always returns to all rows.
 */
const PASSES = 2;
export const KEYSTROKES = CHARACTERS.length * PASSES;
/** Header clicks in an order where each sort puts different rows first (the probe waits for a change). */
const SORT_COLUMNS = [
  'protocol',
  'localPort',
  'explanation',
  'image',
  'pid',
  'remote',
  'user',
  'localAddress',
  'state',
  'services',
  'path',
] as const;
const FILTER = '[data-testid="owners-filter"]';

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

type Mode = 'product' | 'floor';

export interface OwnersTablePage {
  readonly configFile: string;
  readonly outDir: string;
  readonly pathFor: (mode: Mode | 'memory', rows: number, domRows?: number) => string;
}

export const ownersTablePage = (root: string): OwnersTablePage => ({
  configFile: path.join(root, 'bench/owners-table/vite.config.ts'),
  outDir: path.join(root, 'out/bench-owners-table'),
  pathFor: (mode, rows, domRows) =>
    `/index.html?mode=${mode}&rows=${rows}${domRows === undefined ? '' : `&domRows=${domRows}`}`,
});

const notMeasured = (reason: string, started: number): BenchResult => ({
  id: 'owners-paint',
  title: '4. Owners table: keystroke to filtered paint, click to sorted paint',
  measures: 'not measured',
  rows: [],
  ratios: [],
  notes: [`not measured: ${reason}`],
  durationMs: performance.now() - started,
});

interface ModeResult {
  readonly typed: number[];
  readonly cleared: number[];
  readonly sorted: number[];
  readonly sortedBy: Record<string, number>;
  readonly rowsAll: number;
  readonly matching: number[];
  readonly timeouts: number;
  readonly mountMs: number;
}

/** Runs one action and waits for the probe's sample (or the timeout, which gives null). */
const measure = async (page: Page, act: () => Promise<void>): Promise<ProbeSample | null> => {
  await page.evaluate(ARM_SCRIPT);
  await act();
  try {
    await page.waitForFunction(DONE_SCRIPT, undefined, { timeout: KEYSTROKE_TIMEOUT_MS, polling: 20 });
  } catch {
    return null;
  }
  return (await page.evaluate(READ_SCRIPT)) as ProbeSample;
};

export const openPage = async (browser: Browser, url: string): Promise<{ page: Page; mountMs: number }> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const t0 = performance.now();
  await page.goto(url);
  await page.waitForFunction(READY_SCRIPT, undefined, { timeout: READY_TIMEOUT_MS, polling: 50 });
  return { page, mountMs: performance.now() - t0 };
};

/** SORT_COLUMNS are clicked by position: the page's header buttons are in the table's column order. */
const headerIndexes = SORT_COLUMNS.map((column) => (OWNER_COLUMNS as readonly string[]).indexOf(column));

const measureMode = async (browser: Browser, url: string, sort: boolean): Promise<ModeResult> => {
  const { page, mountMs } = await openPage(browser, url);
  try {
    await page.evaluate(installProbeScript(FILTER));
    const rowsAll = (await page.evaluate(ROWS_SCRIPT)) as number;
    const result: Omit<ModeResult, 'rowsAll' | 'mountMs'> = {
      typed: [],
      cleared: [],
      sorted: [],
      sortedBy: {},
      matching: [],
      timeouts: 0,
    };
    let timeouts = 0;
    await page.focus(FILTER);
    for (const character of Array.from({ length: PASSES }, () => CHARACTERS).flat()) {
      const typed = await measure(page, () => page.keyboard.type(character));
      if (typed) {
        result.typed.push(typed.ms);
        result.matching.push(typed.matching);
      } else timeouts++;
      const cleared = await measure(page, () => page.keyboard.press('Backspace'));
      if (cleared) result.cleared.push(cleared.ms);
      else timeouts++;
    }
    if (sort) {
      const headers = page.locator('[role="columnheader"] button');
      const labels = await headers.count();
      for (const [index, column] of SORT_COLUMNS.entries()) {
        const position = headerIndexes[index] ?? -1;
        if (position < 0 || position >= labels) continue;
        const header = headers.nth(position);
        const sample = await measure(page, () => header.click());
        if (sample) {
          result.sorted.push(sample.ms);
          result.sortedBy[column] = sample.ms;
        } else timeouts++;
      }
    }
    return { ...result, timeouts, rowsAll, mountMs };
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
  // Issue #13's goals, judged on this run's medians (the slowest click for sorting): wall time, so a
  // busy machine can fail them, and the run then exits non-zero like the parsers' and memory checks.
  const checks: BenchCheck[] = [];
  try {
    for (const size of SIZES) {
      const sort = size === 100_000;
      const product = await measureMode(browser, `${server.origin}${site.pathFor('product', size)}`, sort);
      const floor = await measureMode(browser, `${server.origin}${site.pathFor('floor', size, product.rowsAll)}`, sort);
      const n = size.toLocaleString('en-US');
      const add = (label: string, samples: number[], derived?: BenchRow['derived']) => {
        const summary = summarize(samples);
        rows.push({ label, unit: 'ms', summary, ...(derived ? { derived } : {}) });
        return summary.median;
      };
      const matching = summarize(product.matching).median;
      const typed = add(`${n} rows: type 1 char (all -> filtered)`, product.typed, {
        'matching rows': matching,
        'DOM rows': product.rowsAll,
        goal: `<= ${GOAL_MS[size]} ms`,
      });
      const typedFloor = add('  floor: same keystrokes, plain JS + DOM', floor.typed, {
        'matching rows': summarize(floor.matching).median,
        'DOM rows': floor.rowsAll,
      });
      const cleared = add(`${n} rows: Backspace (filtered -> all)`, product.cleared, {
        'matching rows': size,
        'DOM rows': product.rowsAll,
        goal: `<= ${GOAL_MS[size]} ms`,
      });
      const clearedFloor = add('  floor: same Backspaces, plain JS + DOM', floor.cleared, {
        'matching rows': size,
        'DOM rows': floor.rowsAll,
      });
      ratios.push({
        label: `${n} rows, type 1 char: product / floor = the app's cost over a plain-JS filter + DOM update (goal <= ${FLOOR_GOAL}x)`,
        value: ratio(typed, typedFloor),
      });
      ratios.push({
        label: `${n} rows, Backspace: product / floor = the same for the return to all rows (goal <= ${FLOOR_GOAL}x)`,
        value: ratio(cleared, clearedFloor),
      });
      const goal = GOAL_MS[size] ?? Number.NaN;
      for (const [what, ms, floorMs] of [
        ['type 1 char', typed, typedFloor],
        ['Backspace', cleared, clearedFloor],
      ] as const) {
        const overFloor = ratio(ms, floorMs);
        checks.push(
          { label: `${n} rows, ${what}: median ${ms.toFixed(1)} ms <= ${goal} ms (issue #13)`, pass: ms <= goal },
          {
            label: `${n} rows, ${what}: ${overFloor.toFixed(2)}x the floor <= ${FLOOR_GOAL}x (issue #13)`,
            pass: overFloor <= FLOOR_GOAL,
          },
        );
      }
      if (sort) {
        const sorted = add(`${n} rows: click a header (sort by it)`, product.sorted, {
          'DOM rows': product.rowsAll,
          goal: `max <= ${SORT_GOAL_MS} ms`,
        });
        const sortedFloor = add('  floor: same clicks, comparator sort + DOM', floor.sorted, {
          'DOM rows': floor.rowsAll,
        });
        ratios.push({
          label: `${n} rows, sort: product / floor = the app's cost over a comparator sort of precomputed keys + DOM update`,
          value: ratio(sorted, sortedFloor),
        });
        const slowest = Math.max(...product.sorted);
        checks.push({
          label: `${n} rows, sort: slowest column ${Math.round(slowest)} ms <= ${SORT_GOAL_MS} ms (issue #13)`,
          pass: slowest <= SORT_GOAL_MS,
        });
        notes.push(
          `${n} rows, ms per sorted column (product): ${Object.entries(product.sortedBy)
            .map(([column, ms]) => `${column} ${Math.round(ms)}`)
            .join(
              ', ',
            )}; slowest ${Math.round(Math.max(...product.sorted))} ms (floor slowest ${Math.round(Math.max(...floor.sorted))} ms)`,
        );
      }
      notes.push(
        `${n} rows: page ready in ${Math.round(product.mountMs)} ms (floor ${Math.round(floor.mountMs)} ms)` +
          (product.timeouts + floor.timeouts > 0
            ? `; ${product.timeouts} product / ${floor.timeouts} floor action(s) showed no table change within ${KEYSTROKE_TIMEOUT_MS / 1000} s (left out)`
            : ''),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  notes.push(
    `header clicks (column index in the table): ${SORT_COLUMNS.map((c, i) => `${c}=${headerIndexes[i]}`).join(', ')}`,
  );
  return {
    id: 'owners-paint',
    title: `4. Owners table in Chromium: keystroke to filtered paint, click to sorted paint (${KEYSTROKES} keystrokes + ${KEYSTROKES} Backspaces per page)`,
    measures:
      'ms from keydown/click to two requestAnimationFrame callbacks after the table first changed (= the painted frame). product = the owners view of the app (OwnersView: toolbar, filter box and the virtualized OwnersTable, with path and user columns), as a keystroke re-renders it in the window; floor = the same rows, filter rule and search texts in plain JavaScript updating the same number of DOM rows, no framework, same keystrokes and clicks. product / floor = what React, Fluent and the table cost on top of the unavoidable work. matching rows = aria-rowcount - 1; DOM rows = row elements in the document.',
    rows,
    ratios,
    checks,
    notes,
    durationMs: performance.now() - started,
  };
};
