/**
 * Test helpers for services over the simulated Windows. Timeouts are capped so a hung command
 * (an injected 'hang' fault) ends in milliseconds instead of the real 15–60 s.
 */
import type { CommandRunner } from '../../electron/system/run/command-runner';
import { createActivityLog, type Operation } from '../../electron/system/activity-log';
import { createMemoryJournal } from '../../electron/system/journal';
import { createSimulatedWindows } from '../../electron/system/run/choose-windows';

export const TEST_TIMEOUT_CAP_MS = 40;

export const simulatedOperation = (scenario: string, locale = 'en', seed = 1) => {
  const windows = createSimulatedWindows({ scenario, locale, seed });
  const sim = windows.runner;
  const capped: CommandRunner = {
    run: (command, args, options) =>
      sim.run(command, args, { timeoutMs: Math.min(options?.timeoutMs ?? TEST_TIMEOUT_CAP_MS, TEST_TIMEOUT_CAP_MS) }),
  };
  const log = createActivityLog(capped);
  const op: Operation = log.begin('test');
  /** The argv of every mutating call the service made, as one string each. */
  const commandLines = () => sim.calls.map((c) => `${c.command} ${c.args.join(' ')}`);
  /** In memory: a service test sees the entries a change left (the file journal has its own tests). */
  const journal = createMemoryJournal();
  return { sim, op, log, commandLines, journal };
};

export const mutations = (lines: readonly string[]) =>
  lines.filter((l) => / (add|delete|set) /.test(l) || /^net (stop|start) /.test(l));
