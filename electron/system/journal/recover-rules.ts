/**
 * Finishing or rolling back an interrupted portproxy change: the rule set is planned from a fresh
 * read towards the journal's target (finish) or its `before` (roll back) with the same transaction
 * every rule change uses (rule-transaction.ts), then Portwarden's firewall rules follow.
 *
 * Only the listen keys the change touched are planned: a rule someone added or changed elsewhere
 * after the crash (another tool, netsh by hand) is neither the change's before nor its target, and
 * resolving the change must not take it away.
 */
import type { ChangeProgress, JournalIntent, Outcome, RecoveryAction, StepReport } from '../../../shared/model';
import { listenKey } from '../../../shared/proxy-rules';
import type { Operation } from '../activity-log';
import { applyFirewall, planFirewall } from '../portproxy/firewall';
import { judgeRules, ruleFingerprint } from '../portproxy/judge';
import { isListed, readRuleState, type RuleState } from '../portproxy/read';
import { applyRuleSet } from '../portproxy/rule-transaction';
import type { FirewallIntent } from '../portproxy/rule-intent';

type RulesIntent = Extract<JournalIntent, { kind: 'rules' }>;

/** Listen keys whose rule differs between before and target (added, removed or pointed elsewhere). */
const touchedKeys = (intent: RulesIntent): ReadonlySet<string> => {
  const before = new Set(intent.before.map(ruleFingerprint));
  const target = new Set(intent.target.map(ruleFingerprint));
  const changed = [
    ...intent.before.filter((r) => !target.has(ruleFingerprint(r))),
    ...intent.target.filter((r) => !before.has(ruleFingerprint(r))),
  ];
  return new Set(changed.map((rule) => listenKey(rule)));
};

export const rulesProgress = (intent: RulesIntent, state: RuleState): ChangeProgress => {
  if (!isListed(state)) return 'unreadable';
  const judged = judgeRules(state.rules, intent.before, intent.target, touchedKeys(intent));
  return judged === 'applied' ? 'done' : judged === 'not-applied' ? 'not-started' : 'partly-done';
};

/**
 * The firewall on the way back: only the ports this change touched are put back as they were (a
 * firewall rule the user changed elsewhere meanwhile is left alone). When the firewall could not be
 * read before the change, nothing is known to put back, so nothing is touched.
 */
const firewallBack = (firewall: RulesIntent['firewall']): FirewallIntent => {
  if (firewall.before === null) return { want: [], release: [] };
  const had = new Set(firewall.before);
  const touched = [...firewall.want, ...firewall.release];
  return { want: touched.filter((port) => had.has(port)), release: touched.filter((port) => !had.has(port)) };
};

export const resolveRules = async (
  op: Operation,
  now: () => Date,
  intent: RulesIntent,
  action: RecoveryAction,
): Promise<{ outcome: Outcome; steps: StepReport[]; message?: string }> => {
  const current = await readRuleState(op, now);
  if (!isListed(current))
    return { outcome: 'unknown', steps: [], message: 'The portproxy rules could not be read, so nothing was run.' };
  const touched = touchedKeys(intent);
  const wanted = action === 'finish' ? intent.target : intent.before;
  const desired = [
    ...current.rules.filter((rule) => !touched.has(listenKey(rule))),
    ...wanted.filter((rule) => touched.has(listenKey(rule))),
  ];
  const result = await applyRuleSet(op, now, current.rules, desired);
  const steps = [...result.steps];
  if (result.outcome !== 'applied' || !isListed(result.state))
    return { outcome: result.outcome, steps, ...(result.message ? { message: result.message } : {}) };
  const firewall = action === 'finish' ? intent.firewall : firewallBack(intent.firewall);
  const applied = await applyFirewall(
    op,
    now,
    planFirewall(result.state.firewall, firewall.want, firewall.release),
    result.state,
  );
  steps.push(...applied.steps);
  const firewallFailed = applied.steps.some((s) => !s.ok);
  return {
    outcome: 'applied',
    steps,
    ...(firewallFailed
      ? { message: 'The rules are as chosen, but a firewall rule could not be changed; see the steps.' }
      : {}),
  };
};
