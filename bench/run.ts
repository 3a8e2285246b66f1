/**
 * `npm run bench [-- <id>...]`: runs the benchmarks one after the other (never concurrently: they
 * would share the 2 cores and skew each other), prints a table per benchmark and writes everything to
 * out/bench/results.json, or for a run of some of them to out/bench/results-<ids>.json (so a partial
 * run does not overwrite the last full one, nor two different runs each other). Numbers are printed, not judged, except by a benchmark's own checks (a
 * leak): a failed check, or a benchmark that crashes (reported as not measured, with the error, while
 * the others still run), makes the exit code 1.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, platform, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runNativeReadsBenchmark } from './native-reads';
import { runOwnersPaintBenchmark } from './owners-paint';
import { runFirstPaintBenchmark } from './first-paint';
import { runMemoryBenchmark } from './memory';
import { runParsersBenchmark } from './parsers';
import { runRefreshBenchmark } from './refresh';
import { formatResult, type BenchResult } from './report';
import { runWatchBenchmark } from './watch';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_FILE = join(ROOT, 'out', 'bench', 'results.json');

export const BENCHMARKS: Readonly<Record<string, () => Promise<BenchResult>>> = {
  parsers: runParsersBenchmark,
  refresh: runRefreshBenchmark,
  'native-reads': runNativeReadsBenchmark,
  watch: runWatchBenchmark,
  'owners-paint': () => runOwnersPaintBenchmark(ROOT),
  memory: () => runMemoryBenchmark(ROOT),
  'first-paint': () => runFirstPaintBenchmark(ROOT),
};

/** Where a run of `ids` writes its results: results.json for every benchmark, results-a+b.json for some. */
export const resultsFileFor = (ids: readonly string[]): string =>
  ids.length === Object.keys(BENCHMARKS).length && Object.keys(BENCHMARKS).every((id) => ids.includes(id))
    ? RESULTS_FILE
    : join(dirname(RESULTS_FILE), `results-${ids.join('+')}.json`);

const notMeasured = (id: string, error: unknown, durationMs: number): BenchResult => ({
  id,
  title: `${id}: not measured`,
  measures: 'The benchmark crashed before it produced numbers.',
  rows: [],
  ratios: [],
  notes: [`not measured: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`],
  durationMs,
});

const main = async (): Promise<number> => {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((id) => !(id in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHMARKS).join(', ')}.`);
    return 2;
  }
  const ids = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
  const machine = {
    platform: `${platform()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
  };
  console.log(
    `Portwarden benchmarks on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}\n`,
  );

  const started = performance.now();
  const results: BenchResult[] = [];
  let crashed = false;
  for (const id of ids) {
    const run = BENCHMARKS[id];
    if (!run) continue;
    const t0 = performance.now();
    process.stderr.write(`running ${id}...\n`);
    let result: BenchResult;
    try {
      result = await run();
    } catch (error) {
      crashed = true;
      result = notMeasured(id, error, performance.now() - t0);
    }
    results.push(result);
    if (result.checks?.some((check) => !check.pass)) crashed = true;
    console.log(`${formatResult(result)}\n`);
  }

  const totalMs = performance.now() - started;
  const file = resultsFileFor(ids);
  await mkdir(dirname(file), { recursive: true });
  // Written beside and renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(
    partial,
    `${JSON.stringify({ createdAt: new Date().toISOString(), machine, totalMs, benchmarks: results }, null, 2)}\n`,
  );
  await rename(partial, file);
  console.log(`Total ${(totalMs / 1000).toFixed(1)} s. Results: ${file}`);
  return crashed ? 1 : 0;
};

process.exitCode = await main();
