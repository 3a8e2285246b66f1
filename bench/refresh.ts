/**
 * Benchmark 2: a refresh in the simulator with a per-spawn latency model, parallel vs sequential.
 *
 * On Windows most of a refresh is process start-up (netsh, sc, netstat, tasklist each cost tens of
 * milliseconds), not parsing. The simulator's latencyMs models exactly that: every call waits L ms
 * before it answers. The product issues its reads concurrently; the baseline is the SAME code over a
 * runner that lets one command run at a time (serial-runner.ts). The ratio sequential / parallel is
 * what running the reads in parallel buys (ideally close to the number of commands).
 *
 * Cases: readSnapshot alone (4 excluded tables, 4 dynamic ranges, WinNAT: 9 commands) and a full app
 * refresh = readSnapshot + rules.listRules + owners.listOwners, the three reads the window issues
 * together, all through an activity-log Operation as in the app.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createActivityLog } from '../electron/system/activity-log';
import { createMemoryJournal } from '../electron/system/journal';
import type { CommandRunner } from '../electron/system/run/command-runner';
import { createPortsService } from '../electron/system/owners';
import { createFileBackupStore, createRuleService } from '../electron/system/portproxy';
import { createSimulatedWindows } from '../electron/system/run/choose-windows';
import { readSnapshot } from '../electron/system/state-reader';
import type { BenchCheck, BenchResult, BenchRow, BenchRatio } from './report';
import { serializeRunner } from './serial-runner';
import { ratio, sampleMs, summarize } from './stats';

export const LATENCIES_MS = [20, 50] as const;
const TIMING = { warmup: 1, minRuns: 5, maxRuns: 15, budgetMs: 2_500 } as const;

type Mode = 'parallel' | 'sequential';
type Workload = 'readSnapshot' | 'app refresh';

interface Measured {
  readonly summary: ReturnType<typeof summarize>;
  readonly spawnsPerRun: number;
  /** Different command lines among those spawns; fewer than spawns means a read ran twice. */
  readonly distinctPerRun: number;
}

/** Fresh simulated Windows per case, so SimRunner.calls counts this case's spawns only. */
const measure = async (latencyMs: number, mode: Mode, workload: Workload, backupDir: string): Promise<Measured> => {
  const sim = createSimulatedWindows({ scenario: 'hyperv-reserved', locale: 'en', latencyMs });
  const runner: CommandRunner = mode === 'parallel' ? sim.runner : serializeRunner(sim.runner);
  const log = createActivityLog(runner);
  // listRules only reads; the journal is never written here.
  const rules = createRuleService({
    backups: createFileBackupStore(backupDir),
    probe: sim.probe,
    journal: createMemoryJournal(),
  });
  const owners = createPortsService();

  const once = async (): Promise<void> => {
    if (workload === 'readSnapshot') {
      await readSnapshot(log.begin('bench'));
      return;
    }
    const [, listed, owned] = await Promise.all([
      readSnapshot(log.begin('bench-snapshot')),
      rules.listRules(log.begin('bench-rules')),
      owners.listOwners(log.begin('bench-owners'), false),
    ]);
    if (!listed.ok) throw new Error(`listRules failed: ${listed.error.message}`);
    if (!owned.ok) throw new Error(`listOwners failed: ${owned.error.message}`);
  };

  const before = sim.runner.calls.length;
  await once();
  const calls = sim.runner.calls.slice(before);
  const distinctPerRun = new Set(calls.map((call) => [call.command, ...call.args].join(' '))).size;
  const summary = summarize(await sampleMs(once, TIMING));
  return { summary, spawnsPerRun: calls.length, distinctPerRun };
};

export const runRefreshBenchmark = async (): Promise<BenchResult> => {
  const started = performance.now();
  const rows: BenchRow[] = [];
  const ratios: BenchRatio[] = [];
  const checks: BenchCheck[] = [];
  const backupDir = await mkdtemp(join(tmpdir(), 'portwarden-bench-'));
  try {
    for (const workload of ['readSnapshot', 'app refresh'] as const) {
      for (const latencyMs of LATENCIES_MS) {
        const results: Partial<Record<Mode, Measured>> = {};
        for (const mode of ['parallel', 'sequential'] as const) {
          const measured = await measure(latencyMs, mode, workload, backupDir);
          results[mode] = measured;
          // Issue #13: one read of each source per refresh; identical reads in flight share one spawn.
          checks.push({
            label: `${workload} L=${latencyMs}ms ${mode}: spawns per refresh ${measured.spawnsPerRun} = distinct commands ${measured.distinctPerRun}`,
            pass: measured.spawnsPerRun === measured.distinctPerRun,
          });
          rows.push({
            label: `${workload} L=${latencyMs}ms ${mode}`,
            unit: 'ms',
            summary: measured.summary,
            derived: {
              spawns: measured.spawnsPerRun,
              distinct: measured.distinctPerRun,
              'x L': measured.summary.median / latencyMs,
            },
          });
        }
        ratios.push({
          label: `${workload} L=${latencyMs}ms sequential / parallel`,
          value: ratio(
            results.sequential?.summary.median ?? Number.NaN,
            results.parallel?.summary.median ?? Number.NaN,
          ),
        });
      }
    }
  } finally {
    await rm(backupDir, { recursive: true, force: true });
  }
  return {
    id: 'refresh',
    title: '2. Refresh in the simulator (hyperv-reserved, en) with L ms per spawn: parallel vs one-at-a-time',
    measures:
      "Wall time of one refresh through an activity-log Operation; 'sequential' is the same code over a runner with a mutex. 'x L' = median / L (the number of spawn latencies the refresh costs).",
    rows,
    ratios,
    checks,
    notes: [
      'app refresh = Promise.all([readSnapshot, rules.listRules, owners.listOwners(allStates=false)]), each under its own Operation.',
      'spawns = SimRunner.calls per refresh (counted on the first, untimed call); distinct = different command lines among them. Before issue #13: 15 spawns, 14 distinct (rules and owners each ran netsh interface portproxy show all); identical reads in flight now share one run (electron/system/run/read-coalescer.ts), and the check fails if spawns exceed distinct.',
    ],
    durationMs: performance.now() - started,
  };
};
