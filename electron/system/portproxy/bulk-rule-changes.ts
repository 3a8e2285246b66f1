/**
 * Changes to many rules at once: delete, reset, import, restore. Each re-reads first; reset, import
 * and restore write a backup before anything runs (docs/architecture.md §3) and report it; delete, import and
 * restore go through the rule transaction (rule-transaction.ts), so the list ends either as intended or
 * as it was.
 */
import type { BackupInfo, ProxyRule, RuleChangeReport, StepReport } from '../../../shared/model';
import { isEmptyPlan, listenKey, planRuleSet, sameRule } from '../../../shared/proxy-rules';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { ImportRules } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { step } from '../change-report';
import { stripFirewall, writeBackup } from './backups';
import { resetPortProxy } from './commands';
import { applyFirewall, firewallMessage, planFirewall, unusedPorts } from './firewall';
import { judgeRules } from './judge';
import { isListed, readRuleState, rereadRuleState, type ListedState } from './read';
import { applyRuleSet, rollBack, targetOf, type RuleSetResult } from './rule-transaction';
import { commandStep, conflictDetail, ruleReport, unreadable } from './report';
import type { BackupStore } from './types';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { rulesIntent, type FirewallIntent } from './rule-intent';

type Now = () => Date;
type Listed = ListedState;
const listed = isListed;

const portsOf = (rules: readonly ProxyRule[]) => rules.map((rule) => rule.listenPort);

/** Ours that exist (or, when the firewall could not be read, any ours might exist on these ports). */
const ourPorts = (state: ListedState, fallback: readonly ProxyRule[]) =>
  state.firewall ? [...state.firewall] : portsOf(fallback);

/** The transaction's report, after the firewall steps that follow an applied change. */
const finishRuleSet = async (
  op: Operation,
  now: Now,
  result: RuleSetResult,
  firewall: FirewallIntent,
  extra: { backup?: BackupInfo } = {},
): Promise<RuleChangeReport> => {
  const steps: StepReport[] = [...result.steps];
  let state = result.state;
  if (result.outcome === 'applied' && listed(state)) {
    const applied = await applyFirewall(op, now, planFirewall(state.firewall, firewall.want, firewall.release), state);
    steps.push(...applied.steps);
    state = applied.state;
  }
  const message = result.outcome === 'applied' ? firewallMessage(steps) : result.message;
  return ruleReport(result.outcome, steps, state, { perRule: result.perRule, message, ...extra });
};

export const deleteRules = async (
  op: Operation,
  now: Now,
  journal: Journal,
  rules: readonly ProxyRule[],
): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const missing = rules.filter((rule) => !before.rules.some((r) => sameRule(r, rule)));
  if (missing.length > 0) {
    return err('conflict', `${missing.length} of the rules to delete are no longer listed as they were.`, {
      detail: conflictDetail(missing),
    });
  }
  const target = before.rules.filter((r) => !rules.some((rule) => sameRule(rule, r)));
  // Our firewall rule goes with the last rule listening on its port.
  const firewall = { want: [], release: unusedPorts(portsOf(rules), target) };
  return journaled(journal, op, rulesIntent(before, target, firewall), async () =>
    finishRuleSet(op, now, await applyRuleSet(op, now, before.rules, target), firewall),
  );
};

export const resetRules = async (
  op: Operation,
  now: Now,
  journal: Journal,
  backups: BackupStore,
): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const backup = await writeBackup(backups, 'reset', before);
  if (!backup.ok) return backup;
  const firewall = { want: [], release: ourPorts(before, before.rules) };
  return journaled(journal, op, rulesIntent(before, [], firewall, backup.value.id), () =>
    reset(op, now, before, backup.value, firewall),
  );
};

const reset = async (
  op: Operation,
  now: Now,
  before: Listed,
  backup: BackupInfo,
  firewall: FirewallIntent,
): Promise<RuleChangeReport> => {
  const steps: StepReport[] = [
    step('backup', true, backup.id),
    commandStep('reset-rules', await op.run(resetPortProxy())),
  ];
  let state = await rereadRuleState(op, now);
  let outcome = judgeRules(state.rules, before.rules, []);
  let message: string | undefined;
  if (outcome === 'unknown' && state.rules !== null) {
    // Some rules went, some stayed: put them all back rather than leave half a rule set.
    const forward = planRuleSet(before.rules, [], 'replace');
    const back = await rollBack(op, now, before.rules, forward, state.rules);
    steps.push(...back.steps);
    state = back.state;
    outcome = judgeRules(state.rules, before.rules, []);
    message = outcome === 'not-applied' ? 'The reset was only partly done, so the rules were put back.' : undefined;
  }
  if (outcome === 'applied') {
    const applied = await applyFirewall(op, now, planFirewall(state.firewall, firewall.want, firewall.release), state);
    steps.push(...applied.steps);
    state = applied.state;
    message = firewallMessage(steps);
  } else if (outcome === 'not-applied') {
    message ??= 'The rules are still listed after the reset.';
  }
  return ruleReport(outcome, steps, state, { backup, message });
};

export const importRules = async (
  op: Operation,
  now: Now,
  journal: Journal,
  backups: BackupStore,
  input: ImportRules,
): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const plan = planRuleSet(before.rules, input.rules, input.mode);
  // The file's firewall flags count only as confirmed by the user (firewallPorts); ours of removed rules go.
  const wanted = input.firewallPorts ?? [];
  const firewallMissing = before.firewall === null ? wanted : wanted.filter((port) => !before.firewall!.has(port));
  if (isEmptyPlan(plan) && firewallMissing.length === 0)
    return ok(ruleReport('applied', [], before, { perRule: [], message: 'The rules are already as in the file.' }));
  const backup = await writeBackup(backups, 'import', before);
  if (!backup.ok) return backup;
  const target = targetOf(before.rules, plan);
  const firewall = { want: wanted, release: unusedPorts(portsOf(plan.remove), target) };
  return journaled(journal, op, rulesIntent(before, target, firewall, backup.value.id), async () => {
    const result = await applyRuleSet(op, now, before.rules, target);
    const steps = [step('backup', true, backup.value.id), ...result.steps];
    return finishRuleSet(op, now, { ...result, steps }, firewall, { backup: backup.value });
  });
};

/** Later rules with the same listen key win, as they would if added one after another. */
const byLastKey = (rules: readonly ProxyRule[]): ProxyRule[] => [
  ...new Map(rules.map((rule) => [listenKey(rule), rule])).values(),
];

export const restoreBackup = async (
  op: Operation,
  now: Now,
  journal: Journal,
  backups: BackupStore,
  id: string,
): Promise<Result<RuleChangeReport>> => {
  let recorded;
  try {
    recorded = await backups.read(id);
  } catch (error) {
    return err('storage-failed', 'Could not read the backup.', {
      detail: messageOf(error),
    });
  }
  if (!recorded) return err('not-found', `There is no valid backup ${id}.`);
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const backup = await writeBackup(backups, 'restore', before);
  if (!backup.ok) return backup;
  const target = byLastKey(stripFirewall(recorded));
  // Firewall rules as recorded: ours on the recorded ports, none of ours elsewhere.
  const firewall = {
    want: portsOf(recorded.filter((rule) => rule.firewall)),
    release: [...ourPorts(before, before.rules), ...portsOf(before.rules)],
  };
  return journaled(journal, op, rulesIntent(before, target, firewall, backup.value.id), async () => {
    const result = await applyRuleSet(op, now, before.rules, target);
    const steps = [step('backup', true, backup.value.id), ...result.steps];
    return finishRuleSet(op, now, { ...result, steps }, firewall, { backup: backup.value });
  });
};
