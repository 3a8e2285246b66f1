/**
 * Benchmark 5: does an hour of owners refreshes leak? Portwarden stays open in the tray for days and
 * the owners view re-reads every second or two, so anything kept per refresh adds up.
 *
 * - main process: the real ports service (netstat + tasklist + portproxy, parsed and joined) over the
 *   simulated Windows, under an activity-log Operation and answered through the owners feed (the list
 *   main keeps per window for owners:changes) as the IPC route runs it, with a fake clock
 *   that moves one second per refresh; 2,000 extra sockets, a few of them replaced every refresh. The
 *   heap is read after a forced GC (scripts/bench.mjs starts this process with --expose-gc) after 100
 *   refreshes (the activity log and caches have filled up by then) and after 3,600.
 * - renderer: the real app store and OwnersTable in Chromium (bench/owners-table, mode=memory);
 *   3,600 store updates of the owners list, each rendered; the JS heap is read through the DevTools
 *   protocol after a forced GC, after 100 and after 3,600 updates.
 *
 * The check is the benchmark's own: after 3,600 more than 10 % above after 100 fails it (exit code 1).
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createActivityLog } from '../electron/system/activity-log';
import { createPortsService } from '../electron/system/owners';
import { createOwnersFeed } from '../electron/system/owners/owners-feed';
import { createSimulatedWindows } from '../electron/system/run/choose-windows';
import type { SimSocket } from '../electron/system/simulated-windows';
import { openPage, ownersTablePage } from './owners-paint';
import { makeSockets } from './parsers';
import type { BenchResult, BenchRow } from './report';
import { serveFolder } from './static-server';
import { summarize } from './stats';

export const REFRESHES = 3_600;
export const BASELINE_AFTER = 100;
export const MAX_GROWTH = 0.1;
/**
 * Untimed, uncounted refreshes first. The activity log keeps the last 500 commands by design (3 per
 * refresh: full after 167 refreshes), and a heap read at 100 would count its filling up, which is
 * bounded, as growth. Without this warm-up the main heap rose 67 -> 76.5 MB by refresh 600 and then
 * stayed within 0.1 MB up to 3,600.
 */
export const WARM_UP = 200;
const EXTRA_SOCKETS = 500;
const RENDERER_ROWS = 1_000;

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run through npm run bench: this benchmark needs node --expose-gc');
  // Twice: the first pass can leave objects that only a finalizer or a weak reference released.
  collect();
  collect();
};

interface HeapResult {
  readonly baseline: number;
  readonly after: number;
  readonly samples: readonly number[];
  readonly ms: number;
}

/** Heap (bytes) after `BASELINE_AFTER` and after `REFRESHES` runs of `refresh`, plus a reading every 600. */
const heapOver = async (refresh: () => Promise<void>, heap: () => Promise<number>): Promise<HeapResult> => {
  for (let i = 0; i < WARM_UP; i++) await refresh();
  const started = performance.now();
  const samples: number[] = [];
  let baseline = Number.NaN;
  for (let i = 1; i <= REFRESHES; i++) {
    await refresh();
    if (i === BASELINE_AFTER) baseline = await heap();
    else if (i % 600 === 0) samples.push(await heap());
  }
  return { baseline, after: samples.at(-1) ?? Number.NaN, samples, ms: performance.now() - started };
};

const mainProcess = async (): Promise<HeapResult> => {
  const sim = createSimulatedWindows({ scenario: 'hyperv-reserved', locale: 'en' });
  const pids = sim.runner.machine.processes.map((p) => p.pid);
  const base = sim.runner.machine.sockets.slice();
  const extra = makeSockets(EXTRA_SOCKETS, pids, 7);
  let clock = Date.parse('2026-02-01T10:00:00.000Z');
  const log = createActivityLog(sim.runner, { now: () => clock });
  const ports = createPortsService({ now: () => new Date(clock) });
  // As the owners:changes route answers the window's poll: the feed keeps the last list it sent (issue #13).
  const feed = createOwnersFeed();
  let revision: number | null = null;
  let n = 0;
  const refresh = async () => {
    n++;
    clock += 1_000;
    // A few connections come and go every second, as on a busy machine.
    const churn: SimSocket[] = extra.map((socket, i) =>
      i % 50 === n % 50 ? { ...socket, remotePort: 1024 + ((n * 13 + i) % 60_000) } : socket,
    );
    sim.runner.machine.sockets = [...base, ...churn];
    const result = await ports.listOwners(log.begin('owners'), false);
    if (!result.ok) throw new Error(`listOwners failed: ${result.error.message}`);
    revision = feed.answer(1, { allStates: false, revision }, result.value).revision;
    // The simulator records every command it answers for tests; the real runner keeps nothing.
    (sim.runner.calls as unknown[]).length = 0;
  };
  return heapOver(refresh, () => {
    gc();
    return Promise.resolve(process.memoryUsage().heapUsed);
  });
};

const renderer = async (root: string): Promise<HeapResult & { mountMs: number }> => {
  const site = ownersTablePage(root);
  if (!existsSync(site.outDir)) {
    const { build } = await import('vite');
    await build({ configFile: site.configFile, logLevel: 'error' });
  }
  const server = await serveFolder(site.outDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const { page, mountMs } = await openPage(browser, `${server.origin}${site.pathFor('memory', RENDERER_ROWS)}`);
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    // One page call per refresh would measure Playwright's round trips; the page runs them in batches.
    let done = 0;
    const batch = 50;
    const result = await heapOver(async () => {
      if (done % batch === 0) await page.evaluate(`window.__ownersRefresh(${batch})`);
      done++;
    }, heap);
    const rendered = (await page.evaluate('document.querySelectorAll("[data-testid=owner-row]").length')) as number;
    if (rendered === 0) throw new Error('the memory page shows no owner rows');
    return { ...result, mountMs };
  } finally {
    await browser.close();
    await server.close();
  }
};

const mb = (bytes: number) => bytes / 1e6;

export const runMemoryBenchmark = async (root: string): Promise<BenchResult> => {
  const started = performance.now();
  const main = await mainProcess();
  const page = await renderer(root);
  const rows: BenchRow[] = [];
  const checks: { label: string; pass: boolean }[] = [];
  const notes: string[] = [];
  for (const [label, result] of [
    ['main process (ports service over the simulator)', main],
    ['renderer (store + OwnersTable, Chromium)', page],
  ] as const) {
    const growth = result.after / result.baseline - 1;
    const readings = [result.baseline, ...result.samples].map(mb);
    rows.push({
      label,
      unit: 'MB',
      summary: summarize(readings),
      derived: {
        [`after ${BASELINE_AFTER}`]: mb(result.baseline),
        [`after ${REFRESHES.toLocaleString('en-US')}`]: mb(result.after),
        growth: `${(growth * 100).toFixed(1)} %`,
        limit: `${MAX_GROWTH * 100} %`,
        's total': result.ms / 1000,
      },
    });
    checks.push({
      label: `${label}: heap growth ${(growth * 100).toFixed(1)} % <= ${MAX_GROWTH * 100} %`,
      pass: growth <= MAX_GROWTH,
    });
    notes.push(`${label}: heap every 600 refreshes ${readings.map((v) => v.toFixed(1)).join(' -> ')} MB`);
  }
  notes.push(
    `main: hyperv-reserved scenario + ${EXTRA_SOCKETS.toLocaleString('en-US')} sockets (2 % replaced per refresh), activity log as in the app (500 records); renderer: ${RENDERER_ROWS.toLocaleString('en-US')} endpoints (5 % replaced per update), page ready in ${Math.round(page.mountMs)} ms`,
    `both start after ${WARM_UP} uncounted refreshes (the activity log's 500 records filled, caches warm); refresh 1 is the first after them`,
  );
  return {
    id: 'memory',
    title: `5. Heap after ${REFRESHES.toLocaleString('en-US')} one-second owners refreshes vs after ${BASELINE_AFTER}`,
    measures: `Heap in use after a forced GC, read after ${BASELINE_AFTER} refreshes (the reference) and every 600 after it (min/median/p95 are over those readings). growth = after ${REFRESHES.toLocaleString('en-US')} / after ${BASELINE_AFTER} - 1; past ${MAX_GROWTH * 100} % is a leak and fails the run.`,
    rows,
    ratios: [
      { label: `main heap after ${REFRESHES} / after ${BASELINE_AFTER}`, value: main.after / main.baseline },
      { label: `renderer heap after ${REFRESHES} / after ${BASELINE_AFTER}`, value: page.after / page.baseline },
    ],
    checks,
    notes,
    durationMs: performance.now() - started,
  };
};
