/**
 * The journal intent of a rule change (journal/store.ts): the rule set before and the target, and
 * the firewall plan, all decided BEFORE the first command so that recovery can finish the change
 * exactly as it would have ended, or put back what the user had.
 */
import type { JournalIntent, ProxyRule } from '../../../shared/model';
import type { RuleState } from './read';

/** Ports to have Portwarden's firewall rule on, and ports to drop it from (planFirewall does the rest). */
export interface FirewallIntent {
  readonly want: readonly number[];
  readonly release: readonly number[];
}

export const NO_FIREWALL_CHANGE: FirewallIntent = { want: [], release: [] };

/** Only the five fields: the journal's schema is strict, like the IPC one. */
const plainRule = (rule: ProxyRule): ProxyRule => ({
  type: rule.type,
  listenAddress: rule.listenAddress,
  listenPort: rule.listenPort,
  connectAddress: rule.connectAddress,
  connectPort: rule.connectPort,
});

const sortedPorts = (ports: Iterable<number>): number[] => [...new Set(ports)].sort((a, b) => a - b);

export const rulesIntent = (
  before: RuleState & { rules: readonly ProxyRule[] },
  target: readonly ProxyRule[],
  firewall: FirewallIntent,
  backupId?: string,
): JournalIntent => ({
  kind: 'rules',
  before: before.rules.map(plainRule),
  target: target.map(plainRule),
  firewall: {
    before: before.firewall ? sortedPorts(before.firewall) : null,
    want: sortedPorts(firewall.want),
    release: sortedPorts(firewall.release),
  },
  ...(backupId ? { backupId } : {}),
});
