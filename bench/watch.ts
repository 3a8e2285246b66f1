/**
 * Benchmark 3: process spawns per minute caused by watched ports, window hidden vs visible.
 *
 * Portwarden lives in the tray for days; whatever it polls while nobody looks is pure cost (each spawn
 * is a netsh/netstat/tasklist process on the user's machine). The real watch scheduler and watch
 * service run over the simulated Windows with a virtual clock (fake-clock.ts): ten simulated minutes
 * take milliseconds, and SimRunner.calls counts every spawn. Each simulated minute is one sample, so
 * the table shows spawns per minute as min / median / p95 over the ten minutes.
 * Expected shape: with no watched ports nothing spawns, hidden or visible.
 */
import { performance } from 'node:perf_hooks';
import type { WatchedPort } from '../shared/model';
import { createActivityLog } from '../electron/system/activity-log';
import { createPortsService, type WatchConfigStore } from '../electron/system/owners';
import { createSimulatedWindows } from '../electron/system/run/choose-windows';
import {
  createWatchScheduler,
  createWatchService,
  DEFAULT_HIDDEN_INTERVAL_MS,
  DEFAULT_VISIBLE_INTERVAL_MS,
} from '../electron/system/watch';
import { createFakeClock } from './fake-clock';
import type { BenchResult, BenchRow } from './report';
import { ratio, summarize } from './stats';

export const SIMULATED_MINUTES = 10;
export const WATCHED: readonly WatchedPort[] = [3000, 5432, 8065, 8080].map((port) => ({ port, protocol: 'tcp' }));
const MINUTE_MS = 60_000;

/** The watched list kept in memory (the app keeps it in an admin-only JSON file). */
const memoryStore = (initial: readonly WatchedPort[]): WatchConfigStore => {
  let ports = [...initial];
  return {
    read: () => Promise.resolve([...ports]),
    write: (next) => {
      ports = [...next];
      return Promise.resolve();
    },
  };
};

interface CaseResult {
  readonly spawnsPerMinute: number[];
  readonly checksPerMinute: number[];
  /** Spawns of the check start() makes at once (before minute 1). */
  readonly startSpawns: number;
  /** The command lines of that first check. */
  readonly startCommands: readonly string[];
}

const simulate = async (ports: readonly WatchedPort[], visible: boolean): Promise<CaseResult> => {
  const sim = createSimulatedWindows({ scenario: 'hyperv-reserved', locale: 'en' });
  const log = createActivityLog(sim.runner);
  let inFlight: Promise<unknown> = Promise.resolve();
  let checks = 0;
  const clock = createFakeClock(() => settle());
  /**
   * The scheduler starts its check in a microtask and arms the next timer when the check has
   * finished. With no latency the simulator answers in microtasks too, so a macrotask turn lets all
   * of that happen; repeat while a newer check started meanwhile.
   */
  const settle = async (): Promise<void> => {
    let seen: Promise<unknown>;
    do {
      seen = inFlight;
      await new Promise<void>((resolve) => setImmediate(resolve));
      await seen;
      await new Promise<void>((resolve) => setImmediate(resolve));
    } while (seen !== inFlight);
  };
  const watch = createWatchService({
    ports: createPortsService({ now: () => new Date(clock.now()) }),
    store: memoryStore(ports),
    now: () => new Date(clock.now()),
  });
  const scheduler = createWatchScheduler({
    check: () => {
      checks++;
      const run = watch.checkNow(log.begin('watch'));
      inFlight = run;
      return run;
    },
    isWindowVisible: () => visible,
    setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle as number),
  });

  const spawnsPerMinute: number[] = [];
  const checksPerMinute: number[] = [];
  scheduler.start();
  await settle();
  const startSpawns = sim.runner.calls.length;
  const startCommands = sim.runner.calls.map((call) => [call.command, ...call.args].join(' '));
  try {
    for (let minute = 1; minute <= SIMULATED_MINUTES; minute++) {
      const [spawnsBefore, checksBefore] = [sim.runner.calls.length, checks];
      await clock.advanceTo(minute * MINUTE_MS);
      spawnsPerMinute.push(sim.runner.calls.length - spawnsBefore);
      checksPerMinute.push(checks - checksBefore);
    }
  } finally {
    scheduler.stop();
  }
  return { spawnsPerMinute, checksPerMinute, startSpawns, startCommands };
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

export const runWatchBenchmark = async (): Promise<BenchResult> => {
  const started = performance.now();
  const rows: BenchRow[] = [];
  const medians: Record<string, number> = {};
  let checkCommands: readonly string[] = [];
  for (const visible of [false, true]) {
    for (const ports of [[], WATCHED] as const) {
      const label = `${visible ? 'visible' : 'hidden'}, ${ports.length} watched port${ports.length === 1 ? '' : 's'}`;
      const result = await simulate(ports, visible);
      if (result.startCommands.length > 0) checkCommands = result.startCommands;
      const summary = summarize(result.spawnsPerMinute);
      medians[label] = summary.median;
      rows.push({
        label,
        unit: 'spawns/min',
        summary,
        derived: {
          [`spawns in ${SIMULATED_MINUTES} min`]: sum(result.spawnsPerMinute),
          'checks/min': summarize(result.checksPerMinute).median,
          'spawns/check': ratio(sum(result.spawnsPerMinute), sum(result.checksPerMinute)),
          'spawns at start': result.startSpawns,
        },
      });
    }
  }
  return {
    id: 'watch',
    title: `3. Spawns per minute from watched ports (${SIMULATED_MINUTES} simulated minutes, virtual clock)`,
    measures:
      'SimRunner.calls per simulated minute while the real watch scheduler + watch service run over the simulator; each minute is one sample. Watched: tcp 3000, 5432, 8065, 8080.',
    rows,
    ratios: [
      {
        label: 'visible / hidden spawns per minute, 4 watched ports',
        value: ratio(
          medians['visible, 4 watched ports'] ?? Number.NaN,
          medians['hidden, 4 watched ports'] ?? Number.NaN,
        ),
      },
    ],
    notes: [
      `Scheduler intervals are the product defaults: hidden ${DEFAULT_HIDDEN_INTERVAL_MS / 1000} s, visible ${DEFAULT_VISIBLE_INTERVAL_MS / 1000} s (timed from the end of the previous check).`,
      "The check start() makes at once is reported as 'spawns at start', not in minute 1. Each check is one doctor pass for the whole list (ports.diagnosePorts).",
      `One check of the 4 ports runs: ${checkCommands.join(' | ')}`,
    ],
    durationMs: performance.now() - started,
  };
};
