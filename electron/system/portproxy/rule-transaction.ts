/**
 * The transaction every multi-command rule change goes through (edit to a new listen key, delete,
 * import, restore; docs/architecture.md §3 "Edits are transactional"):
 *
 *   1. put: `add` every new or changed rule (add replaces in place), then re-read and verify;
 *   2. remove: `delete` the rules the target drops, then re-read and verify;
 *   3. on any failed command or failed verification: roll back to `before` with the same planner the
 *      other way, and verify that.
 *
 * Adds run before deletes, so a user never ends with zero rules where they had one (an edit's old rule
 * is deleted only once the new one is listed). A command that fails stops its phase at once: the
 * remaining commands would only widen what the rollback has to undo.
 */
import type { Outcome, ProxyRule, RuleOutcome, StepReport } from '../../../shared/model';
import { listenKey, planRuleSet, type RulePlan } from '../../../shared/proxy-rules';
import type { Operation } from '../activity-log';
import { step } from '../change-report';
import { addPortProxy, deletePortProxy } from './commands';
import { judgeOne, judgeRules, ruleOutcome } from './judge';
import { rereadRuleState, type RuleState } from './read';
import { commandStep, describeRule, ranClean } from './report';

export interface RuleSetResult {
  readonly outcome: Outcome;
  readonly steps: readonly StepReport[];
  /** The last read: the rule set as it is now. */
  readonly state: RuleState;
  readonly perRule: readonly RuleOutcome[];
  readonly rolledBack: boolean;
  readonly message?: string;
}

/** The whole rule set after `plan` (planRuleSet in merge or replace mode) is applied to `current`. */
export const targetOf = (current: readonly ProxyRule[], plan: RulePlan): ProxyRule[] => {
  const byKey = new Map(current.map((rule) => [listenKey(rule), rule]));
  for (const rule of plan.remove) byKey.delete(listenKey(rule));
  for (const { after } of plan.replace) byKey.set(listenKey(after), after);
  for (const rule of plan.add) byKey.set(listenKey(rule), rule);
  return [...byKey.values()];
};

interface Phase {
  readonly steps: StepReport[];
  /** Listen keys whose command failed, with what the command said. */
  readonly failures: Map<string, string>;
  /** Listen keys a command ran for (a failed command stops the phase: the rest never ran). */
  readonly ran: Set<string>;
}

/** `prefix` '' for the change itself, 'rollback-' for the way back: steps `add-rule`, `rollback-delete-rule`, ... */
const runPhase = async (
  op: Operation,
  prefix: string,
  commands: readonly { rule: ProxyRule; remove: boolean }[],
): Promise<Phase> => {
  const phase: Phase = { steps: [], failures: new Map(), ran: new Set() };
  for (const { rule, remove } of commands) {
    const result = await op.run(remove ? deletePortProxy(rule) : addPortProxy(rule));
    const report = commandStep(`${prefix}${remove ? 'delete' : 'add'}-rule`, result, describeRule(rule));
    phase.steps.push(report);
    phase.ran.add(listenKey(rule));
    if (!ranClean(result)) {
      phase.failures.set(listenKey(rule), report.detail ?? '');
      return phase;
    }
  }
  return phase;
};

const putsOf = (plan: RulePlan) =>
  [...plan.replace.map((r) => r.after), ...plan.add].map((rule) => ({ rule, remove: false }));
const removesOf = (plan: RulePlan) => plan.remove.map((rule) => ({ rule, remove: true }));

/**
 * Back to `before`. Planned against the re-read list; when that cannot be read, against the worst
 * case: every key the forward plan touched may have changed, so each is put back or deleted again
 * (re-adding an identical rule and deleting a missing one change nothing).
 */
export const rollBack = async (
  op: Operation,
  now: () => Date,
  before: readonly ProxyRule[],
  forward: RulePlan,
  listed: readonly ProxyRule[] | null,
): Promise<{ steps: StepReport[]; state: RuleState }> => {
  const back: RulePlan =
    listed !== null
      ? planRuleSet(listed, before, 'replace')
      : {
          add: [...forward.replace.map((r) => r.before), ...forward.remove],
          replace: [],
          remove: forward.add,
          unchanged: [],
        };
  const puts = await runPhase(op, 'rollback-', putsOf(back));
  // A failed put still lets the deletes run: they only remove keys `before` never had.
  const removes = await runPhase(op, 'rollback-', removesOf(back));
  const state = await rereadRuleState(op, now);
  return { steps: [...puts.steps, ...removes.steps], state };
};

const perRuleOf = (
  plan: RulePlan,
  listed: readonly ProxyRule[] | null,
  phases: readonly Phase[],
  rolledBack: boolean,
) => {
  const judged = (rule: ProxyRule, before: ProxyRule | null, intended: ProxyRule | null) => {
    const key = listenKey(rule);
    const outcome = judgeOne(listed, before, intended);
    if (outcome === 'applied') return ruleOutcome(rule, outcome);
    const failure = phases.map((p) => p.failures.get(key)).find((f) => f !== undefined);
    const ran = phases.some((p) => p.ran.has(key));
    const detail = failure ?? (!ran ? 'not attempted: an earlier step failed' : rolledBack ? 'rolled back' : undefined);
    return ruleOutcome(rule, outcome, detail);
  };
  return [
    ...plan.add.map((rule) => judged(rule, null, rule)),
    ...plan.replace.map(({ before, after }) => judged(after, before, after)),
    ...plan.remove.map((rule) => judged(rule, rule, null)),
  ];
};

/** Makes the rule set equal `target` (from `before`, as just read), or leaves it as `before`. */
export const applyRuleSet = async (
  op: Operation,
  now: () => Date,
  before: readonly ProxyRule[],
  target: readonly ProxyRule[],
): Promise<RuleSetResult> => {
  const plan = planRuleSet(before, target, 'replace');
  const steps: StepReport[] = [];
  const phases: Phase[] = [];

  const finish = (state: RuleState, rolledBack: boolean, message?: string): RuleSetResult => {
    const outcome = judgeRules(state.rules, before, target);
    const unverified = rolledBack && outcome !== 'not-applied';
    return {
      outcome,
      steps,
      state,
      perRule: perRuleOf(plan, state.rules, phases, rolledBack),
      rolledBack,
      ...(unverified
        ? {
            message:
              'The change failed and the rollback could not be verified; the list shows the rules as they are now.',
          }
        : message
          ? { message }
          : {}),
    };
  };

  const abort = async (listed: readonly ProxyRule[] | null, why: string) => {
    const back = await rollBack(op, now, before, plan, listed);
    steps.push(step('rollback', judgeRules(back.state.rules, before, before) === 'applied', why), ...back.steps);
    return finish(back.state, true, `${why} Nothing was changed: the rules were put back as they were.`);
  };

  // 1. puts, verified before anything is deleted
  const putCommands = putsOf(plan);
  let current: RuleState | null = null;
  if (putCommands.length > 0) {
    const puts = await runPhase(op, '', putCommands);
    steps.push(...puts.steps);
    phases.push(puts);
    current = await rereadRuleState(op, now);
    const putKeys = new Set(putCommands.map(({ rule }) => listenKey(rule)));
    // Judged by the read, not the exit code: a put that timed out may have landed (docs/architecture.md §3).
    if (judgeRules(current.rules, before, target, putKeys) !== 'applied') {
      return abort(
        current.rules,
        puts.failures.size > 0 ? 'A rule could not be added.' : 'A rule was not listed after it was added.',
      );
    }
  }
  if (plan.remove.length === 0) return finish(current ?? (await rereadRuleState(op, now)), false);

  // 2. deletes, verified
  const removes = await runPhase(op, '', removesOf(plan));
  steps.push(...removes.steps);
  phases.push(removes);
  const afterRemoves = await rereadRuleState(op, now);
  if (judgeRules(afterRemoves.rules, before, target) !== 'applied') {
    return abort(
      afterRemoves.rules,
      removes.failures.size > 0 ? 'A rule could not be deleted.' : 'A rule was still listed after it was deleted.',
    );
  }
  return finish(afterRemoves, false);
};
