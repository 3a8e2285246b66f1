/**
 * The CommandRunner over a simulated machine. Each call renders the command's text, then ENCODES it in
 * the machine's OEM code page and decodes it back with the app's own decodeConsoleOutput, so every
 * consumer goes through the same decode path as on Windows (a wrong code page shows up as mojibake,
 * like `ABH™REN` in netstat-an.de.1-cp850-mojibake-fragment.txt).
 *
 * The command runs on a clone of the machine, which is committed (in place, so references held by
 * callers stay current) only when the command takes effect; an injected 'fail' or 'deny', or a hang
 * with applied: false, leaves the machine untouched.
 */
import {
  DEFAULT_TIMEOUT_MS,
  type CommandRunner,
  type RunOptions,
  type RunResult,
  type SystemCommand,
} from '../run/command-runner';
import { decodeCommandOutput, encodeConsoleOutput } from '../run/console-encoding';
import { denialFor, failureFor } from './denials';
import { executeCommand } from './interpreter';
import type { SimOutput } from './output';
import type { SimReadFile } from './schtasks';
import { cloneMachine, type Machine } from './state';
import { textsFor } from './texts';
import { messageOf } from '../../../shared/result';

/**
 * 'no-effect': the command answers exit 0 with its usual success text, but nothing changes (a service
 * that reports "started" and stops again, a netsh that accepts and drops the change, a taskkill of a
 * process that respawns). Any change judged by its exit code passes it; only a re-read catches it.
 */
export type FaultKind = 'fail' | 'hang' | 'deny' | 'no-effect';

export type FaultMatcher =
  | ((command: SystemCommand, args: readonly string[]) => boolean)
  /** Every string of argsIncludes must equal one of the args, case-insensitively. */
  | { readonly command: SystemCommand; readonly argsIncludes?: readonly string[] };

export interface FaultSpec {
  readonly match: FaultMatcher;
  /** Fire on the nth matching call (1-based, counted from injection). Default 1. */
  readonly nth?: number;
  readonly kind: FaultKind;
  /** Default true: fire once. false: fire on the nth matching call and every one after it. */
  readonly once?: boolean;
  /** 'hang' only: whether the change took effect before the command hung (a real timeout leaves it unknown). Default false. */
  readonly applied?: boolean;
  /** 'fail' only: replaces the default Win32 1359 text (goes to stderr for net, stdout for netsh). */
  readonly output?: string;
  /** 'fail' only: default 1. */
  readonly exitCode?: number;
}

export interface SimCall {
  readonly command: SystemCommand;
  readonly args: readonly string[];
  readonly timeoutMs: number;
  /** Set once the call has answered. */
  result?: RunResult;
  fault?: FaultKind;
}

export interface SimChange {
  readonly command: SystemCommand;
  readonly args: readonly string[];
  /** Clones: safe to keep and compare. */
  readonly before: Machine;
  readonly after: Machine;
}

export interface SimRunResultBytes extends RunResult {
  /** What the console process wrote, in the machine's OEM code page. */
  readonly stdoutBytes: Uint8Array;
  readonly stderrBytes: Uint8Array;
}

export interface SimRunnerOptions {
  /** Delay of every spawn in ms (benchmarks, spinners). A latency at or beyond the call's timeout times it out, unapplied. */
  readonly latencyMs?: number;
  /**
   * Reads a file for `schtasks /Create /XML <file>` (the simulator does no I/O itself). The host
   * passes node:fs; without it every /XML file reads as missing, as on a machine without the file.
   */
  readonly readFile?: SimReadFile;
}

export interface SimRunner extends CommandRunner {
  /** The live machine (mutated in place as commands take effect). */
  readonly machine: Machine;
  readonly calls: readonly SimCall[];
  /** Same as run, plus the encoded bytes the real console would have produced. */
  runBytes(command: SystemCommand, args: readonly string[], options?: RunOptions): Promise<SimRunResultBytes>;
  /** Returns a function that removes the fault. */
  injectFault(spec: FaultSpec): () => void;
  clearFaults(): void;
  /** Called after every command that changed the machine; returns an unsubscribe function. */
  onChange(listener: (change: SimChange) => void): () => void;
  setLatency(ms: number): void;
}

interface ArmedFault {
  readonly spec: FaultSpec;
  seen: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const matches = (matcher: FaultMatcher, command: SystemCommand, args: readonly string[]): boolean => {
  if (typeof matcher === 'function') return matcher(command, args);
  const lowered = args.map((arg) => arg.toLowerCase());
  return (
    matcher.command === command &&
    (matcher.argsIncludes ?? []).every((wanted) => lowered.includes(wanted.toLowerCase()))
  );
};

const failOutput = (spec: FaultSpec, command: SystemCommand, machine: Machine): SimOutput => {
  const base = failureFor(command, textsFor(machine.language));
  const exitCode = spec.exitCode ?? base.exitCode;
  if (spec.output === undefined) return { ...base, exitCode };
  const text = `${spec.output}\r\n`;
  return command === 'net' ? { exitCode, stdout: '', stderr: text } : { exitCode, stdout: text, stderr: '' };
};

export const createSimRunner = (machine: Machine, options: SimRunnerOptions = {}): SimRunner => {
  let latencyMs = options.latencyMs ?? 0;
  const { readFile } = options;
  let faults: ArmedFault[] = [];
  const calls: SimCall[] = [];
  const listeners = new Set<(change: SimChange) => void>();

  /** Counts this call against every matching fault; the first one due fires. */
  const dueFault = (command: SystemCommand, args: readonly string[]): FaultSpec | undefined => {
    let due: ArmedFault | undefined;
    for (const fault of faults) {
      if (!matches(fault.spec.match, command, args)) continue;
      fault.seen++;
      const nth = fault.spec.nth ?? 1;
      const fires = fault.spec.once === false ? fault.seen >= nth : fault.seen === nth;
      if (fires && !due) due = fault;
    }
    if (due && due.spec.once !== false) faults = faults.filter((f) => f !== due);
    return due?.spec;
  };

  /** Runs the command on a clone and commits it; returns the output. A simulator bug becomes a result, since run() never throws. */
  const apply = (command: SystemCommand, args: readonly string[]): SimOutput => {
    const before = cloneMachine(machine);
    const draft = cloneMachine(machine);
    let output: SimOutput;
    try {
      output = executeCommand(draft, command, args, readFile);
    } catch (error) {
      return {
        exitCode: 1,
        stdout: '',
        stderr: `simulator error: ${messageOf(error)}\r\n`,
      };
    }
    if (JSON.stringify(draft) !== JSON.stringify(before)) {
      Object.assign(machine, draft);
      const after = cloneMachine(machine);
      for (const listener of listeners) listener({ command, args, before, after });
    }
    return output;
  };

  /** Runs the command on a throwaway clone: its success output, exit 0, and the machine untouched. */
  const withoutEffect = (command: SystemCommand, args: readonly string[]): SimOutput => {
    let output: SimOutput;
    try {
      output = executeCommand(cloneMachine(machine), command, args, readFile);
    } catch {
      output = { exitCode: 0, stdout: '', stderr: '' };
    }
    return { ...output, exitCode: 0 };
  };

  const encodeResult = (output: SimOutput, command: SystemCommand): SimRunResultBytes => {
    const codePage = machine.oemCodePage;
    const encode = (text: string) =>
      output.encoding ? new Uint8Array(Buffer.from(text, output.encoding)) : encodeConsoleOutput(text, codePage);
    const stdoutBytes = encode(output.stdout);
    const stderrBytes = encode(output.stderr);
    return {
      exitCode: output.exitCode,
      stdout: decodeCommandOutput(command, stdoutBytes, codePage),
      stderr: decodeCommandOutput(command, stderrBytes, codePage),
      timedOut: false,
      stdoutBytes,
      stderrBytes,
    };
  };

  const timedOut = (): SimRunResultBytes => ({
    exitCode: null,
    stdout: '',
    stderr: '',
    timedOut: true,
    stdoutBytes: new Uint8Array(),
    stderrBytes: new Uint8Array(),
  });

  const runBytes = async (
    command: SystemCommand,
    args: readonly string[],
    runOptions: RunOptions = {},
  ): Promise<SimRunResultBytes> => {
    const timeoutMs = runOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const call: SimCall = { command, args: [...args], timeoutMs };
    calls.push(call);
    const fault = dueFault(command, args);
    if (fault) call.fault = fault.kind;
    const finish = (result: SimRunResultBytes): SimRunResultBytes => {
      call.result = {
        exitCode: result.exitCode,
        stdout: result.stdout,
        stderr: result.stderr,
        timedOut: result.timedOut,
      };
      return result;
    };

    if (fault?.kind === 'hang') {
      if (fault.applied) apply(command, args);
      await sleep(timeoutMs);
      return finish(timedOut());
    }
    if (latencyMs >= timeoutMs) {
      await sleep(timeoutMs);
      return finish(timedOut());
    }
    if (latencyMs > 0) await sleep(latencyMs);
    if (fault?.kind === 'fail') return finish(encodeResult(failOutput(fault, command, machine), command));
    if (fault?.kind === 'no-effect') return finish(encodeResult(withoutEffect(command, args), command));
    if (fault?.kind === 'deny')
      return finish(encodeResult(denialFor(command, args, textsFor(machine.language)), command));
    return finish(encodeResult(apply(command, args), command));
  };

  return {
    get machine() {
      return machine;
    },
    calls,
    runBytes,
    run: async (command, args, runOptions) => {
      const { stdoutBytes: _out, stderrBytes: _err, ...result } = await runBytes(command, args, runOptions);
      return result;
    },
    injectFault: (spec) => {
      const armed: ArmedFault = { spec, seen: 0 };
      faults.push(armed);
      return () => {
        faults = faults.filter((f) => f !== armed);
      };
    },
    clearFaults: () => {
      faults = [];
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
  };
};
