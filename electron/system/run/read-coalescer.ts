/**
 * One read of each source per refresh (issue #13). The window refreshes its views together
 * (renderer/store/ui-slice.ts: ranges, owners and rules at once), and two of them read the same source:
 * the rules view and the owners view both run `netsh interface portproxy show all`. Identical read
 * commands asked while one of them is still running share that one run instead of spawning again.
 *
 * Only reads in flight are shared, never a finished one: a read asked after another has returned starts
 * its own process, so no answer is older than the moment it was asked. And a read after a change must
 * never be answered from before it: every command that is not a known read (any change, and anything
 * unrecognised) and every change route (activity-log.ts calls `invalidate`) closes the reads in flight to
 * later askers, both when it starts and when it ends. Reads that run inside a change are never shared at
 * all: a change re-reads Windows to verify itself (docs/architecture.md §3) and must see its own effect.
 */
import type { CommandLine } from '../commands';
import type { RunOptions, RunResult } from './command-runner';

/**
 * Commands that only read Windows, by argv shape (electron/system/commands.ts and portproxy/commands.ts
 * build them): `netstat`, `tasklist`, `netsh <context> <context> show ...`, `sc query`, `reg query` and
 * `schtasks /Query`. Everything else is treated as a change, which is the safe side: it is never shared
 * and it ends the sharing of the reads in flight.
 */
export const isReadCommand = ({ command, args }: CommandLine): boolean => {
  switch (command) {
    case 'netstat':
    case 'tasklist':
      return true;
    case 'netsh':
      return args[2]?.toLowerCase() === 'show';
    case 'sc':
    case 'reg':
      return args[0]?.toLowerCase() === 'query';
    case 'schtasks':
      return args[0]?.toLowerCase() === '/query';
    // Changes, the elevation probe and anything new: never shared.
    case 'net':
    case 'taskkill':
    case 'wsl':
    case 'icacls':
      return false;
  }
};

export interface CoalescedRun {
  readonly result: RunResult;
  /** The answer came from a run another caller started (no process was started for this one). */
  readonly shared: boolean;
}

export interface ReadCoalescer {
  /**
   * Runs `line` with `start`, or joins an identical read already in flight. `exclusive`: never share
   * (a read inside a change); a command that is not a read is always exclusive and invalidates.
   */
  run(
    line: CommandLine,
    options: RunOptions | undefined,
    exclusive: boolean,
    start: () => Promise<RunResult>,
  ): Promise<CoalescedRun>;
  /** Something may change Windows now: reads in flight no longer answer reads asked from here on. */
  invalidate(): void;
  /** Reads currently open to joiners; for tests (it must drain to 0). */
  readonly inFlight: number;
}

const keyOf = (line: CommandLine, options: RunOptions | undefined): string =>
  // JSON keeps argument boundaries (`a b` + `c` differs from `a` + `b c`); the timeout changes the answer.
  JSON.stringify([line.command, line.args, options?.timeoutMs ?? null]);

export const createReadCoalescer = (): ReadCoalescer => {
  const inFlight = new Map<string, Promise<RunResult>>();

  const invalidate = () => {
    // The promises still answer the callers that already hold them; nobody new can join them.
    inFlight.clear();
  };

  return {
    invalidate,
    get inFlight() {
      return inFlight.size;
    },
    async run(line, options, exclusive, start) {
      if (!isReadCommand(line)) {
        invalidate();
        try {
          return { result: await start(), shared: false };
        } finally {
          invalidate();
        }
      }
      if (exclusive) return { result: await start(), shared: false };
      const key = keyOf(line, options);
      const running = inFlight.get(key);
      if (running) return { result: await running, shared: true };
      const started = start();
      inFlight.set(key, started);
      try {
        return { result: await started, shared: false };
      } finally {
        // Only this run's own entry: an invalidation may have let a newer identical read take the key.
        if (inFlight.get(key) === started) inFlight.delete(key);
      }
    },
  };
};
