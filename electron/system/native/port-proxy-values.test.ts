import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/sample-files';
import { parsePortProxyShow } from '../parse/portproxy';
import { PORT_PROXY_TYPES, portProxyKeyPath, portProxyRuleFromValue } from './port-proxy-values';

describe('portProxyRuleFromValue', () => {
  it('reads listen address/port from the value name and connect address/port from its data', () => {
    expect(portProxyRuleFromValue('v4tov4', '0.0.0.0/8080', '172.28.241.140/80')).toEqual({
      type: 'v4tov4',
      listenAddress: '0.0.0.0',
      listenPort: 8080,
      connectAddress: '172.28.241.140',
      connectPort: 80,
    });
  });

  it('splits IPv6 addresses at the last slash and drops brackets', () => {
    expect(portProxyRuleFromValue('v6tov6', '[::1]/8443', 'fd00::2/443')).toMatchObject({
      listenAddress: '::1',
      connectAddress: 'fd00::2',
    });
    expect(portProxyRuleFromValue('v6tov4', 'fe80::1%7/9000', '10.0.0.5/9000')?.listenAddress).toBe('fe80::1%7');
  });

  it('reads a name that is only a port as listening on `*`', () => {
    expect(portProxyRuleFromValue('v4tov4', '2222', 'wsl.local/22')).toMatchObject({
      listenAddress: '*',
      listenPort: 2222,
    });
    expect(portProxyRuleFromValue('v4tov4', '*/2222', 'wsl.local/22')).toMatchObject({
      listenAddress: '*',
      listenPort: 2222,
    });
  });

  it.each([
    ['no slash in the data', '0.0.0.0/80', '10.0.0.1'],
    ['no address', '/80', '10.0.0.1/80'],
    ['port 0', '0.0.0.0/0', '10.0.0.1/80'],
    ['port over 65535', '0.0.0.0/65536', '10.0.0.1/80'],
    ['a service name for a port', '0.0.0.0/http', '10.0.0.1/80'],
    ['an empty connect port', '0.0.0.0/80', '10.0.0.1/'],
  ])('is not a rule: %s', (_label, name, data) => {
    expect(portProxyRuleFromValue('v4tov4', name, data)).toBeNull();
  });

  it('names the registry key of each type', () => {
    expect(PORT_PROXY_TYPES.map(portProxyKeyPath)).toEqual([
      'SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v4tov4\\tcp',
      'SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v4tov6\\tcp',
      'SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v6tov4\\tcp',
      'SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v6tov6\\tcp',
    ]);
  });

  it('turns the values behind portproxy-show-all.en.crlf-multi-section.txt into exactly its parsed rules', () => {
    const registry = {
      v4tov4: [
        ['0.0.0.0/8080', '172.28.241.140/80'],
        ['*/2222', 'wsl.local/22'],
      ],
      v4tov6: [['127.0.0.1/5000', '::1/5000']],
      v6tov4: [
        ['::/3389', '192.168.1.20/3389'],
        ['fe80::1%7/9000', '10.0.0.5/9000'],
      ],
      v6tov6: [['::1/8443', 'fd00::2/443']],
    } as const;
    const rules = PORT_PROXY_TYPES.flatMap((type) =>
      registry[type].map(([name, data]) => portProxyRuleFromValue(type, name, data)),
    );
    expect(rules).toEqual(parsePortProxyShow(readFixture('portproxy-show-all.en.crlf-multi-section.txt')));
  });
});
