import { describe, expect, it } from 'vitest';
import { readRealSample } from '../../../test/helpers/sample-files';
import {
  hasFirewallRuleListing,
  parseFirewallRuleNames,
  parseInboundRules,
  ruleAllowsTcpPort,
  ruleCoversTcpPort,
  tcpPortAllowedBy,
} from './parse-firewall';
import { planFirewall } from './firewall';
import { toRulesView, type RuleState } from './read';

const SAMPLE = 'advfirewall-show-rule.en.1-rem-prefixed.txt';

const block = (label: string, name: string) =>
  [
    `${label}`.padEnd(38) + name,
    '-'.repeat(70),
    'Enabled:'.padEnd(38) + 'Yes',
    'Direction:'.padEnd(38) + 'In',
    '',
  ].join('\r\n');

describe('parseFirewallRuleNames', () => {
  it('reads the names of the real capture (rem prefix stripped)', () => {
    const text = readRealSample(SAMPLE).replace(/^rem ?/gm, '');
    expect(parseFirewallRuleNames(text)).toEqual([
      'Remote Desktop - Shadow (TCP-In)',
      'Remote Desktop - User Mode (UDP-In)',
      'Remote Desktop - User Mode (TCP-In)',
    ]);
  });

  it('finds names by shape, whatever the label says (localized labels, full-width colon)', () => {
    const text = [
      '',
      block('규칙 이름:', 'Portwarden portproxy TCP 8080'),
      block('规则名称：', 'WSL SSH 2222'),
      block('Regelname:', 'Name: with a colon'),
      '확인됨',
      '',
    ].join('\r\n');
    expect(parseFirewallRuleNames(text)).toEqual([
      'Portwarden portproxy TCP 8080',
      'WSL SSH 2222',
      'Name: with a colon',
    ]);
  });

  it('finds nothing in messages and usage text', () => {
    expect(parseFirewallRuleNames('\r\nNo rules match the specified criteria.\r\n')).toEqual([]);
    expect(hasFirewallRuleListing('\r\nNo rules match the specified criteria.\r\n')).toBe(false);
    expect(hasFirewallRuleListing(block('Rule Name:', 'x'))).toBe(true);
    expect(parseFirewallRuleNames(42 as unknown as string)).toEqual([]);
  });
});

describe('parseInboundRules / ruleAllowsTcpPort', () => {
  const rule = (label: (name: string) => string, values: string[]) =>
    [`${label('Rule Name')}rule`, '-'.repeat(70), ...values.map((v, i) => `${label(`f${i}`)}${v}`), ''].join('\r\n');
  const en = (name: string) => `${name}:`.padEnd(38);

  it('reads the real capture by position: enabled, action, protocol and local port', () => {
    const text = readRealSample(SAMPLE).replace(/^rem ?/gm, '');
    const rules = parseInboundRules(text);
    expect(rules.map((r) => [r.name, r.enabled, r.allow, r.protocol, r.localPort])).toEqual([
      ['Remote Desktop - Shadow (TCP-In)', true, true, 'TCP', 'Any'],
      ['Remote Desktop - User Mode (UDP-In)', true, true, 'UDP', '3389'],
      ['Remote Desktop - User Mode (TCP-In)', true, true, 'TCP', '3389'],
    ]);
    expect(rules.filter((r) => ruleAllowsTcpPort(r, 3389)).map((r) => r.name)).toEqual([
      'Remote Desktop - Shadow (TCP-In)',
      'Remote Desktop - User Mode (TCP-In)',
    ]);
  });

  it('Korean values (labels are never read), and unknown words never count as covering', () => {
    const ko = (name: string) => `${name}:`.padEnd(38);
    const fields = (enabled: string, action: string) => [
      enabled,
      '들어오는 방향',
      '도메인',
      '',
      '모두',
      '모두',
      'TCP',
      '2222',
      '모두',
      '아니요',
      action,
    ];
    const [open, closed, odd] = parseInboundRules(
      [rule(ko, fields('예', '허용')), rule(ko, fields('아니요', '허용')), rule(ko, fields('???', '허용'))].join(
        '\r\n',
      ),
    );
    expect(ruleAllowsTcpPort(open!, 2222)).toBe(true);
    expect(ruleAllowsTcpPort(open!, 2223)).toBe(false);
    expect(ruleAllowsTcpPort(closed!, 2222)).toBe(false);
    expect(odd!.enabled).toBeNull();
    expect(ruleAllowsTcpPort(odd!, 2222)).toBe(false);
    expect(
      parseInboundRules(
        rule(en, ['Yes', 'In', 'Any', '', 'Any', 'Any', 'TCP', '80,2000-2300', 'Any', 'No', 'Allow']),
      ).map((r) => ruleAllowsTcpPort(r, 2222)),
    ).toEqual([true]);
  });
});

/**
 * Display languages whose words the tables do not hold. The real capture (the only one: SOURCES.md §8)
 * with its values replaced by made-up words (`Xyes`, `Xin`, ...): they stand for "a language we do not
 * know" and claim nothing about any real language's netsh output.
 */
describe('a display language whose words are not known', () => {
  const label = (name: string) => `${name}:`.padEnd(38);
  const rule = (name: string, values: readonly string[]) =>
    [`${label('Xname')}${name}`, '-'.repeat(70), ...values.map((v, i) => `${label(`X${i}`)}${v}`), ''].join('\r\n');
  /** Enabled, Direction, Profiles, Grouping, LocalIP, RemoteIP, Protocol, LocalPort, RemotePort, Edge, Action. */
  const tcp = (enabled: string, localPort: string, action = 'Xallow') => [
    enabled,
    'Xin',
    'Xdomain',
    '',
    'Xany',
    'Xany',
    'TCP',
    localPort,
    'Xany',
    'Xno',
    action,
  ];
  /** A rule for every protocol has no port fields; its protocol word is localized too. */
  const anyProtocol = (enabled: string) => [enabled, 'Xin', 'Xdomain', '', 'Xany', 'Xany', 'Xany', 'Xno', 'Xallow'];

  it('enabled and action are unknown (null), never No', () => {
    const [parsed] = parseInboundRules(rule('WSL SSH 2222', tcp('Xyes', '2222')));
    expect(parsed).toMatchObject({
      name: 'WSL SSH 2222',
      enabled: null,
      allow: null,
      protocol: 'TCP',
      localPort: '2222',
    });
  });

  it('a rule for the port in an unknown language: unknown, not No; the port column is unknown', () => {
    const rules = parseInboundRules(rule('WSL SSH 2222', tcp('Xyes', '2222')));
    expect(ruleCoversTcpPort(rules[0]!, 2222)).toBeNull();
    expect(ruleAllowsTcpPort(rules[0]!, 2222)).toBe(false);
    expect(tcpPortAllowedBy(rules, 2222)).toBeNull();
  });

  it('a port word that may be the language\'s "Any", or a protocol that may be "Any": unknown', () => {
    const rules = parseInboundRules(
      [rule('any port', tcp('Xyes', 'Xany')), rule('any protocol', anyProtocol('Xyes'))].join('\r\n'),
    );
    expect(rules.map((r) => ruleCoversTcpPort(r, 8080))).toEqual([null, null]);
    expect(tcpPortAllowedBy(rules, 8080)).toBeNull();
  });

  it('still No where the words cannot matter: only rules for other port numbers, or UDP', () => {
    const rules = parseInboundRules(
      [
        rule('other port', tcp('Xyes', '3389')),
        rule('a list and a range', tcp('Xyes', '80,443,5000-5100')),
        rule('udp', [...tcp('Xyes', '2222').slice(0, 6), 'UDP', '2222', 'Xany', 'Xno', 'Xallow']),
      ].join('\r\n'),
    );
    expect(rules.map((r) => ruleCoversTcpPort(r, 2222))).toEqual([false, false, false]);
    expect(tcpPortAllowedBy(rules, 2222)).toEqual([]);
  });

  it('a known-language rule that opens the port answers Yes whatever an unknown one says', () => {
    const en = (values: readonly string[]) =>
      [
        'Rule Name:'.padEnd(38) + 'WSL SSH 2222',
        '-'.repeat(70),
        ...values.map((v) => `${'Field:'.padEnd(38)}${v}`),
        '',
      ].join('\r\n');
    const rules = parseInboundRules(
      [
        en(['Yes', 'In', 'Any', '', 'Any', 'Any', 'TCP', '2222', 'Any', 'No', 'Allow']),
        rule('unknown', tcp('Xyes', '2222')),
      ].join('\r\n'),
    );
    expect(tcpPortAllowedBy(rules, 2222)).toEqual(['WSL SSH 2222']);
  });

  it('known languages keep their answers: disabled or Block is No, documented keywords are no port', () => {
    const en = (name: string, values: readonly string[]) =>
      [
        `${'Rule Name:'.padEnd(38)}${name}`,
        '-'.repeat(70),
        ...values.map((v) => `${'Field:'.padEnd(38)}${v}`),
        '',
      ].join('\r\n');
    const fields = (enabled: string, port: string, action: string) => [
      enabled,
      'In',
      'Any',
      '',
      'Any',
      'Any',
      'TCP',
      port,
      'Any',
      'No',
      action,
    ];
    const rules = parseInboundRules(
      [
        en('disabled', fields('No', '2222', 'Allow')),
        en('block', fields('Yes', '2222', 'Block')),
        // `localport=...|RPC|RPC-EPMap|IPHTTPS|any` (netsh advfirewall firewall add rule /?): keywords, not ports.
        en('rpc', fields('Yes', 'RPC-EPMap', 'Allow')),
        en('bypass', fields('Yes', '2222', 'Bypass')),
      ].join('\r\n'),
    );
    expect(rules.map((r) => ruleCoversTcpPort(r, 2222))).toEqual([false, false, false, false]);
    expect(tcpPortAllowedBy(rules, 2222)).toEqual([]);
  });

  it('the Firewall column says unknown for such a port, and the plan still goes by our rule name only', () => {
    const listing = [
      rule('WSL SSH 2222', tcp('Xyes', '2222')),
      rule('Portwarden portproxy TCP 8080', tcp('Xyes', '8080')),
      rule('other', tcp('Xyes', '3389')),
    ].join('\r\n');
    const inbound = parseInboundRules(listing);
    const ours = new Set([8080]);
    expect(parseFirewallRuleNames(listing)).toContain('Portwarden portproxy TCP 8080');
    const forward = (listenPort: number) =>
      ({
        type: 'v4tov4',
        listenAddress: '0.0.0.0',
        listenPort,
        connectAddress: '172.28.241.140',
        connectPort: 22,
      }) as const;
    const state: RuleState = {
      rules: [forward(2222), forward(8080), forward(9000)],
      firewall: ours,
      inbound,
      iphlpsvc: 'running',
      readAt: '2026-12-05T10:00:00.000Z',
    };
    expect(toRulesView(state).rules.map((r) => [r.listenPort, r.firewallRules, r.firewallRule])).toEqual([
      [2222, null, null],
      [8080, null, 'Portwarden portproxy TCP 8080'],
      // Only rules for other port numbers: certainly no rule opens 9000.
      [9000, [], null],
    ]);
    // Our rule is recognised by its name, which is never translated: no second copy for 8080.
    expect(planFirewall(ours, [2222, 8080], [])).toEqual({ add: [2222], remove: [], unread: [] });
  });
});
