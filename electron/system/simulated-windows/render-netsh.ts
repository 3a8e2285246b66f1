/**
 * netsh's tables, line by line as the samples show them. Pure: data in, lines out.
 */
import { column } from './display-width';
import { splitProxyKey, type PortProxyType, type SimDynamicRange, type SimFirewallRule, type SimRange } from './state';
import type { Texts } from './texts';

/**
 * `%10d    %8d` then the marker column: five spaces and `*` for an administered row, six spaces
 * otherwise. netsh pads every row, the header and the dash line to that column
 * (excludedportrange-tcp.en.7-trailing-spaces.txt); the header suffix is assumed identical in every
 * language, since all non-English samples lost their trailing spaces.
 */
const MARKER_PAD = '      ';
export const excludedRow = (range: SimRange): string =>
  `${String(range.start).padStart(10)}    ${String(range.end).padStart(8)}${range.administered ? '     *' : MARKER_PAD}`;

/**
 * Leading blank line, title, blank, header, dashes, rows (sorted by start: the administered
 * 50000-50059 row sits between WinNAT rows in session-setdynamic-regadd-excludedportrange.ko.1.txt),
 * blank, footer, blank. An empty table keeps header and footer (excludedportrange-tcp.zh-CN.8-empty.txt).
 */
export const renderExcludedTable = (texts: Texts, protocol: string, ranges: readonly SimRange[]): string[] => [
  '',
  texts.excludedTitle(protocol),
  '',
  texts.excludedHeader + MARKER_PAD,
  `----------    --------${MARKER_PAD}`,
  ...[...ranges].sort((a, b) => a.start - b.start || a.end - b.end).map(excludedRow),
  '',
  texts.excludedFooter,
  '',
];

/** dynamicport-tcp.en.1-interactive-netsh.txt: 33 dashes, labels padded to the colon. */
export const renderDynamicRange = (texts: Texts, protocol: string, range: SimDynamicRange): string[] => [
  '',
  texts.dynamicTitle(protocol),
  '---------------------------------',
  `${texts.dynamicStartLabel}${range.start}`,
  `${texts.dynamicCountLabel}${range.count}`,
  '',
];

const VERSIONS: Readonly<Record<PortProxyType, readonly [string, string]>> = {
  v4tov4: ['ipv4', 'ipv4'],
  v4tov6: ['ipv4', 'ipv6'],
  v6tov4: ['ipv6', 'ipv4'],
  v6tov6: ['ipv6', 'ipv6'],
};

/**
 * portproxy-show-all.en.1.txt: `%-15s %-10s  %-15s %s` rows under a title and a fixed header. A
 * longer address (IPv6, a host name) pushes the row right, as printf does.
 */
export const portproxyRow = (listenKey: string, connectValue: string): string => {
  const [listenAddress, listenPort] = splitProxyKey(listenKey);
  const [connectAddress, connectPort] = splitProxyKey(connectValue);
  return `${column(listenAddress, 16)}${column(listenPort, 12)}${column(connectAddress, 16)}${connectPort}`;
};

/**
 * One section per type that has rules, each `blank, title, blank, header, dashes, rows`, then one
 * blank line: session-portproxy-add-show.ko.1.txt shows two blank lines before the next prompt, one
 * of them cmd's. With no rule at all netsh prints only that blank line.
 */
export const renderPortProxy = (
  texts: Texts,
  sections: readonly { type: PortProxyType; rules: Record<string, string> }[],
): string[] => [
  ...sections
    .filter((section) => Object.keys(section.rules).length > 0)
    .flatMap(({ type, rules }) => [
      '',
      texts.portproxyTitle(...VERSIONS[type]),
      '',
      texts.portproxyHeader,
      '--------------- ----------  --------------- ----------',
      ...Object.entries(rules).map(([key, value]) => portproxyRow(key, value)),
    ]),
  '',
];

/**
 * advfirewall-show-rule.en.1-rem-prefixed.txt: labels padded to column 38, a 70-dash rule, a blank
 * line before each rule. English only: no real localized capture exists (SOURCES.md §8).
 */
const label = (name: string, value: string): string => `${name}:`.padEnd(38) + value;
const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

export const renderFirewallRules = (rules: readonly SimFirewallRule[], ok: string): string[] => [
  ...rules.flatMap((rule) => [
    '',
    label('Rule Name', rule.name),
    '-'.repeat(70),
    label('Enabled', rule.enabled === false ? 'No' : 'Yes'),
    label('Direction', capitalized(rule.dir)),
    label('Profiles', 'Domain,Private,Public'),
    label('Grouping', ''),
    label('LocalIP', 'Any'),
    label('RemoteIP', 'Any'),
    label('Protocol', /^any$/i.test(rule.protocol) ? 'Any' : rule.protocol.toUpperCase()),
    // netsh prints the port fields only for TCP and UDP rules.
    ...(/^(tcp|udp)$/i.test(rule.protocol)
      ? [label('LocalPort', rule.localport || 'Any'), label('RemotePort', 'Any')]
      : []),
    label('Edge traversal', 'No'),
    label('Action', capitalized(rule.action)),
  ]),
  ok,
  '',
];
