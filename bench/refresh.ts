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
import { createOwnersFeed } from '../electron/system/owners/owners-feed';
import { createFileBackupStore, createRuleService } from '../electron/system/portproxy';
import { createSimulatedWindows } from '../electron/system/run/choose-windows';
import { readSnapshot } from '../electron/system/state-reader';
import type { Endpoint } from '../shared/model';
import { applyEndpointChanges } from '../shared/owners-delta';
import { ok } from '../shared/result';
import { makeSockets } from './parsers';
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

/** Issue #13: the owners auto-refresh at TCPView's scale, and how much of it changes per second. */
export const OWNER_ENDPOINTS = 20_000;
export const OWNER_CHANGE = 0.01;
const OWNER_REFRESHES = 20;
/** The check: a refresh with 1 % changed must cost at most this share of the full list's bytes. */
const MAX_DELTA_SHARE = 0.1;

interface OwnersBytes {
  readonly rows: BenchRow[];
  readonly ratio: BenchRatio;
  readonly checks: BenchCheck[];
  readonly note: string;
}

/**
 * Bytes per owners auto-refresh (JSON of the Result the route answers, the size IPC carries) at 20,000
 * endpoints of which 1 % differ per refresh: half of them replaced by new connections (one removed, one
 * added), half changing state. full = owners:list, changes = owners:changes after its first answer, both
 * over the same reads; the renderer's side applies each answer and must end with the full list.
 */
const measureOwnersBytes = async (): Promise<OwnersBytes> => {
  const sim = createSimulatedWindows({ scenario: 'hyperv-reserved', locale: 'en' });
  const machine = sim.runner.machine;
  const base = machine.sockets.slice();
  const generated = makeSockets(
    OWNER_ENDPOINTS - base.length,
    machine.processes.map((p) => p.pid),
    13,
  );
  const log = createActivityLog(sim.runner);
  const owners = createPortsService();
  const feed = createOwnersFeed();
  const touched = Math.round(OWNER_ENDPOINTS * OWNER_CHANGE);
  let current = generated;
  const step = (n: number) => {
    // Spread over the list, different ones each refresh: every 100th socket from offset n.
    current = current.map((socket, i) => {
      if ((i + n) % Math.round(1 / OWNER_CHANGE) !== 0) return socket;
      if (i % 2 === 0) return { ...socket, localPort: 1024 + ((socket.localPort + 7919 * n) % 64_000) };
      if (socket.protocol !== 'tcp' || socket.state === 'LISTENING') return { ...socket, pid: socket.pid + 4 };
      return { ...socket, state: socket.state === 'ESTABLISHED' ? 'TIME_WAIT' : 'ESTABLISHED' };
    });
    machine.sockets = [...base, ...current];
  };
  const full: number[] = [];
  const delta: number[] = [];
  let held: readonly Endpoint[] | null = null;
  let revision: number | null = null;
  let mismatches = 0;
  let count = 0;
  for (let n = 0; n <= OWNER_REFRESHES; n++) {
    step(n);
    const read = await owners.listOwners(log.begin('list-owners'), true);
    if (!read.ok) throw new Error(`listOwners failed: ${read.error.message}`);
    count = read.value.endpoints.length;
    const answer = feed.answer(1, { allStates: true, revision }, read.value);
    if (answer.kind === 'full') held = answer.view.endpoints;
    else held = held === null ? null : applyEndpointChanges(held, answer);
    revision = answer.revision;
    if (held === null || JSON.stringify(held) !== JSON.stringify(read.value.endpoints)) mismatches++;
    // The first answer is full by design; the refreshes after it are what the auto-refresh costs.
    if (n === 0) continue;
    full.push(JSON.stringify(ok(read.value)).length);
    delta.push(JSON.stringify(ok(answer)).length);
  }
  const fullSummary = summarize(full);
  const deltaSummary = summarize(delta);
  return {
    rows: [
      {
        label: `owners auto-refresh, ${count.toLocaleString('en-US')} endpoints, ${OWNER_CHANGE * 100} % changed: owners:changes`,
        unit: 'bytes',
        summary: deltaSummary,
        derived: { 'share of full': `${((deltaSummary.median / fullSummary.median) * 100).toFixed(2)} %` },
      },
      { label: '  full list (owners:list, before issue #13)', unit: 'bytes', summary: fullSummary },
    ],
    ratio: {
      label: 'owners bytes per refresh: full list / changes',
      value: ratio(fullSummary.median, deltaSummary.median),
    },
    checks: [
      {
        label: `owners:changes applied = full list on all ${OWNER_REFRESHES + 1} refreshes (${mismatches} differ)`,
        pass: mismatches === 0,
      },
      {
        label: `owners:changes median ${Math.round(deltaSummary.median).toLocaleString('en-US')} bytes <= ${MAX_DELTA_SHARE * 100} % of the full list's ${Math.round(fullSummary.median).toLocaleString('en-US')}`,
        pass: deltaSummary.median <= fullSummary.median * MAX_DELTA_SHARE,
      },
    ],
    note: `owners bytes: allStates=true, ${touched} of ${OWNER_ENDPOINTS.toLocaleString('en-US')} sockets differ per refresh (half replaced by a new local port, half changing state or PID), ${OWNER_REFRESHES} refreshes after the first (full) answer; bytes = JSON of the route's Result.`,
  };
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
  const ownersBytes = await measureOwnersBytes();
  rows.push(...ownersBytes.rows);
  ratios.push(ownersBytes.ratio);
  checks.push(...ownersBytes.checks);
  return {
    id: 'refresh',
    title:
      '2. Refresh in the simulator (hyperv-reserved, en) with L ms per spawn: parallel vs one-at-a-time; owners auto-refresh bytes',
    measures:
      "Wall time of one refresh through an activity-log Operation; 'sequential' is the same code over a runner with a mutex. 'x L' = median / L (the number of spawn latencies the refresh costs).",
    rows,
    ratios,
    checks,
    notes: [
      ownersBytes.note,
      'app refresh = Promise.all([readSnapshot, rules.listRules, owners.listOwners(allStates=false)]), each under its own Operation.',
      'spawns = SimRunner.calls per refresh (counted on the first, untimed call); distinct = different command lines among them. Before issue #13: 15 spawns, 14 distinct (rules and owners each ran netsh interface portproxy show all); identical reads in flight now share one run (electron/system/run/read-coalescer.ts), and the check fails if spawns exceed distinct.',
    ],
    durationMs: performance.now() - started,
  };
};
