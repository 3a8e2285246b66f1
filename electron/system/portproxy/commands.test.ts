import { describe, expect, it } from 'vitest';
import {
  addFirewallRule,
  addPortProxy,
  deleteFirewallRule,
  deletePortProxy,
  firewallRuleName,
  firewallRulePort,
  resetPortProxy,
  setPortProxy,
  showInboundFirewallRules,
  showPortProxy,
} from './commands';
import { NEW_8090, V6TOV4_9000 } from '../../../test/helpers/sample-rules';

describe('portproxy and firewall argv', () => {
  it('builds portproxy commands with user data only inside key=value tokens', () => {
    expect(showPortProxy()).toEqual({ command: 'netsh', args: ['interface', 'portproxy', 'show', 'all'] });
    expect(addPortProxy(V6TOV4_9000).args).toEqual([
      'interface',
      'portproxy',
      'add',
      'v6tov4',
      'listenaddress=::',
      'listenport=9000',
      'connectaddress=172.28.241.140',
      'connectport=9000',
    ]);
    // `*` means "listenaddress omitted" (netsh shows it for exactly that).
    expect(setPortProxy(NEW_8090).args).toEqual([
      'interface',
      'portproxy',
      'set',
      'v4tov4',
      'listenport=8090',
      'connectaddress=172.28.241.140',
      'connectport=8090',
    ]);
    expect(deletePortProxy(NEW_8090).args).toEqual(['interface', 'portproxy', 'delete', 'v4tov4', 'listenport=8090']);
    expect(resetPortProxy().args).toEqual(['interface', 'portproxy', 'reset']);
  });

  it('names firewall rules by prefix and port, as one token', () => {
    expect(firewallRuleName(8080)).toBe('Portwarden portproxy TCP 8080');
    expect(addFirewallRule(8080).args).toEqual([
      'advfirewall',
      'firewall',
      'add',
      'rule',
      'name=Portwarden portproxy TCP 8080',
      'dir=in',
      'action=allow',
      'protocol=TCP',
      'localport=8080',
    ]);
    expect(deleteFirewallRule(8080).args).toEqual([
      'advfirewall',
      'firewall',
      'delete',
      'rule',
      'name=Portwarden portproxy TCP 8080',
    ]);
    expect(showInboundFirewallRules().args).toEqual(['advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=in']);
  });

  it('recognises only our exact names', () => {
    expect(firewallRulePort('Portwarden portproxy TCP 8080')).toBe(8080);
    for (const name of [
      'WSL SSH 2222',
      'Portwarden portproxy TCP 08080',
      'Portwarden portproxy TCP 70000',
      'Portwarden portproxy TCP 80 x',
      'portwarden portproxy tcp 80',
    ]) {
      expect(firewallRulePort(name)).toBeNull();
    }
  });
});
