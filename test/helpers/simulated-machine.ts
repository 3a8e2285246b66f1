/** Shared by the simulator's tests only. */
import { createSimRunner, type SimRunner } from '../../electron/system/simulated-windows/simulated-runner';
import { createScenarioMachine, type ScenarioOptions } from '../../electron/system/simulated-windows/scenarios';
import type { Machine, SimRange } from '../../electron/system/simulated-windows/state';

export const simFor = (scenario: string, options: ScenarioOptions = {}): SimRunner =>
  createSimRunner(createScenarioMachine(scenario, options));

export const netsh = (runner: SimRunner, ...args: string[]) => runner.run('netsh', args);

export const tcp4 = (machine: Machine): SimRange[] => machine.excluded.ipv4.tcp;

export const rows = (ranges: readonly SimRange[]): string[] =>
  [...ranges].sort((a, b) => a.start - b.start).map((r) => `${r.start}-${r.end}${r.administered ? '*' : ''}`);
