import { describe, expect, it } from 'vitest';
import { parseNetstat } from './index';
import { normalizeTcpState } from './netstat-states';
import { netstatEntries, type NetstatTuple } from '../../../test/helpers/sample-expectations';
import { readFixture, readRealSample } from '../../../test/helpers/sample-files';

/**
 * netstat-an.de.1-cp850-mojibake-fragment.txt, row by row: `netstat -an` has no pid column; every
 * `ABH™REN` row is a listener by its remote `0.0.0.0:0` / `[::]:0`; the other German states are mapped
 * to English; the author's `...` lines and the padded UDP rows are handled.
 */
const GERMAN_MOJIBAKE_ROWS: NetstatTuple[] = [
  ['tcp', '0.0.0.0', 102, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '0.0.0.0', 445, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '0.0.0.0', 2343, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '0.0.0.0', 3389, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '0.0.0.0', 3580, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 44080, '127.0.0.1', 49918, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 44080, '127.0.0.1', 50223, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 44080, '127.0.0.1', 51117, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 44080, '127.0.0.1', 51244, 'FIN_WAIT_2', null],
  ['tcp', '127.0.0.1', 49159, '127.0.0.1', 49160, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49160, '127.0.0.1', 49159, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49166, '127.0.0.1', 49167, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49167, '127.0.0.1', 49166, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49168, '127.0.0.1', 61900, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49169, '127.0.0.1', 49170, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49170, '127.0.0.1', 49169, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49181, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 49181, '127.0.0.1', 49202, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49181, '127.0.0.1', 49204, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49181, '127.0.0.1', 49210, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49181, '127.0.0.1', 49211, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49181, '127.0.0.1', 49212, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49181, '127.0.0.1', 49213, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49186, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 49186, '127.0.0.1', 49273, 'CLOSE_WAIT', null],
  ['tcp', '127.0.0.1', 49186, '127.0.0.1', 49290, 'CLOSE_WAIT', null],
  ['tcp', '127.0.0.1', 49187, '127.0.0.1', 49188, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49188, '127.0.0.1', 49187, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49189, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 49197, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 49198, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 49202, '127.0.0.1', 49181, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49204, '127.0.0.1', 49181, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49210, '127.0.0.1', 49181, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49211, '127.0.0.1', 49181, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49212, '127.0.0.1', 49181, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49213, '127.0.0.1', 49181, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49273, '127.0.0.1', 49186, 'FIN_WAIT_2', null],
  ['tcp', '127.0.0.1', 49274, '127.0.0.1', 49275, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49275, '127.0.0.1', 49274, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49278, '127.0.0.1', 61900, 'FIN_WAIT_2', null],
  ['tcp', '127.0.0.1', 49279, '127.0.0.1', 49280, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49280, '127.0.0.1', 49279, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49290, '127.0.0.1', 49186, 'FIN_WAIT_2', null],
  ['tcp', '127.0.0.1', 49291, '127.0.0.1', 49292, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 49292, '127.0.0.1', 49291, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 51231, '127.0.0.1', 44080, 'TIME_WAIT', null],
  ['tcp', '127.0.0.1', 51233, '127.0.0.1', 44080, 'TIME_WAIT', null],
  ['tcp', '127.0.0.1', 51235, '127.0.0.1', 51236, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 51236, '127.0.0.1', 51235, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 51244, '127.0.0.1', 44080, 'CLOSE_WAIT', null],
  ['tcp', '127.0.0.1', 51250, '127.0.0.1', 50000, 'TIME_WAIT', null],
  ['tcp', '127.0.0.1', 61900, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '127.0.0.1', 61900, '127.0.0.1', 49168, 'ESTABLISHED', null],
  ['tcp', '127.0.0.1', 61900, '127.0.0.1', 49278, 'CLOSE_WAIT', null],
  ['tcp', '172.17.67.120', 139, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '172.17.67.120', 7030, '0.0.0.0', 0, 'LISTENING', null],
  ['tcp', '172.17.67.120', 49293, '192.168.121.7', 80, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49305, '192.168.121.2', 445, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49324, '192.168.121.2', 445, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49336, '192.168.121.2', 445, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49343, '192.168.121.4', 445, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49354, '192.168.121.25', 49158, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49356, '192.168.121.4', 49180, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49842, '18.184.173.70', 443, 'CLOSE_WAIT', null],
  ['tcp', '172.17.67.120', 49843, '52.59.77.194', 443, 'CLOSE_WAIT', null],
  ['tcp', '172.17.67.120', 49919, '192.168.121.20', 8080, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 49930, '192.168.121.7', 443, 'CLOSE_WAIT', null],
  ['tcp', '172.17.67.120', 50224, '192.168.121.20', 8080, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 51118, '192.168.121.20', 8080, 'ESTABLISHED', null],
  ['tcp', '172.17.67.120', 51232, '192.168.121.20', 8080, 'TIME_WAIT', null],
  ['tcp', '172.17.67.120', 51234, '192.168.121.20', 8080, 'TIME_WAIT', null],
  ['tcp', '172.17.67.120', 51261, '192.168.121.25', 445, 'ESTABLISHED', null],
  ['tcp', '::', 135, '::', 0, 'LISTENING', null],
  ['tcp', '::', 445, '::', 0, 'LISTENING', null],
  ['tcp', '::', 3389, '::', 0, 'LISTENING', null],
  ['tcp', '::', 4840, '::', 0, 'LISTENING', null],
  ['tcp', '::', 4843, '::', 0, 'LISTENING', null],
  ['tcp', '::', 22350, '::', 0, 'LISTENING', null],
  ['tcp', '::1', 22350, '::1', 49370, 'ESTABLISHED', null],
  ['tcp', '::1', 49155, '::1', 49156, 'ESTABLISHED', null],
  ['tcp', '::1', 49156, '::1', 49155, 'ESTABLISHED', null],
  ['tcp', '::1', 49161, '::1', 49162, 'ESTABLISHED', null],
  ['tcp', '::1', 49162, '::1', 49161, 'ESTABLISHED', null],
  ['tcp', '::1', 49163, '::1', 49164, 'ESTABLISHED', null],
  ['tcp', '::1', 49164, '::1', 49163, 'ESTABLISHED', null],
  ['tcp', '::1', 49177, '::1', 49178, 'ESTABLISHED', null],
  ['tcp', '::1', 49178, '::1', 49177, 'ESTABLISHED', null],
  ['tcp', '::1', 49183, '::1', 49184, 'ESTABLISHED', null],
  ['tcp', '::1', 49184, '::1', 49183, 'ESTABLISHED', null],
  ['tcp', '::1', 49370, '::1', 22350, 'ESTABLISHED', null],
  ['udp', '0.0.0.0', 123, null, null, null, null],
  ['udp', '0.0.0.0', 500, null, null, null, null],
  ['udp', '0.0.0.0', 1434, null, null, null, null],
  ['udp', '0.0.0.0', 2343, null, null, null, null],
  ['udp', '0.0.0.0', 4500, null, null, null, null],
  ['udp', '0.0.0.0', 5000, null, null, null, null],
];

const SHARED_EXPECTED: Record<string, NetstatTuple[]> = {
  'netstat-an.de.1-cp850-mojibake-fragment.txt': GERMAN_MOJIBAKE_ROWS,
  // `-abon`: ` [sshd.exe]`, `  RpcSs `, `Can not obtain ownership information`, `[...]` are not rows.
  'netstat-abon.en.2-fragment.txt': [
    ['tcp', '0.0.0.0', 22, '0.0.0.0', 0, 'LISTENING', 2116],
    ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', 820],
    ['tcp', '0.0.0.0', 49669, '0.0.0.0', 0, 'LISTENING', 2036],
    ['tcp', '0.0.0.0', 49670, '0.0.0.0', 0, 'LISTENING', 584],
    ['tcp', '0.0.0.0', 49686, '0.0.0.0', 0, 'LISTENING', 592],
    ['tcp', '10.10.230.237', 22, '10.11.81.126', 53486, 'ESTABLISHED', 2116],
  ],
  'netstat-anob-more.en.1.txt': [
    ['tcp', '0.0.0.0', 22, '0.0.0.0', 0, 'LISTENING', 2944],
    ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', 832],
    ['tcp', '0.0.0.0', 445, '0.0.0.0', 0, 'LISTENING', 4],
    ['tcp', '0.0.0.0', 3389, '0.0.0.0', 0, 'LISTENING', 304],
    ['tcp', '0.0.0.0', 5040, '0.0.0.0', 0, 'LISTENING', 4456],
  ],
  // `-anp TCP`: no pid column.
  'netstat-anp-find.en.1.txt': [['tcp', '192.168.226.64', 2222, '0.0.0.0', 0, 'LISTENING', null]],
  'netstat-ano-p-tcp.ko.1-fragment.txt': [
    ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', 1028],
    ['tcp', '0.0.0.0', 445, '0.0.0.0', 0, 'LISTENING', 4],
    ['tcp', '0.0.0.0', 3306, '0.0.0.0', 0, 'LISTENING', 1076],
    ['tcp', '0.0.0.0', 7680, '0.0.0.0', 0, 'LISTENING', 5756],
    ['tcp', '0.0.0.0', 8009, '0.0.0.0', 0, 'LISTENING', 9184],
    ['tcp', '0.0.0.0', 8080, '0.0.0.0', 0, 'LISTENING', 9184],
    ['tcp', '0.0.0.0', 33060, '0.0.0.0', 0, 'LISTENING', 1076],
    ['tcp', '0.0.0.0', 49664, '0.0.0.0', 0, 'LISTENING', 672],
    ['tcp', '0.0.0.0', 49665, '0.0.0.0', 0, 'LISTENING', 1556],
    ['tcp', '0.0.0.0', 49666, '0.0.0.0', 0, 'LISTENING', 1144],
    ['tcp', '0.0.0.0', 49671, '0.0.0.0', 0, 'LISTENING', 3052],
    ['tcp', '0.0.0.0', 49837, '0.0.0.0', 0, 'LISTENING', 748],
    ['tcp', '0.0.0.0', 49874, '0.0.0.0', 0, 'LISTENING', 756],
    ['tcp', '0.0.0.0', 53320, '0.0.0.0', 0, 'LISTENING', 10524],
    ['tcp', '127.0.0.1', 1235, '0.0.0.0', 0, 'LISTENING', 4012],
    ['tcp', '127.0.0.1', 8005, '0.0.0.0', 0, 'LISTENING', 9184],
    ['tcp', '127.0.0.1', 49675, '127.0.0.1', 49676, 'ESTABLISHED', 3684],
  ],
  'netstat-ano.zh-CN.1-fragment.txt': [
    ['tcp', '127.0.0.1', 8411, '127.0.0.1', 58296, 'TIME_WAIT', 0],
    ['tcp', '127.0.0.1', 8411, '127.0.0.1', 58298, 'TIME_WAIT', 0],
  ],
  'netstat-nao-findstr.ko.1.txt': [
    ['tcp', '127.0.0.1', 6374, '0.0.0.0', 0, 'LISTENING', 6136],
    ['tcp', '127.0.0.1', 6374, '127.0.0.1', 7164, 'ESTABLISHED', 6136],
    ['tcp', '127.0.0.1', 6374, '127.0.0.1', 7165, 'ESTABLISHED', 6136],
    ['tcp', '127.0.0.1', 7164, '127.0.0.1', 6374, 'ESTABLISHED', 12764],
    ['tcp', '127.0.0.1', 7165, '127.0.0.1', 6374, 'ESTABLISHED', 12764],
  ],
  // Rows prefixed `[verify]   `.
  'portproxy-show-and-netstat.zh-CN.3-script-log.txt': [
    ['tcp', '10.160.9.100', 50002, '0.0.0.0', 0, 'LISTENING', 21796],
    ['tcp', '127.0.0.1', 50002, '0.0.0.0', 0, 'LISTENING', 33388],
    ['tcp', '172.17.192.1', 63753, '172.17.201.231', 50002, 'TIME_WAIT', 0],
  ],
  // Rows without their 2-space indent, between prompts and net.exe messages.
  'session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt': [
    ['tcp', '127.0.0.1', 8000, '0.0.0.0', 0, 'LISTENING', 38280],
    ['tcp', '127.0.0.1', 8000, '0.0.0.0', 0, 'LISTENING', 27252],
    ['tcp', '127.0.0.1', 8000, '127.0.0.1', 54526, 'CLOSE_WAIT', 27252],
    ['tcp', '127.0.0.1', 8000, '127.0.0.1', 54527, 'CLOSE_WAIT', 27252],
    ['tcp', '127.0.0.1', 8000, '127.0.0.1', 54529, 'CLOSE_WAIT', 27252],
    ['tcp', '127.0.0.1', 8000, '127.0.0.1', 54533, 'CLOSE_WAIT', 27252],
    ['tcp', '127.0.0.1', 54526, '127.0.0.1', 8000, 'FIN_WAIT_2', 29068],
    ['tcp', '127.0.0.1', 54527, '127.0.0.1', 8000, 'FIN_WAIT_2', 29068],
    ['tcp', '127.0.0.1', 54529, '127.0.0.1', 8000, 'FIN_WAIT_2', 29068],
    ['tcp', '127.0.0.1', 54533, '127.0.0.1', 8000, 'FIN_WAIT_2', 29068],
  ],
  // PowerShell's table is not netstat: no row starts with TCP/UDP.
  'get-nettcpconnection-table.en.1.txt': [],
  'portproxy-show-all.en.1.txt': [],
};

describe('parseNetstat on the real captures', () => {
  it.each(Object.entries(SHARED_EXPECTED))('%s', (file, expected) => {
    expect(parseNetstat(readRealSample(file))).toEqual(netstatEntries(expected));
    expect(parseNetstat(readRealSample(file).replace(/\n/g, '\r\n'))).toEqual(netstatEntries(expected));
  });
});

describe('parseNetstat on the project fixtures', () => {
  it('reads IPv4, IPv6, zone ids and UDP rows (`netstat -ano`)', () => {
    expect(parseNetstat(readFixture('netstat-ano.en.crlf-ipv6-udp.txt'))).toEqual(
      netstatEntries([
        ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', 1028],
        ['tcp', '0.0.0.0', 445, '0.0.0.0', 0, 'LISTENING', 4],
        ['tcp', '127.0.0.1', 8000, '127.0.0.1', 54526, 'CLOSE_WAIT', 27252],
        ['tcp', '127.0.0.1', 54526, '127.0.0.1', 8000, 'FIN_WAIT_2', 29068],
        ['tcp', '192.168.1.10', 50123, '140.82.113.3', 443, 'ESTABLISHED', 9184],
        ['tcp', '192.168.1.10', 50124, '140.82.113.3', 443, 'SYN_SENT', 9184],
        ['tcp', '192.168.1.10', 50125, '140.82.113.4', 443, 'TIME_WAIT', 0],
        ['tcp', '::', 135, '::', 0, 'LISTENING', 1028],
        ['tcp', '::1', 5000, '::1', 50200, 'ESTABLISHED', 4012],
        ['tcp', 'fe80::1c2d:3e4f:5a6b:7c8d%12', 139, '::', 0, 'LISTENING', 4],
        ['udp', '0.0.0.0', 123, null, null, null, 1840],
        ['udp', '::', 500, null, null, null, 4544],
        ['udp', 'fe80::1c2d:3e4f:5a6b:7c8d%12', 1900, null, null, null, 6020],
      ]),
    );
  });

  it('maps every German state word to English', () => {
    expect(parseNetstat(readFixture('netstat-ano.de.crlf-localized-states.txt'))).toEqual(
      netstatEntries([
        ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', 1028],
        ['tcp', '127.0.0.1', 44080, '127.0.0.1', 49918, 'ESTABLISHED', 5120],
        ['tcp', '127.0.0.1', 44081, '127.0.0.1', 49919, 'TIME_WAIT', 0],
        ['tcp', '127.0.0.1', 44082, '127.0.0.1', 49920, 'CLOSE_WAIT', 5120],
        ['tcp', '127.0.0.1', 44083, '127.0.0.1', 49921, 'FIN_WAIT_1', 5120],
        ['tcp', '127.0.0.1', 44084, '127.0.0.1', 49922, 'FIN_WAIT_2', 5120],
        ['tcp', '10.0.0.2', 50001, '10.0.0.9', 445, 'SYN_SENT', 4],
        ['tcp', '10.0.0.2', 445, '10.0.0.9', 50002, 'SYN_RECEIVED', 4],
        ['tcp', '10.0.0.2', 50003, '10.0.0.9', 80, 'LAST_ACK', 7788],
        ['tcp', '10.0.0.2', 50004, '10.0.0.9', 80, 'CLOSED', 7788],
        ['tcp', '::', 3389, '::', 0, 'LISTENING', 1204],
        ['udp', '0.0.0.0', 5353, null, null, null, 2240],
      ]),
    );
  });

  it('reads rows under a Japanese-style header', () => {
    expect(parseNetstat(readFixture('netstat-ano.ja-style.crlf.txt'))).toEqual(
      netstatEntries([
        ['tcp', '0.0.0.0', 80, '0.0.0.0', 0, 'LISTENING', 4],
        ['tcp', '127.0.0.1', 3306, '127.0.0.1', 61000, 'ESTABLISHED', 3112],
        ['udp', '::1', 1900, null, null, null, 6020],
      ]),
    );
  });

  it('skips the owner lines of `netstat -anob`', () => {
    expect(parseNetstat(readFixture('netstat-anob.en.crlf.txt'))).toEqual(
      netstatEntries([
        ['tcp', '0.0.0.0', 135, '0.0.0.0', 0, 'LISTENING', 832],
        ['tcp', '0.0.0.0', 445, '0.0.0.0', 0, 'LISTENING', 4],
        ['tcp', '0.0.0.0', 2869, '0.0.0.0', 0, 'LISTENING', 4],
        ['tcp', '::', 8080, '::', 0, 'LISTENING', 6112],
        ['udp', '0.0.0.0', 5050, null, null, null, 4456],
      ]),
    );
  });
});

describe('parseNetstat edge cases', () => {
  it('calls a row with an unspecified remote a listener whatever the state word says', () => {
    expect(parseNetstat('  TCP    0.0.0.0:80    0.0.0.0:0    受信待ち    4\r\n')[0]?.state).toBe('LISTENING');
    expect(parseNetstat("  TCP    [::]:80    [::]:0    À L'ÉCOUTE    4\r\n")[0]?.state).toBe('LISTENING');
  });

  it('keeps an unknown localized state word (possibly several words) as printed', () => {
    expect(parseNetstat('  TCP    10.0.0.1:80    10.0.0.2:5000    ÉTABLI    4\r\n')[0]?.state).toBe('ÉTABLI');
    expect(parseNetstat('  TCP    10.0.0.1:80    10.0.0.2:5000    EN ATTENTE    4\r\n')[0]).toMatchObject({
      state: 'EN ATTENTE',
      pid: 4,
    });
  });

  it('rejects rows whose endpoints are not endpoints', () => {
    const text = [
      '  TCP    0.0.0.0    0.0.0.0:0    LISTENING    4',
      '  TCP    ::1:80    0.0.0.0:0    LISTENING    4',
      '  TCP    0.0.0.0:70000    0.0.0.0:0    LISTENING    4',
      '  UDP    0.0.0.0:53',
      '  Proto  Local Address          Foreign Address        State           PID',
    ].join('\r\n');
    expect(parseNetstat(text)).toEqual([]);
  });

  it('returns [] for garbage', () => {
    expect(parseNetstat('TCP TCP TCP\n[::]:\n*:*')).toEqual([]);
    expect(parseNetstat({} as unknown as string)).toEqual([]);
  });
});

describe('normalizeTcpState', () => {
  it.each([
    ['ABHÖREN', 'LISTENING'],
    // CP850 bytes decoded as CP1252 (the sample), as UTF-8 (U+FFFD) and Ä likewise.
    ['ABH™REN', 'LISTENING'],
    ['ABH\uFFFDREN', 'LISTENING'],
    ['LETZTE_BESTÄTIGUNG', 'LAST_ACK'],
    ['LETZTE_BESTŽTIGUNG', 'LAST_ACK'],
    ['HERGESTELLT', 'ESTABLISHED'],
    ['WARTEND', 'TIME_WAIT'],
    ['SCHLIESSEN_WARTEN', 'CLOSE_WAIT'],
    ['FIN_WARTEN_1', 'FIN_WAIT_1'],
    ['FIN_WARTEN_2', 'FIN_WAIT_2'],
    ['SYN_GESENDET', 'SYN_SENT'],
    ['SYN_EMPFANGEN', 'SYN_RECEIVED'],
    ['GESCHLOSSEN', 'CLOSED'],
    ['established', 'ESTABLISHED'],
    ['BOUND', 'BOUND'],
  ])('%s -> %s', (word, english) => {
    expect(normalizeTcpState(word)).toBe(english);
  });
});
