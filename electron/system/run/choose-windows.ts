/**
 * Chooses the Windows layer: the real runner on Windows, the simulated Windows everywhere else (demo
 * mode, `npm start` on Linux/macOS, tests). A packaged Windows build always gets the real runner:
 * no environment variable can point an elevated install at fake data (docs/architecture.md §4).
 */
import { readFileSync } from 'node:fs';
import type { CommandRunner } from './command-runner';
import type { TcpProbe } from '../portproxy/types';
import { createWindowsRunner } from './windows-runner';
import { createSocketProbe } from '../portproxy/socket-probe';
import { openNativeWindows, type NativeWindows } from '../native';
import { createSimulatedNative } from '../simulated-windows/simulated-native';
import { findWindowsFolder, type WindowsFolder } from './windows-dirs';
import {
  assertSimulatorAllowed,
  createScenarioMachine,
  createSimProbe,
  createSimRunner,
  isScenarioName,
  LANGUAGES,
  SCENARIO_NAMES,
  type Language,
  type Machine,
  type SimRunner,
  createSimDockerTransport,
  createSimReverseNames,
  createSimWslConfig,
} from '../simulated-windows';
import type { HostReads } from '../app-services';

export const DEFAULT_SCENARIO = 'hyperv-reserved';

export interface SimulatedWindows {
  readonly runner: SimRunner;
  /** The native read layer over the same machine, when asked for (`nativeReads`); null otherwise. */
  readonly native: (NativeWindows & { readonly calls: string[] }) | null;
  /** "Does the target answer?" over the same live machine, so it follows the commands the runner runs. */
  readonly probe: TcpProbe;
  readonly scenario: string;
  readonly language: Language;
  /** The reads that are not commands (.wslconfig, Docker's pipe), answered from the same machine. */
  readonly host: HostReads;
}

const languageOf = (locale: string): Language => {
  const exact = LANGUAGES.find((l) => l.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const prefix = locale.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === prefix) ?? 'en';
};

/** The simulated schtasks reads its /XML file from the real disk (the app wrote it there); a missing file is null. */
const readFileOrNull = (file: string): Uint8Array | null => {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
};

export const createSimulatedWindows = (options: {
  scenario: string;
  locale: string;
  seed?: number;
  latencyMs?: number;
  /** Start from this machine (e.g. one a killed process left on disk) instead of the scenario's. */
  machine?: Machine;
  /** Also answer the native reads (as Windows does through koffi) instead of leaving every read to commands. */
  nativeReads?: boolean;
}): SimulatedWindows => {
  if (!isScenarioName(options.scenario)) {
    throw new Error(`Unknown scenario "${options.scenario}". Choose one of: ${SCENARIO_NAMES.join(', ')}.`);
  }
  const language = languageOf(options.locale);
  const machine = options.machine ?? createScenarioMachine(options.scenario, { language, seed: options.seed ?? 1 });
  const runner = createSimRunner(machine, { latencyMs: options.latencyMs ?? 0, readFile: readFileOrNull });
  const probe = createSimProbe(runner.machine, { latencyMs: options.latencyMs ?? 0 });
  const host: HostReads = {
    wslConfig: createSimWslConfig(runner.machine),
    docker: createSimDockerTransport(runner.machine),
    resolveNames: createSimReverseNames(runner.machine, { latencyMs: options.latencyMs ?? 0 }),
  };
  const native = options.nativeReads ? createSimulatedNative(runner.machine) : null;
  return { runner, native, probe, scenario: options.scenario, language, host };
};

export interface RunnerChoice {
  readonly runner: CommandRunner;
  /** "Does the forwarding target answer?": real sockets on Windows, the simulated network otherwise. */
  readonly probe: TcpProbe;
  readonly simulated: boolean;
  readonly scenario: string | null;
  /** .wslconfig and Docker reads; absent: the real ones (createAppServices' default). */
  readonly host?: HostReads;
  /** The Win32 read layer; null on the simulator and where it could not load (then `nativeProblem` says why). */
  readonly native: NativeWindows | null;
  readonly nativeProblem: string | null;
  /** Where the runner takes System32 from, and whether that was a fallback; null on the simulator. */
  readonly windowsFolder: WindowsFolder | null;
}

export const selectRunner = (options: {
  platform: string;
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): RunnerChoice => {
  const { platform, isPackaged, env } = options;
  // On Windows, PORTWARDEN_SIMULATE=1 lets a developer try scenarios; a packaged build ignores it.
  if (platform === 'win32' && (isPackaged || env.PORTWARDEN_SIMULATE !== '1')) {
    let nativeProblem: string | null = null;
    const native = openNativeWindows({ onUnavailable: (reason) => (nativeProblem = reason) });
    const windowsFolder = findWindowsFolder({ native });
    return {
      runner: createWindowsRunner({ env: { SystemRoot: windowsFolder.path } }),
      probe: createSocketProbe(),
      simulated: false,
      scenario: null,
      native,
      nativeProblem,
      windowsFolder,
    };
  }
  assertSimulatorAllowed({ isPackaged, platform });
  const simulated = createSimulatedWindows({
    scenario: env.PORTWARDEN_SCENARIO || DEFAULT_SCENARIO,
    locale: env.PORTWARDEN_LOCALE || 'en',
  });
  return {
    runner: simulated.runner,
    probe: simulated.probe,
    simulated: true,
    scenario: simulated.scenario,
    host: simulated.host,
    native: null,
    nativeProblem: null,
    windowsFolder: null,
  };
};
