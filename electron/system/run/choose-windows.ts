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
} from '../simulated-windows';

export const DEFAULT_SCENARIO = 'hyperv-reserved';

export interface SimulatedWindows {
  readonly runner: SimRunner;
  /** "Does the target answer?" over the same live machine, so it follows the commands the runner runs. */
  readonly probe: TcpProbe;
  readonly scenario: string;
  readonly language: Language;
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
}): SimulatedWindows => {
  if (!isScenarioName(options.scenario)) {
    throw new Error(`Unknown scenario "${options.scenario}". Choose one of: ${SCENARIO_NAMES.join(', ')}.`);
  }
  const language = languageOf(options.locale);
  const machine = options.machine ?? createScenarioMachine(options.scenario, { language, seed: options.seed ?? 1 });
  const runner = createSimRunner(machine, { latencyMs: options.latencyMs ?? 0, readFile: readFileOrNull });
  const probe = createSimProbe(runner.machine, { latencyMs: options.latencyMs ?? 0 });
  return { runner, probe, scenario: options.scenario, language };
};

export interface RunnerChoice {
  readonly runner: CommandRunner;
  /** "Does the forwarding target answer?": real sockets on Windows, the simulated network otherwise. */
  readonly probe: TcpProbe;
  readonly simulated: boolean;
  readonly scenario: string | null;
}

export const selectRunner = (options: {
  platform: string;
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): RunnerChoice => {
  const { platform, isPackaged, env } = options;
  // On Windows, PORTWARDEN_SIMULATE=1 lets a developer try scenarios; a packaged build ignores it.
  if (platform === 'win32' && (isPackaged || env.PORTWARDEN_SIMULATE !== '1')) {
    return { runner: createWindowsRunner(), probe: createSocketProbe(), simulated: false, scenario: null };
  }
  assertSimulatorAllowed({ isPackaged, platform });
  const simulated = createSimulatedWindows({
    scenario: env.PORTWARDEN_SCENARIO || DEFAULT_SCENARIO,
    locale: env.PORTWARDEN_LOCALE || 'en',
  });
  return { runner: simulated.runner, probe: simulated.probe, simulated: true, scenario: simulated.scenario };
};
