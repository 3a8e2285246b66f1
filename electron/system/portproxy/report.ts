/**
 * Building RuleChangeReports and the step records inside them. Step records reuse change-report.ts
 * (`step`, `describeRun`) so the rule service reads like the exclusion and WinNAT services.
 */
import type { BackupInfo, Outcome, ProxyRule, RuleChangeReport, RuleOutcome, StepReport } from '../../../shared/model';
import { err, type Result } from '../../../shared/result';
import type { RunResult } from '../run/command-runner';
import { describeRun, step } from '../change-report';
import { toRulesView, type RuleState } from './read';

/** A rule as people read it, for step details and messages. */
export const describeRule = (rule: ProxyRule): string =>
  `${rule.type} ${rule.listenAddress}:${rule.listenPort} -> ${rule.connectAddress}:${rule.connectPort}`;

/** Exit code 0 and no timeout: only a hint for the step; outcomes come from the re-read (docs/architecture.md §3). */
export const ranClean = (result: RunResult): boolean => !result.timedOut && result.exitCode === 0;

/** A command step: its name, whether the command itself looked fine, and what it said. */
export const commandStep = (name: string, result: RunResult, subject?: string): StepReport =>
  step(name, ranClean(result), [subject, describeRun(result)].filter(Boolean).join(': '));

export const ruleReport = (
  outcome: Outcome,
  steps: readonly StepReport[],
  state: RuleState,
  extra: { perRule?: readonly RuleOutcome[]; backup?: BackupInfo; message?: string | undefined } = {},
): RuleChangeReport => ({
  outcome,
  steps,
  rules: toRulesView(state),
  ...(extra.perRule ? { perRule: extra.perRule } : {}),
  ...(extra.backup ? { backup: extra.backup } : {}),
  ...(extra.message ? { message: extra.message } : {}),
});

/** The conflict payload: the rules as Windows lists them now, so the UI can ask the user. */
export const conflictDetail = (rules: readonly ProxyRule[]): string =>
  JSON.stringify(rules.length === 1 ? rules[0] : rules);

export const unreadable = (state: RuleState): Result<never> =>
  err('command-failed', 'Could not read the portproxy rules (netsh interface portproxy show all).', {
    detail: state.rulesError ?? '',
  });
