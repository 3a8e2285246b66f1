import type { ChangeReport, Outcome, Snapshot, StepReport } from '../../shared/model';
import type { RunResult } from './run/command-runner';
import { diffExcludedRanges } from './ranges/range-diff';

/** One line on what a command did, for a step's detail: timeouts first, then the first output line. */
export const describeRun = (result: RunResult): string => {
  if (result.timedOut) return 'timed out';
  const text = (result.stderr.trim() || result.stdout.trim()).split(/\r?\n/).find((l) => l.trim()) ?? '';
  return `exit code ${result.exitCode ?? 'none'}${text ? `: ${text.trim()}` : ''}`;
};

export const step = (name: string, ok: boolean, detail?: string): StepReport =>
  detail ? { step: name, ok, detail } : { step: name, ok };

export const buildReport = (
  outcome: Outcome,
  steps: readonly StepReport[],
  before: Snapshot,
  after: Snapshot,
  message?: string,
): ChangeReport => ({
  outcome,
  steps,
  snapshot: after,
  diff: diffExcludedRanges(before.excluded, after.excluded),
  winnatAfter: after.winnat,
  ...(message ? { message } : {}),
});
