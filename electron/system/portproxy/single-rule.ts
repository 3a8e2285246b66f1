/**
 * Adding and editing one rule. Both re-read first and refuse (`conflict`, nothing run) when the list
 * is not what the user saw: netsh `add` silently replaces a rule with the same listen key (DESIGN §1),
 * so a stale view would otherwise overwrite someone else's rule.
 */
import type { ProxyRule, RuleChangeReport, StepReport } from '../../../shared/model';
import { listenKey, sameRule } from '../../../shared/proxy-rules';
import { err, ok, type Result } from '../../../shared/result';
import type { AddRule, EditRule } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { addPortProxy, setPortProxy } from './commands';
import { applyFirewall, firewallMessage, planFirewall, unusedPorts } from './firewall';
import { judgeOne } from './judge';
import { readRuleState, rereadRuleState, type RuleState } from './read';
import { applyRuleSet } from './rule-set';
import { commandStep, conflictDetail, describeRule, ruleReport, unreadable } from './report';

type Now = () => Date;

const findKey = (rules: readonly ProxyRule[], rule: ProxyRule) => rules.find((r) => listenKey(r) === listenKey(rule)) ?? null;

const NOT_LISTED = {
  add: 'The rule is not listed after the add.',
  set: 'The rule still has its old target after the change.',
} as const;

export const addRule = async (op: Operation, now: Now, input: AddRule): Promise<Result<RuleChangeReport>> => {
  const { rule } = input;
  const before = await readRuleState(op, now);
  if (before.rules === null) return unreadable(before);
  const existing = findKey(before.rules, rule);
  if (existing && !input.replaceExisting) {
    return err('conflict', `A rule already listens on ${rule.listenAddress}:${rule.listenPort} (${rule.type}).`, {
      detail: conflictDetail([existing]),
    });
  }
  const steps: StepReport[] = [commandStep('add-rule', await op.run(addPortProxy(rule)), describeRule(rule))];
  let state = await rereadRuleState(op, now);
  // Applied only when the exact rule is listed: netsh exits 0 on usage errors (DESIGN §1).
  const outcome = judgeOne(state.rules, existing, rule);
  if (outcome === 'applied' && input.firewall) {
    const firewall = await applyFirewall(op, now, planFirewall(state.firewall, [rule.listenPort], []), state);
    steps.push(...firewall.steps);
    state = firewall.state;
  }
  const message = outcome === 'applied' ? firewallMessage(steps) : outcome === 'not-applied' ? NOT_LISTED.add : undefined;
  return ok(ruleReport(outcome, steps, state, { message }));
};

/**
 * The firewall after an edit: on for the new port when asked; off for a port no other rule listens
 * on (the old port when it moved; the rule's own port when the box was cleared).
 */
const firewallAfterEdit = (state: RuleState, input: EditRule) => {
  const others = (state.rules ?? []).filter((r) => !sameRule(r, input.updated));
  const release = [input.original.listenPort, ...(input.firewall ? [] : [input.updated.listenPort])];
  return planFirewall(state.firewall, input.firewall ? [input.updated.listenPort] : [], unusedPorts(release, others));
};

export const editRule = async (op: Operation, now: Now, input: EditRule): Promise<Result<RuleChangeReport>> => {
  const { original, updated } = input;
  const before = await readRuleState(op, now);
  if (before.rules === null) return unreadable(before);
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
    return err('conflict', `A rule already listens on ${updated.listenAddress}:${updated.listenPort} (${updated.type}).`, {
      detail: conflictDetail([occupant]),
    });
  }

  const steps: StepReport[] = [];
  let state: RuleState = before;
  let outcome: RuleChangeReport['outcome'] = 'applied';
  let message: string | undefined;
  if (sameRule(original, updated)) {
    // Only the firewall box changed: nothing for portproxy to do.
  } else if (sameKey) {
    steps.push(commandStep('set-rule', await op.run(setPortProxy(updated)), describeRule(updated)));
    state = await rereadRuleState(op, now);
    outcome = judgeOne(state.rules, original, updated);
    if (outcome === 'not-applied') message = NOT_LISTED.set;
  } else {
    // New listen key (or type): add new, verify, delete old, verify; roll back on failure (rule-set.ts).
    const target = [...before.rules.filter((r) => !sameRule(r, original)), updated];
    const result = await applyRuleSet(op, now, before.rules, target);
    steps.push(...result.steps);
    ({ state, outcome, message } = result);
  }
  if (outcome === 'applied') {
    const firewall = await applyFirewall(op, now, firewallAfterEdit(state, input), state);
    steps.push(...firewall.steps);
    state = firewall.state;
    message = firewallMessage(steps);
    // A firewall-only edit is judged by the firewall read.
    if (sameRule(original, updated) && firewall.steps.some((s) => !s.ok)) outcome = state.firewall === null ? 'unknown' : 'not-applied';
  }
  return ok(ruleReport(outcome, steps, state, { message }));
};
