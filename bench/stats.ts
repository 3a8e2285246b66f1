/**
 * Repeated timing and its summary. Benchmarks report distributions (min / median / p95), never a
 * single run: on a 2-core machine one sample is mostly noise (GC, the other core's load, timers).
 * Every loop is bounded by a run count AND a time budget, so `npm run bench` stays a few minutes.
 */
import { performance } from 'node:perf_hooks';

export interface Summary {
  readonly runs: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

/** Linear interpolation between closest ranks (the same rule as numpy's default). */
export const quantile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
};

export const summarize = (samples: readonly number[]): Summary => {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    runs: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
};

export interface SampleOptions {
  /** Untimed runs first: JIT warm-up, first-touch allocations, lazily built tables. */
  readonly warmup: number;
  /** Always this many timed runs, even past the budget. */
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Stop starting new runs once the timed runs have taken this long (after minRuns). */
  readonly budgetMs: number;
}

/** Wall-clock milliseconds of each timed run of fn. */
export const sampleMs = async (fn: () => unknown, options: SampleOptions): Promise<number[]> => {
  for (let i = 0; i < options.warmup; i++) await fn();
  // scripts/bench.mjs starts Node with --expose-gc: start the timed runs without the warm-up's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.maxRuns) {
    if (samples.length >= options.minRuns && performance.now() - started >= options.budgetMs) break;
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
};

/** a / b, or NaN when b is 0 or not a number (printed as "n/a"). */
export const ratio = (a: number, b: number): number =>
  Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
