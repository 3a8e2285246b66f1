import { describe, expect, it } from 'vitest';
import { readRealSample } from '../../../test/helpers/sample-files';
import { hasFirewallRuleListing, parseFirewallRuleNames, parseInboundRules, ruleAllowsTcpPort } from './parse-firewall';

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
