/**
 * Benchmark 6: how soon the window shows its first table, and how much script it parses first.
 *
 * Two renderer builds, made by this benchmark with the product's vite config:
 * - before: the renderer at BEFORE_COMMIT (one bundle for every view, drawer and dialog), exported
 *   with `git archive` into out/bench-first-paint/ (no worktree, no checkout) and kept there as a cache;
 * - now: the working tree's renderer (views, drawers and dialogs as chunks loaded on first use).
 * Each is served through the real browser harness (e2e/harness: real preload, real app core over the
 * simulated Windows, hyperv-reserved): Playwright answers the page's own files from the build being
 * measured, and everything under /__harness/ (preload, WebSocket) goes to the harness.
 *
 * ms = from navigation start (performance.timeOrigin) to two requestAnimationFrame callbacks after
 * the first reserved-range table shows rows (= that frame was painted). The two builds take turns,
 * a fresh page each load. Script size = the entry script plus what index.html preloads with it.
 */
// git archive and tar, for the "before" build only: a benchmark tool, never the app (which spawns only through its runner).
// eslint-disable-next-line no-restricted-imports
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { buildHarnessPreload, HARNESS_PRELOAD } from '../e2e/harness/build';
import { startHarness } from '../e2e/harness/server';
import type { BenchResult, BenchRow } from './report';
import { ratio, summarize } from './stats';

/** The last commit before the renderer's views were split into lazily loaded chunks (issue #13). */
export const BEFORE_COMMIT = 'cccaf9f';
const LOADS = 7;
const FIRST_TABLE_TIMEOUT_MS = 60_000;
/** What the renderer build needs from the repository (node_modules is linked, not copied). */
const BUILD_INPUTS = ['renderer', 'shared', 'test/helpers', 'vite.renderer.config.ts', 'tsconfig.json'];

const run = promisify(execFile);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * In the page from its first script on: once a range table with rows was painted, writes the time on
 * <html data-first-table-ms>. An attribute, read with selectors: the page's CSP forbids the string
 * evaluation that waitForFunction would need.
 */
const FIRST_TABLE_PROBE = String.raw`
(() => {
  const hasTable = () => {
    const table = document.querySelector('[data-testid^="ranges-table-"]');
    return !!table && table.querySelectorAll('[role="row"], tr').length > 1;
  };
  const observer = new MutationObserver(() => {
    if (!hasTable()) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      document.documentElement.setAttribute('data-first-table-ms', String(performance.now()));
    }));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

const buildRenderer = async (root: string, outDir: string): Promise<void> => {
  const { build } = await import('vite');
  await build({
    configFile: path.join(root, 'vite.renderer.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
};

/** The renderer at `commit`, built once into out/bench-first-paint/before-<commit>/dist. */
const buildBefore = async (repo: string, commit: string): Promise<string> => {
  const base = path.join(repo, 'out/bench-first-paint', `before-${commit}`);
  const dist = path.join(base, 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;
  const src = path.join(base, 'src');
  await rm(base, { recursive: true, force: true });
  await mkdir(src, { recursive: true });
  const archive = path.join(base, 'src.tar');
  const present = [];
  for (const input of BUILD_INPUTS) {
    // Only what existed at that commit.
    const listed = await run('git', ['ls-tree', '--name-only', commit, input], { cwd: repo });
    if (listed.stdout.trim() !== '') present.push(input);
  }
  await run('git', ['archive', '--format=tar', `--output=${archive}`, commit, ...present], { cwd: repo });
  await run('tar', ['-xf', archive, '-C', src]);
  await symlink(path.join(repo, 'node_modules'), path.join(src, 'node_modules'), 'dir');
  await buildRenderer(src, dist);
  return dist;
};

interface ScriptSize {
  readonly bytes: number;
  readonly gzip: number;
  readonly files: number;
  readonly allJs: number;
}

/** The entry script and its modulepreloads (what runs before the first paint), and all JS for reference. */
const scriptSize = async (dist: string): Promise<ScriptSize> => {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const first = [
    ...html.matchAll(/<script[^>]+src="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g),
  ].map((match) => match[1] as string);
  let bytes = 0;
  let gzip = 0;
  for (const file of first) {
    const body = await readFile(path.join(dist, file));
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  let allJs = 0;
  for (const file of await readdir(path.join(dist, 'assets'))) {
    if (file.endsWith('.js')) allJs += (await stat(path.join(dist, 'assets', file))).size;
  }
  return { bytes, gzip, files: first.length, allJs };
};

const withPreload = (html: string) =>
  html.replace('<head>', '<head>\n    <script src="/__harness/preload.js"></script>');

/** One load of the harness page with the renderer files taken from `dist`; ms to the first painted table. */
const loadOnce = async (browser: Browser, url: string, dist: string): Promise<number> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_TABLE_PROBE);
    const origin = new URL(url).origin;
    await page.route(`${origin}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname.startsWith('/__harness/')) return route.continue();
      const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
      const file = path.resolve(dist, relative);
      if (!file.startsWith(dist + path.sep)) return route.fulfill({ status: 404 });
      try {
        const body = await readFile(file);
        const html = path.basename(file) === 'index.html';
        return route.fulfill({
          status: 200,
          contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          body: html ? withPreload(body.toString('utf8')) : body,
        });
      } catch {
        return route.fulfill({ status: 404 });
      }
    });
    await page.goto(url);
    await page.waitForSelector('html[data-first-table-ms]', { state: 'attached', timeout: FIRST_TABLE_TIMEOUT_MS });
    return Number(await page.getAttribute('html', 'data-first-table-ms'));
  } finally {
    await context.close();
  }
};

export const runFirstPaintBenchmark = async (repo: string): Promise<BenchResult> => {
  const started = performance.now();
  const notes: string[] = [];
  const before = await buildBefore(repo, BEFORE_COMMIT);
  const now = path.join(repo, 'out/bench-first-paint/now');
  await buildRenderer(repo, now);
  // The harness's preload bundle (shared with the e2e tests): built only if no one has yet.
  if (!existsSync(HARNESS_PRELOAD)) await buildHarnessPreload();
  const sizes = { before: await scriptSize(before), now: await scriptSize(now) };

  const harness = await startHarness({ scenario: 'hyperv-reserved', locale: 'en' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // A page answered by route.fulfill has no address space of its own, and Chromium's local network
    // access checks would then block its WebSocket to the loopback harness.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-features=LocalNetworkAccessChecks',
    ],
  });
  const samples = { before: [] as number[], now: [] as number[] };
  try {
    // One untimed load each: Chromium's own first start and the harness's first reads are not the app's.
    await loadOnce(browser, harness.url, before);
    await loadOnce(browser, harness.url, now);
    for (let i = 0; i < LOADS; i++) {
      samples.before.push(await loadOnce(browser, harness.url, before));
      samples.now.push(await loadOnce(browser, harness.url, now));
    }
  } finally {
    await browser.close();
    await harness.close();
  }
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const rows: BenchRow[] = (['before', 'now'] as const).map((which) => ({
    label: which === 'before' ? `before (${BEFORE_COMMIT}): one bundle` : 'now: views, drawers, dialogs on demand',
    unit: 'ms',
    summary: summarize(samples[which]),
    derived: {
      'first-screen KB': kb(sizes[which].bytes),
      'gzip KB': kb(sizes[which].gzip),
      scripts: sizes[which].files,
      'all JS KB': kb(sizes[which].allJs),
    },
  }));
  notes.push(
    `before = renderer at ${BEFORE_COMMIT} built now by this benchmark (cached in out/bench-first-paint/); now = the working tree's renderer. Both load through the same harness, in turns.`,
  );
  return {
    id: 'first-paint',
    title: '6. First painted table in the browser harness, and the script parsed before it',
    measures:
      'ms from navigation start to the frame that first shows a reserved-range table with rows (two requestAnimationFrame callbacks after it appeared). first-screen KB = the entry script and its preloads; all JS KB = every chunk.',
    rows,
    ratios: [
      {
        label: 'first table: before / now (speed-up)',
        value: ratio(summarize(samples.before).median, summarize(samples.now).median),
      },
      { label: 'first-screen script: before / now', value: ratio(sizes.before.bytes, sizes.now.bytes) },
    ],
    notes,
    durationMs: performance.now() - started,
  };
};
