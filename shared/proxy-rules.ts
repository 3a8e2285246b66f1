/**
 * Pure helpers over portproxy rules, shared by main (to apply) and renderer (to preview): the type a
 * pair of addresses needs, the listen key netsh uses, the netsh command a rule corresponds to, and the
 * plan that turns one rule set into another (import, restore).
 */
import { addressKind, sideVersion } from './addresses';
import type { ProxyRule, ProxyType } from './model';

/** The type a rule must have: literals decide each side; host names follow the other side, else v4. */
export const deriveProxyType = (listen: string, connect: string): ProxyType => {
  const listenKind = listen === '*' ? null : addressKind(listen);
  const connectKind = addressKind(connect);
  const listenSide = listenKind ? sideVersion(listenKind, connectKind) : 'v4';
  const connectSide = connectKind ? sideVersion(connectKind, listenKind) : 'v4';
  return `${listenSide}to${connectSide}` as ProxyType;
};

/** netsh keys rules by type + listen address + listen port; `add` with an existing key replaces. */
export const listenKey = (rule: Pick<ProxyRule, 'type' | 'listenAddress' | 'listenPort'>): string =>
  `${rule.type}|${rule.listenAddress.toLowerCase()}|${rule.listenPort}`;

export const sameRule = (a: ProxyRule, b: ProxyRule): boolean =>
  listenKey(a) === listenKey(b) &&
  a.connectAddress.toLowerCase() === b.connectAddress.toLowerCase() &&
  a.connectPort === b.connectPort;

/**
 * The command a user would type for this rule ("Copy as netsh command"). Values never contain
 * spaces or quotes (the validators refuse them), so the line needs no quoting.
 */
export const netshAddCommand = (rule: ProxyRule): string =>
  [
    'netsh interface portproxy add',
    rule.type,
    ...(rule.listenAddress === '*' ? [] : [`listenaddress=${rule.listenAddress}`]),
    `listenport=${rule.listenPort}`,
    `connectaddress=${rule.connectAddress}`,
    `connectport=${rule.connectPort}`,
  ].join(' ');

export const netshDeleteCommand = (rule: ProxyRule): string =>
  [
    'netsh interface portproxy delete',
    rule.type,
    ...(rule.listenAddress === '*' ? [] : [`listenaddress=${rule.listenAddress}`]),
    `listenport=${rule.listenPort}`,
  ].join(' ');

export interface RulePlan {
  /** Listen keys that do not exist yet. */
  readonly add: readonly ProxyRule[];
  /** Existing listen keys whose target changes: `before` is what is there now. */
  readonly replace: readonly { readonly before: ProxyRule; readonly after: ProxyRule }[];
  /** Only in `replace` mode: rules not in the incoming set. */
  readonly remove: readonly ProxyRule[];
  readonly unchanged: readonly ProxyRule[];
}

/** What applying `incoming` to `current` does; `merge` keeps rules the incoming set does not name. */
export const planRuleSet = (
  current: readonly ProxyRule[],
  incoming: readonly ProxyRule[],
  mode: 'merge' | 'replace',
): RulePlan => {
  const currentByKey = new Map(current.map((rule) => [listenKey(rule), rule]));
  // The last occurrence of a key wins, as it would if the rules were added one after another.
  const incomingByKey = new Map(incoming.map((rule) => [listenKey(rule), rule]));
  const add: ProxyRule[] = [];
  const replace: { before: ProxyRule; after: ProxyRule }[] = [];
  const unchanged: ProxyRule[] = [];
  for (const [key, rule] of incomingByKey) {
    const existing = currentByKey.get(key);
    if (!existing) add.push(rule);
    else if (sameRule(existing, rule)) unchanged.push(existing);
    else replace.push({ before: existing, after: rule });
  }
  const remove = mode === 'replace' ? current.filter((rule) => !incomingByKey.has(listenKey(rule))) : [];
  return { add, replace, remove, unchanged };
};

export const isEmptyPlan = (plan: RulePlan): boolean =>
  plan.add.length + plan.replace.length + plan.remove.length === 0;
