/**
 * Reading the rule state: `netsh interface portproxy show all`, Portwarden's inbound firewall rules
 * (one `show rule name=all dir=in`) and iphlpsvc. Every mutation is judged from these reads, never
 * from exit codes or localized messages (docs/architecture.md §1, §3).
 */
import type { ProxyRule, RulesView, ServiceStatus } from '../../../shared/model';
import type { Operation } from '../activity-log';
import type { RunResult } from '../run/command-runner';
import { describeRun } from '../change-report';
import { parsePortProxyShow } from '../parse';
import { readServiceStatus } from '../state-reader';
import { readNatively } from '../native-reads';
import { firewallRuleName, firewallRulePort, showInboundFirewallRules, showPortProxy } from './commands';
import {
  hasFirewallRuleListing,
  parseFirewallRuleNames,
  parseInboundRules,
  tcpPortAllowedBy,
  type InboundRule,
} from './parse-firewall';

export interface RuleState {
  /** null when `show all` could not be read: then nothing may be concluded about the rules. */
  readonly rules: readonly ProxyRule[] | null;
  readonly rulesError?: string;
  /** Listen ports that have Portwarden's firewall rule; null when the firewall could not be read. */
  readonly firewall: ReadonlySet<number> | null;
  /** Every inbound rule (ours and the user's), from the same read; null when it could not be read. */
  readonly inbound: readonly InboundRule[] | null;
  readonly iphlpsvc: ServiceStatus;
  readonly readAt: string;
}

/** A state whose rule list could be read: the only kind a change may be planned from. */
export type ListedState = RuleState & { readonly rules: readonly ProxyRule[] };
export const isListed = (state: RuleState): state is ListedState => state.rules !== null;

/** A rule table has its dash line; an empty rule set prints only blank lines (renderPortProxy, docs/architecture.md §1). */
const DASH_LINE = /^\s*-{4,}/m;

export const readPortProxy = async (op: Operation): Promise<{ rules: ProxyRule[] | null; error?: string }> => {
  // The registry keys netsh itself reads and writes (HKLM\...\PortProxy\<type>\tcp), in netsh's order.
  const native = readNatively(op, 'portproxy registry', (windows) => windows.portProxyRules());
  if (native) return { rules: native.value };
  const result = await op.run(showPortProxy());
  // Exit codes lie in one direction (usage text exits 0), so a 0 still needs the right shape.
  const empty = result.stdout.trim() === '';
  if (result.timedOut || result.exitCode !== 0 || (!empty && !DASH_LINE.test(result.stdout))) {
    return { rules: null, error: describeRun(result) };
  }
  return { rules: parsePortProxyShow(result.stdout) };
};

/**
 * netsh says "No rules match the specified criteria." with exit 1 when nothing matches. A real Windows
 * always has built-in inbound rules, so this only happens on a bare simulated machine; the message was
 * only seen in English, and any other failure stays "unreadable".
 */
const NO_RULES = /No rules match/i;

export interface FirewallRead {
  readonly ours: ReadonlySet<number> | null;
  readonly inbound: readonly InboundRule[] | null;
}

const UNREADABLE: FirewallRead = { ours: null, inbound: null };

const firewallOf = (result: RunResult): FirewallRead => {
  if (result.timedOut) return UNREADABLE;
  if (hasFirewallRuleListing(result.stdout)) {
    const ports = parseFirewallRuleNames(result.stdout).map(firewallRulePort);
    return {
      ours: new Set(ports.filter((port): port is number => port !== null)),
      inbound: parseInboundRules(result.stdout),
    };
  }
  return NO_RULES.test(result.stdout) ? { ours: new Set(), inbound: [] } : UNREADABLE;
};

export const readFirewall = async (op: Operation): Promise<FirewallRead> =>
  firewallOf(await op.run(showInboundFirewallRules()));

export const readFirewallPorts = async (op: Operation): Promise<ReadonlySet<number> | null> =>
  (await readFirewall(op)).ours;

/** The three reads are independent processes: run them together. */
export const readRuleState = async (op: Operation, now: () => Date): Promise<RuleState> => {
  const [proxy, firewall, iphlpsvc] = await Promise.all([
    readPortProxy(op),
    readFirewall(op),
    readServiceStatus(op, 'iphlpsvc'),
  ]);
  return {
    rules: proxy.rules,
    ...(proxy.error ? { rulesError: proxy.error } : {}),
    firewall: firewall.ours,
    inbound: firewall.inbound,
    iphlpsvc,
    readAt: now().toISOString(),
  };
};

/**
 * The read after a change. A read that fails is tried once more before anything is concluded
 * (docs/architecture.md §3: "Timeouts end in unknown: re-read before saying more").
 */
export const rereadRuleState = async (op: Operation, now: () => Date): Promise<RuleState> => {
  const first = await readRuleState(op, now);
  return first.rules !== null ? first : readRuleState(op, now);
};

export const toRulesView = (state: RuleState): RulesView => ({
  rules: (state.rules ?? []).map((rule) => ({
    type: rule.type,
    listenAddress: rule.listenAddress,
    listenPort: rule.listenPort,
    connectAddress: rule.connectAddress,
    connectPort: rule.connectPort,
    firewallRule: state.firewall?.has(rule.listenPort) ? firewallRuleName(rule.listenPort) : null,
    // Firewall truth: any enabled inbound allow rule for the port counts, ours or the user's; unknown
    // (null) when only rules in a display language whose words are not known might open it.
    firewallRules: state.inbound === null ? null : tcpPortAllowedBy(state.inbound, rule.listenPort),
  })),
  iphlpsvc: state.iphlpsvc,
  readAt: state.readAt,
});
