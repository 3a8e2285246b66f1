import { describe, expect, it } from 'vitest';
import { parsePortProxyShow, type ParsedPortProxyRule } from './index';
import { readFixture, readRealSample } from '../../../test/helpers/sample-files';

type RuleTuple = [
  type: ParsedPortProxyRule['type'],
  listenAddress: string,
  listenPort: number,
  connectAddress: string,
  connectPort: number,
];

const rules = (...tuples: RuleTuple[]): ParsedPortProxyRule[] =>
  tuples.map(([type, listenAddress, listenPort, connectAddress, connectPort]) => ({
    type,
    listenAddress,
    listenPort,
    connectAddress,
    connectPort,
  }));

const SHARED_EXPECTED: Record<string, ParsedPortProxyRule[]> = {
  'portproxy-show-all.en.1.txt': rules(['v4tov4', '192.168.226.64', 2222, '10.4.226.215', 22]),
  'portproxy-show-all.ko.1.txt': rules(['v4tov4', '0.0.0.0', 80, '172.28.241.140', 80]),
  'portproxy-show-v4tov4.en.2.txt': rules(['v4tov4', '10.129.42.198', 8080, '172.16.5.25', 3389]),
  'portproxy-show-v4tov4.ko.1.txt': rules(['v4tov4', '0.0.0.0', 8080, '172.17.82.181', 8081]),
  // Every line prefixed `[verify] `; the netstat rows after the table are not rules.
  'portproxy-show-and-netstat.zh-CN.3-script-log.txt': rules([
    'v4tov4',
    '10.160.9.100',
    50002,
    '172.17.201.231',
    50002,
  ]),
  'session-portproxy-add-show.ko.1.txt': rules(
    ['v4tov4', '0.0.0.0', 50764, '192.168.1.50', 7640],
    ['v4tov4', '0.0.0.0', 51764, '192.168.1.51', 764],
    ['v4tov4', '0.0.0.0', 51888, '192.168.1.51', 8000],
  ),
  // Indented 3 spaces; listenaddress omitted shows `*`.
  'session-portproxy-add-show-delete.zh-CN.1-indented.txt': rules(['v4tov4', '*', 13333, '127.0.0.1', 12333]),
  // Two `show v4tov4` around an `add` that replaced the 8000 rule: the last section wins; the author's
  // `<SSH_PORT>` redaction is not a port, so that row is skipped.
  'session-portproxy-readd-show.ko.1-redacted.txt': rules(
    ['v4tov4', '192.168.100.60', 22, '172.23.245.117', 22],
    ['v4tov4', '192.168.100.60', 29500, '172.23.245.117', 29500],
    ['v4tov4', '0.0.0.0', 8000, '172.23.245.117', 8000],
  ),
  'netstat-anp-find.en.1.txt': [],
  'registry-portproxy-yarp-json.en.1.txt': [],
  'excludedportrange-tcp.ko.1.txt': [],
};

describe('parsePortProxyShow on the real captures', () => {
  it.each(Object.entries(SHARED_EXPECTED))('%s', (file, expected) => {
    expect(parsePortProxyShow(readRealSample(file))).toEqual(expected);
    expect(parsePortProxyShow(readRealSample(file).replace(/\n/g, '\r\n'))).toEqual(expected);
  });
});

describe('parsePortProxyShow on the project fixtures', () => {
  it('reads all four section types of `show all`, host names, `*` and zone ids', () => {
    expect(parsePortProxyShow(readFixture('portproxy-show-all.en.crlf-multi-section.txt'))).toEqual(
      rules(
        ['v4tov4', '0.0.0.0', 8080, '172.28.241.140', 80],
        ['v4tov4', '*', 2222, 'wsl.local', 22],
        ['v4tov6', '127.0.0.1', 5000, '::1', 5000],
        ['v6tov4', '::', 3389, '192.168.1.20', 3389],
        ['v6tov4', 'fe80::1%7', 9000, '10.0.0.5', 9000],
        ['v6tov6', '::1', 8443, 'fd00::2', 443],
      ),
    );
  });

  it('takes the section type from the ipv4/ipv6 tokens of Korean titles (`ipv6에 연결:`)', () => {
    expect(parsePortProxyShow(readFixture('portproxy-show-all.ko.crlf-multi-section.txt'))).toEqual(
      rules(
        ['v4tov4', '0.0.0.0', 80, '172.28.241.140', 80],
        ['v4tov6', '0.0.0.0', 8081, 'fd00::10', 8081],
        ['v6tov4', '::', 8082, '10.0.0.10', 8082],
        ['v6tov6', '::', 8083, '::1', 80],
      ),
    );
  });

  it('reads an indented zh-CN v6tov4 section', () => {
    expect(parsePortProxyShow(readFixture('portproxy-show-v6tov4.zh-CN.crlf-indented.txt'))).toEqual(
      rules(['v6tov4', '*', 13333, '127.0.0.1', 12333]),
    );
  });

  it('returns [] when there are no rules', () => {
    expect(parsePortProxyShow(readFixture('portproxy-show-all.en.crlf-empty.txt'))).toEqual([]);
  });
});

describe('parsePortProxyShow edge cases', () => {
  it('infers the type of rows that have no section title from their addresses', () => {
    expect(parsePortProxyShow('0.0.0.0  80  ::1  8080\n::  81  10.0.0.1  81\n')).toEqual(
      rules(['v4tov6', '0.0.0.0', 80, '::1', 8080], ['v6tov4', '::', 81, '10.0.0.1', 81]),
    );
  });

  it('unbrackets bracketed IPv6 addresses', () => {
    expect(parsePortProxyShow('Listen on ipv6:   Connect to ipv6:\n[::1]  80  [fd00::1]  8080\n')).toEqual(
      rules(['v6tov6', '::1', 80, 'fd00::1', 8080]),
    );
  });

  it('does not take command lines or headers for titles or rows', () => {
    const text = [
      'C:\\>netsh interface ipv6 add v6tov4 listenaddress=:: listenport=80 connectaddress=10.0.0.1 ipv4',
      'Listen on ipv4:             Connect to ipv4:',
      'Address         Port        Address         Port',
      '0.0.0.0         0           10.0.0.1        80',
      '0.0.0.0         70000       10.0.0.1        80',
      '10.0.0.1        80          *               80',
      '0.0.0.0         81          10.0.0.1        81',
    ].join('\r\n');
    expect(parsePortProxyShow(text)).toEqual(rules(['v4tov4', '0.0.0.0', 81, '10.0.0.1', 81]));
  });

  it('returns [] for garbage', () => {
    expect(parsePortProxyShow('\u0000\uffff ipv4 ipv6 : : 1 2 3 4')).toEqual([]);
    expect(parsePortProxyShow(42 as unknown as string)).toEqual([]);
  });
});
