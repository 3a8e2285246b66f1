/**
 * Changes to many rules at once: delete, reset, import, restore. Each re-reads first; reset, import
 * and restore write a backup before anything runs (DESIGN §3) and report it; delete, import and
 * restore go through the rule-set transaction (rule-set.ts), so the list ends either as intended or
 * as it was.
 */
import type { BackupInfo, ProxyRule, RuleChangeReport, StepReport } from '../../../shared/model';
import { isEmptyPlan, listenKey, planRuleSet, sameRule } from '../../../shared/proxy-rules';
import { err, ok, type Result } from '../../../shared/result';
import type { ImportRules } from '../../../shared/validate';
import type { Operation } from '../activity-log';
import { step } from '../change-report';
import { stripFirewall, writeBackup } from './backups';
import { resetPortProxy } from './commands';
import { applyFirewall, firewallMessage, planFirewall, unusedPorts } from './firewall';
import { judgeRules } from './judge';
import { readRuleState, rereadRuleState, type RuleState } from './read';
import { applyRuleSet, rollBack, targetOf, type RuleSetResult } from './rule-set';
import { commandStep, conflictDetail, ruleReport, unreadable } from './report';
import type { BackupStore } from './types';

type Now = () => Date;
type Listed = RuleState & { rules: readonly ProxyRule[] };

const listed = (state: RuleState): state is Listed => state.rules !== null;

const portsOf = (rules: readonly ProxyRule[]) => rules.map((rule) => rule.listenPort);

/** Ours that exist (or, when the firewall could not be read, any ours might exist on these ports). */
const ourPorts = (state: RuleState, fallback: readonly ProxyRule[]) => (state.firewall ? [...state.firewall] : portsOf(fallback));

/** The transaction's report, after the firewall steps that follow an applied change. */
const finishRuleSet = async (
  op: Operation,
  now: Now,
  result: RuleSetResult,
  firewallFor: (state: Listed) => ReturnType<typeof planFirewall>,
  extra: { backup?: BackupInfo } = {},
): Promise<RuleChangeReport> => {
  const steps: StepReport[] = [...result.steps];
  let state = result.state;
  if (result.outcome === 'applied' && listed(state)) {
    const firewall = await applyFirewall(op, now, firewallFor(state), state);
    steps.push(...firewall.steps);
    state = firewall.state;
  }
  const message = result.outcome === 'applied' ? firewallMessage(steps) : result.message;
  return ruleReport(result.outcome, steps, state, { perRule: result.perRule, message, ...extra });
};

export const deleteRules = async (op: Operation, now: Now, rules: readonly ProxyRule[]): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const missing = rules.filter((rule) => !before.rules.some((r) => sameRule(r, rule)));
  if (missing.length > 0) {
    return err('conflict', `${missing.length} of the rules to delete are no longer listed as they were.`, {
      detail: conflictDetail(missing),
    });
  }
  const target = before.rules.filter((r) => !rules.some((rule) => sameRule(rule, r)));
  const result = await applyRuleSet(op, now, before.rules, target);
  // Our firewall rule goes with the last rule listening on its port.
  return ok(await finishRuleSet(op, now, result, (state) => planFirewall(state.firewall, [], unusedPorts(portsOf(rules), state.rules))));
};

export const resetRules = async (op: Operation, now: Now, backups: BackupStore): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const backup = await writeBackup(backups, 'reset', before);
  if (!backup.ok) return backup;
  const steps: StepReport[] = [step('backup', true, backup.value.id), commandStep('reset-rules', await op.run(resetPortProxy()))];
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
    const firewall = await applyFirewall(op, now, planFirewall(state.firewall, [], ourPorts(before, before.rules)), state);
    steps.push(...firewall.steps);
    state = firewall.state;
    message = firewallMessage(steps);
  } else if (outcome === 'not-applied') {
    message ??= 'The rules are still listed after the reset.';
  }
  return ok(ruleReport(outcome, steps, state, { backup: backup.value, message }));
};

export const importRules = async (op: Operation, now: Now, backups: BackupStore, input: ImportRules): Promise<Result<RuleChangeReport>> => {
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const plan = planRuleSet(before.rules, input.rules, input.mode);
  if (isEmptyPlan(plan)) return ok(ruleReport('applied', [], before, { perRule: [], message: 'The rules are already as in the file.' }));
  const backup = await writeBackup(backups, 'import', before);
  if (!backup.ok) return backup;
  const result = await applyRuleSet(op, now, before.rules, targetOf(before.rules, plan));
  const report = await finishRuleSet(
    op,
    now,
    { ...result, steps: [step('backup', true, backup.value.id), ...result.steps] },
    // Import does not carry firewall flags (see the report on RulesExport); it only drops ours with removed rules.
    (state) => planFirewall(state.firewall, [], unusedPorts(portsOf(plan.remove), state.rules)),
    { backup: backup.value },
  );
  return ok(report);
};

/** Later rules with the same listen key win, as they would if added one after another. */
const byLastKey = (rules: readonly ProxyRule[]): ProxyRule[] => [...new Map(rules.map((rule) => [listenKey(rule), rule])).values()];

export const restoreBackup = async (op: Operation, now: Now, backups: BackupStore, id: string): Promise<Result<RuleChangeReport>> => {
  let recorded;
  try {
    recorded = await backups.read(id);
  } catch (error) {
    return err('command-failed', 'Could not read the backup.', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (!recorded) return err('not-found', `There is no valid backup ${id}.`);
  const before = await readRuleState(op, now);
  if (!listed(before)) return unreadable(before);
  const backup = await writeBackup(backups, 'restore', before);
  if (!backup.ok) return backup;
  const target = byLastKey(stripFirewall(recorded));
  const result = await applyRuleSet(op, now, before.rules, target);
  const want = portsOf(recorded.filter((rule) => rule.firewall));
  const report = await finishRuleSet(
    op,
    now,
    { ...result, steps: [step('backup', true, backup.value.id), ...result.steps] },
    // Firewall rules as recorded: ours on the recorded ports, none of ours elsewhere.
    (state) => planFirewall(state.firewall, want, [...ourPorts(state, before.rules), ...portsOf(before.rules)]),
    { backup: backup.value },
  );
  return ok(report);
};
