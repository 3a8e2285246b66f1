/** Small pure helpers over rules as the table shows them. */
import type { ProxyRule, RuleCheck, RuleView } from '../../shared/model';
import { listenKey, sameRule } from '../../shared/proxy-rules';

/**
 * Just the rule: the channels take strict objects, so a RuleView's `firewallRule` must not travel
 * back (it would fail as an unknown field).
 */
export const toProxyRule = ({
  type,
  listenAddress,
  listenPort,
  connectAddress,
  connectPort,
}: ProxyRule): ProxyRule => ({
  type,
  listenAddress,
  listenPort,
  connectAddress,
  connectPort,
});

/** "0.0.0.0:8080", "[::]:8080": how people write an endpoint; IPv6 needs the brackets to stay readable. */
export const endpoint = (address: string, port: number): string =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

export const listenEndpoint = (rule: Pick<ProxyRule, 'listenAddress' | 'listenPort'>): string =>
  endpoint(rule.listenAddress, rule.listenPort);
export const connectEndpoint = (rule: Pick<ProxyRule, 'connectAddress' | 'connectPort'>): string =>
  endpoint(rule.connectAddress, rule.connectPort);

/** The filter box: matches type, addresses, ports and "addr:port", case-insensitively. */
export const ruleMatches = (rule: ProxyRule, text: string): boolean => {
  const query = text.trim().toLowerCase();
  if (query === '') return true;
  return [
    rule.type,
    rule.listenAddress,
    rule.connectAddress,
    `${rule.listenAddress}:${rule.listenPort}`,
    `${rule.connectAddress}:${rule.connectPort}`,
  ]
    .join(' ')
    .toLowerCase()
    .includes(query);
};

export const hasFirewall = (rule: RuleView): boolean => rule.firewallRule !== null;

/** Checks stay only while they describe the rule as it is now: an edit to the target makes the old answer wrong. */
export const currentChecks = (
  checks: Readonly<Record<string, RuleCheck>>,
  rules: readonly ProxyRule[],
): Readonly<Record<string, RuleCheck>> => {
  const byKey = new Map(rules.map((rule) => [listenKey(rule), rule]));
  const kept = Object.entries(checks).filter(([key, check]) => {
    const rule = byKey.get(key);
    return rule !== undefined && sameRule(rule, check.rule);
  });
  return kept.length === Object.keys(checks).length ? checks : Object.fromEntries(kept);
};
