/**
 * Portwarden's inbound allow rules, one per listen port (`Portwarden portproxy TCP <port>`), shared by
 * every portproxy rule listening on that port. They follow the rules: created after a rule is
 * verified, deleted only when no remaining rule listens on the port, and only by our exact name, so
 * a user's own rule on the same port (`WSL SSH 2222`) is never touched.
 */
import type { ProxyRule, StepReport } from '../../../shared/model';
import type { Operation } from '../activity-log';
import type { RunResult } from '../run/command-runner';
import { describeRun, step } from '../change-report';
import { addFirewallRule, deleteFirewallRule, firewallRuleName } from './commands';
import { rereadRuleState, type RuleState } from './read';

export interface FirewallPlan {
  readonly add: readonly number[];
  readonly remove: readonly number[];
  /** Wanted, but the firewall could not be read: not added, since our rule may already be there. */
  readonly unread: readonly number[];
}

const unique = (ports: Iterable<number>): number[] => [...new Set(ports)].sort((a, b) => a - b);

/** Ports among `ports` on which no rule of `remaining` listens. */
export const unusedPorts = (ports: Iterable<number>, remaining: readonly ProxyRule[]): number[] =>
  unique(ports).filter((port) => !remaining.some((rule) => rule.listenPort === port));

/**
 * What to run, given what the firewall read showed (`known`). A rule is added only when the read
 * shows it missing: netsh happily adds a second rule of the same name, so adding after a failed or
 * timed-out read piled up duplicates. Removal is still attempted without a read: delete is by our
 * exact name (it removes every copy) and deleting a name that does not exist changes nothing.
 */
export const planFirewall = (
  known: ReadonlySet<number> | null,
  want: Iterable<number>,
  release: Iterable<number>,
): FirewallPlan => {
  const wanted = unique(want);
  return {
    add: known === null ? [] : wanted.filter((port) => !known.has(port)),
    remove: unique(release).filter((port) => !wanted.includes(port) && (known === null || known.has(port))),
    unread: known === null ? wanted : [],
  };
};

export const isEmptyFirewallPlan = (plan: FirewallPlan): boolean =>
  plan.add.length + plan.remove.length + plan.unread.length === 0;

interface Ran {
  readonly port: number;
  readonly action: 'add' | 'remove';
  readonly result: RunResult;
}

/** A firewall step is judged by the firewall read after it, like every other change. */
const stepOf = ({ port, action, result }: Ran, after: ReadonlySet<number> | null): StepReport => {
  const name = `firewall-${action}`;
  const subject = firewallRuleName(port);
  if (after === null)
    return step(name, false, `${subject}: ${describeRun(result)}; the firewall rules could not be read back`);
  const done = action === 'add' ? after.has(port) : !after.has(port);
  return done ? step(name, true, subject) : step(name, false, `${subject}: ${describeRun(result)}`);
};

/** Runs the plan, re-reads once (rules, firewall and iphlpsvc: it is also the report's final view). */
export const applyFirewall = async (
  op: Operation,
  now: () => Date,
  plan: FirewallPlan,
  state: RuleState,
): Promise<{ steps: StepReport[]; state: RuleState }> => {
  if (isEmptyFirewallPlan(plan)) return { steps: [], state };
  const ran: Ran[] = [];
  for (const port of plan.add) ran.push({ port, action: 'add', result: await op.run(addFirewallRule(port)) });
  for (const port of plan.remove) ran.push({ port, action: 'remove', result: await op.run(deleteFirewallRule(port)) });
  const after = ran.length > 0 ? await rereadRuleState(op, now) : state;
  const unread = plan.unread.map((port) =>
    step(
      'firewall-add',
      false,
      `${firewallRuleName(port)}: the firewall rules could not be read, so no rule was added (it may already exist; adding it again would make a duplicate)`,
    ),
  );
  return { steps: [...ran.map((r) => stepOf(r, after.firewall)), ...unread], state: after };
};

export const firewallMessage = (steps: readonly StepReport[]): string | undefined =>
  steps.some((s) => s.step.startsWith('firewall-') && !s.ok)
    ? 'The rules changed, but a firewall rule could not be changed; see the steps.'
    : undefined;
