/**
 * Finishing or rolling back an interrupted portproxy change: the rule set is planned from a fresh
 * read towards the journal's target (finish) or its `before` (roll back) with the same transaction
 * every rule change uses (rule-set.ts), then Portwarden's firewall rules follow.
 */
import type { JournalIntent, Outcome, ChangeProgress, RecoveryAction, StepReport } from '../../../shared/model';
import type { Operation } from '../activity-log';
import { applyFirewall, planFirewall } from '../portproxy/firewall';
import { judgeRules } from '../portproxy/judge';
import { isListed, readRuleState, type RuleState } from '../portproxy/read';
import { applyRuleSet } from '../portproxy/rule-set';
import type { FirewallIntent } from '../portproxy/rule-intent';

type RulesIntent = Extract<JournalIntent, { kind: 'rules' }>;

export const rulesProgress = (intent: RulesIntent, state: RuleState): ChangeProgress => {
  if (!isListed(state)) return 'unreadable';
  const judged = judgeRules(state.rules, intent.before, intent.target);
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
  if (!isListed(current)) return { outcome: 'unknown', steps: [], message: 'The portproxy rules could not be read, so nothing was run.' };
  const desired = action === 'finish' ? intent.target : intent.before;
  const result = await applyRuleSet(op, now, current.rules, desired);
  const steps = [...result.steps];
  if (result.outcome !== 'applied' || !isListed(result.state)) return { outcome: result.outcome, steps, ...(result.message ? { message: result.message } : {}) };
  const firewall = action === 'finish' ? intent.firewall : firewallBack(intent.firewall);
  const applied = await applyFirewall(op, now, planFirewall(result.state.firewall, firewall.want, firewall.release), result.state);
  steps.push(...applied.steps);
  const firewallFailed = applied.steps.some((s) => !s.ok);
  return {
    outcome: 'applied',
    steps,
    ...(firewallFailed ? { message: 'The rules are as chosen, but a firewall rule could not be changed; see the steps.' } : {}),
  };
};
