/**
 * Adding and editing one rule. Both re-read first and refuse (`conflict`, nothing run) when the list
 * is not what the user saw: netsh `add` silently replaces a rule with the same listen key (docs/architecture.md §1),
 * so a stale view would otherwise overwrite someone else's rule.
 */
import type { ProxyRule, RuleChangeReport, StepReport } from '../../../shared/model';
import { listenKey, sameRule } from '../../../shared/proxy-rules';
import { err, type Result } from '../../../shared/result';
import type { AddRule, EditRule } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { addPortProxy, setPortProxy } from './commands';
import { applyFirewall, firewallMessage, planFirewall, unusedPorts } from './firewall';
import { judgeOne } from './judge';
import { isListed, readRuleState, rereadRuleState, type ListedState, type RuleState } from './read';
import { applyRuleSet } from './rule-transaction';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { rulesIntent, type FirewallIntent } from './rule-intent';
import { commandStep, conflictDetail, describeRule, ruleReport, unreadable } from './report';

type Now = () => Date;
type Listed = ListedState;

const findKey = (rules: readonly ProxyRule[], rule: ProxyRule) =>
  rules.find((r) => listenKey(r) === listenKey(rule)) ?? null;

const NOT_LISTED = {
  add: 'The rule is not listed after the add.',
  set: 'The rule still has its old target after the change.',
} as const;

export const addRule = async (
  op: Operation,
  now: Now,
  journal: Journal,
  input: AddRule,
): Promise<Result<RuleChangeReport>> => {
  const { rule } = input;
  const before = await readRuleState(op, now);
  if (!isListed(before)) return unreadable(before);
  const existing = findKey(before.rules, rule);
  if (existing && !input.replaceExisting) {
    return err('conflict', `A rule already listens on ${rule.listenAddress}:${rule.listenPort} (${rule.type}).`, {
      detail: conflictDetail([existing]),
    });
  }
  const target = [...before.rules.filter((r) => listenKey(r) !== listenKey(rule)), rule];
  const firewall = { want: input.firewall ? [rule.listenPort] : [], release: [] };
  return journaled(journal, op, rulesIntent(before, target, firewall), async () => {
    const steps: StepReport[] = [commandStep('add-rule', await op.run(addPortProxy(rule)), describeRule(rule))];
    let state = await rereadRuleState(op, now);
    // Applied only when the exact rule is listed: netsh exits 0 on usage errors (docs/architecture.md §1).
    const outcome = judgeOne(state.rules, existing, rule);
    if (outcome === 'applied' && input.firewall) {
      const applied = await applyFirewall(
        op,
        now,
        planFirewall(state.firewall, firewall.want, firewall.release),
        state,
      );
      steps.push(...applied.steps);
      state = applied.state;
    }
    const message =
      outcome === 'applied' ? firewallMessage(steps) : outcome === 'not-applied' ? NOT_LISTED.add : undefined;
    return ruleReport(outcome, steps, state, { message });
  });
};

/**
 * The firewall after an edit: on for the new port when asked; off for a port no other rule listens
 * on (the old port when it moved; the rule's own port when the box was cleared).
 */
const firewallAfterEdit = (target: readonly ProxyRule[], input: EditRule): FirewallIntent => {
  const others = target.filter((r) => !sameRule(r, input.updated));
  const release = [input.original.listenPort, ...(input.firewall ? [] : [input.updated.listenPort])];
  return { want: input.firewall ? [input.updated.listenPort] : [], release: unusedPorts(release, others) };
};

export const editRule = async (
  op: Operation,
  now: Now,
  journal: Journal,
  input: EditRule,
): Promise<Result<RuleChangeReport>> => {
  const { original, updated } = input;
  const before = await readRuleState(op, now);
  if (!isListed(before)) return unreadable(before);
  if (!before.rules.some((r) => sameRule(r, original))) {
    // Changed outside the app since the user saw it: the UI shows the list now and asks again.
    const atKey = findKey(before.rules, original);
    return err('conflict', `The rule ${describeRule(original)} is no longer listed as it was.`, {
      detail: conflictDetail(atKey ? [atKey] : []),
    });
  }
  const sameKey = listenKey(original) === listenKey(updated);
  const occupant = sameKey ? null : findKey(before.rules, updated);
  if (occupant) {
    // `add` would silently replace the rule already on the new key.
    return err(
      'conflict',
      `A rule already listens on ${updated.listenAddress}:${updated.listenPort} (${updated.type}).`,
      {
        detail: conflictDetail([occupant]),
      },
    );
  }

  const target = [...before.rules.filter((r) => !sameRule(r, original)), updated];
  const firewall = firewallAfterEdit(target, input);
  return journaled(journal, op, rulesIntent(before, target, firewall), () =>
    edit(op, now, before, target, firewall, input),
  );
};

const edit = async (
  op: Operation,
  now: Now,
  before: Listed,
  target: readonly ProxyRule[],
  firewall: FirewallIntent,
  input: EditRule,
): Promise<RuleChangeReport> => {
  const { original, updated } = input;
  const steps: StepReport[] = [];
  let state: RuleState = before;
  let outcome: RuleChangeReport['outcome'] = 'applied';
  let message: string | undefined;
  if (sameRule(original, updated)) {
    // Only the firewall box changed: nothing for portproxy to do.
  } else if (listenKey(original) === listenKey(updated)) {
    steps.push(commandStep('set-rule', await op.run(setPortProxy(updated)), describeRule(updated)));
    state = await rereadRuleState(op, now);
    outcome = judgeOne(state.rules, original, updated);
    if (outcome === 'not-applied') message = NOT_LISTED.set;
  } else {
    // New listen key (or type): add new, verify, delete old, verify; roll back on failure (rule-transaction.ts).
    const result = await applyRuleSet(op, now, before.rules, target);
    steps.push(...result.steps);
    ({ state, outcome, message } = result);
  }
  if (outcome === 'applied') {
    const applied = await applyFirewall(op, now, planFirewall(state.firewall, firewall.want, firewall.release), state);
    steps.push(...applied.steps);
    state = applied.state;
    message = firewallMessage(steps);
    // A firewall-only edit is judged by the firewall read.
    if (sameRule(original, updated) && applied.steps.some((s) => !s.ok))
      outcome = state.firewall === null ? 'unknown' : 'not-applied';
  }
  return ruleReport(outcome, steps, state, { message });
};
