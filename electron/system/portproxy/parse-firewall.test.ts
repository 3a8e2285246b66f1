import { describe, expect, it } from 'vitest';
import { readRealSample } from '../../../test/helpers/sample-files';
import { hasFirewallRuleListing, parseFirewallRuleNames } from './parse-firewall';

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
