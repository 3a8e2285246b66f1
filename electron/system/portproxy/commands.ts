/**
 * Argv builders for portproxy rules, Portwarden's inbound firewall rules and the reads a rule check
 * needs. Same rule as electron/system/commands.ts (docs/architecture.md §3): fixed leading tokens, user data only
 * inside `key=value` tokens, values already validated (no spaces, `=`, `/`, quotes: docs/architecture.md §5).
 */
import type { ProxyRule } from '../../../shared/model';
import type { CommandLine } from '../commands';

const netsh = (...args: string[]): CommandLine => ({ command: 'netsh', args });

/** netsh stores an omitted listenaddress as `*` (session-portproxy-add-show-delete.zh-CN.1-indented.txt), so `*` is sent as "omit". */
const listenArgs = (rule: Pick<ProxyRule, 'listenAddress' | 'listenPort'>): string[] => [
  ...(rule.listenAddress === '*' ? [] : [`listenaddress=${rule.listenAddress}`]),
  `listenport=${rule.listenPort}`,
];

const targetArgs = (rule: ProxyRule): string[] => [
  ...listenArgs(rule),
  `connectaddress=${rule.connectAddress}`,
  `connectport=${rule.connectPort}`,
];

export const showPortProxy = (): CommandLine => netsh('interface', 'portproxy', 'show', 'all');

/** `add` over an existing listen key silently replaces it (session-portproxy-readd-show.ko.1-redacted.txt): callers check first. */
export const addPortProxy = (rule: ProxyRule): CommandLine =>
  netsh('interface', 'portproxy', 'add', rule.type, ...targetArgs(rule));

/** `set` changes the target of an existing listen key and fails when the key is gone. */
export const setPortProxy = (rule: ProxyRule): CommandLine =>
  netsh('interface', 'portproxy', 'set', rule.type, ...targetArgs(rule));

export const deletePortProxy = (rule: Pick<ProxyRule, 'type' | 'listenAddress' | 'listenPort'>): CommandLine =>
  netsh('interface', 'portproxy', 'delete', rule.type, ...listenArgs(rule));

export const resetPortProxy = (): CommandLine => netsh('interface', 'portproxy', 'reset');

/**
 * Every name Portwarden gives a firewall rule starts with this; rules without it belong to someone
 * else (the user's `WSL SSH 2222`) and are never touched.
 */
export const FIREWALL_RULE_PREFIX = 'Portwarden portproxy TCP ';

/** One inbound allow rule per listen port, shared by every portproxy rule that listens on it. */
export const firewallRuleName = (listenPort: number): string => `${FIREWALL_RULE_PREFIX}${listenPort}`;

/** The port a Portwarden firewall rule name stands for, or null for any other name. */
export const firewallRulePort = (name: string): number | null => {
  if (!name.startsWith(FIREWALL_RULE_PREFIX)) return null;
  const digits = name.slice(FIREWALL_RULE_PREFIX.length);
  return /^[1-9][0-9]{0,4}$/.test(digits) && Number(digits) <= 65535 ? Number(digits) : null;
};

/**
 * One read for every inbound rule: per-name `show rule` calls would cost a netsh process per port.
 * The name token holds spaces, which is fine: there is no shell, the runner passes argv as is.
 */
export const showInboundFirewallRules = (): CommandLine =>
  netsh('advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=in');

export const addFirewallRule = (listenPort: number): CommandLine =>
  netsh(
    'advfirewall',
    'firewall',
    'add',
    'rule',
    `name=${firewallRuleName(listenPort)}`,
    'dir=in',
    'action=allow',
    'protocol=TCP',
    `localport=${listenPort}`,
  );

/** By exact name only: `delete rule` removes every rule of that name, and only our prefix is ours. */
export const deleteFirewallRule = (listenPort: number): CommandLine =>
  netsh('advfirewall', 'firewall', 'delete', 'rule', `name=${firewallRuleName(listenPort)}`);

/** Sockets with owning pids: who listens on a rule's port (docs/architecture.md §1: a portproxy listener is svchost hosting iphlpsvc). */
export const netstatWithPids = (): CommandLine => ({ command: 'netstat', args: ['-ano'] });

/** Processes with the services they host, to find the svchost.exe of iphlpsvc and to name other owners. */
export const tasklistWithServices = (): CommandLine => ({ command: 'tasklist', args: ['/fo', 'csv', '/nh', '/svc'] });
