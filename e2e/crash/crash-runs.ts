/**
 * Runs of crash-child.ts for the crash tests: each run is a folder with the simulated machine's state
 * file and the app's data folder; a run can start as a copy of another (the state a crash left).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Result } from '../../shared/result';
import { deserializeMachine, type Machine, type ScenarioName } from '../../electron/system/simulated-windows';
import { REPO_ROOT } from '../harness/build';

export interface Call {
  readonly channel: string;
  readonly args: readonly unknown[];
}

/**
 * In a child's call list: resolve the one change the previous call (listUnfinishedChanges) listed,
 * with this action, as the user's click on the banner would; null in the results when that change
 * does not offer the action. Saves a process start per way out of a crash: the listing is still the
 * first thing a fresh start does.
 */
export interface ResolveListed {
  readonly resolveListed: 'finish' | 'roll-back';
}

export interface ChildOutput {
  /** null where a resolveListed call did not run (its action was not offered). */
  readonly results: readonly (Result<unknown> | null)[];
  readonly changes: number;
  readonly attempts: number;
}

export interface Run {
  readonly dir: string;
  readonly state: string;
  readonly dataDir: string;
}

export interface CrashPoint {
  readonly when: 'before' | 'after';
  readonly change: number;
}

const CHILD = path.join(REPO_ROOT, 'out/crash/crash-child.cjs');

/**
 * POSIX reports the SIGKILL; on Windows process.kill(pid, 'SIGKILL') is TerminateProcess with exit
 * code 1 and no signal, so there a silent exit 1 counts (an error in the child prints to stderr).
 */
const killedByItself = (
  error: { signal?: NodeJS.Signals | null; code?: unknown },
  stdout: string,
  stderr: string,
): boolean =>
  error.signal === 'SIGKILL' ||
  (process.platform === 'win32' && error.code === 1 && stdout.trim() === '' && stderr.trim() === '');

/** One CommonJS bundle, so each child starts in a fraction of a second (no TypeScript loader). */
export const buildCrashChild = () =>
  build({
    entryPoints: [path.join(REPO_ROOT, 'e2e/crash/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: CHILD,
    logLevel: 'warning',
  });

export const createRuns = async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'portwarden-crash-'));
  let next = 0;

  const newRun = async (from?: Run): Promise<Run> => {
    const dir = path.join(root, `run-${next++}`);
    await mkdir(dir, { recursive: true });
    const run = { dir, state: path.join(dir, 'machine.json'), dataDir: path.join(dir, 'data') };
    if (from) {
      await cp(from.state, run.state);
      await cp(from.dataDir, run.dataDir, { recursive: true }).catch(() => undefined);
    }
    return run;
  };

  /** Runs the calls in a child process; `killed` when the crash point was reached (SIGKILL). */
  const spawnChild = async (
    run: Run,
    scenario: ScenarioName,
    calls: readonly (Call | ResolveListed)[],
    crash?: CrashPoint,
  ): Promise<{ killed: boolean; output: ChildOutput | null }> => {
    const requestFile = path.join(run.dir, `request-${next++}.json`);
    await writeFile(
      requestFile,
      JSON.stringify({ state: run.state, dataDir: run.dataDir, scenario, calls, ...(crash ? { crash } : {}) }),
    );
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [CHILD, requestFile],
        { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error && killedByItself(error, stdout, stderr)) return resolve({ killed: true, output: null });
          if (error) return reject(new Error(`child failed: ${error.message}\n${stderr}`));
          resolve({ killed: false, output: JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as ChildOutput });
        },
      );
    });
  };

  const machineOf = async (run: Run): Promise<Machine> => deserializeMachine(await readFile(run.state, 'utf8'));

  return { newRun, spawnChild, machineOf, dispose: () => rm(root, { recursive: true, force: true }) };
};
