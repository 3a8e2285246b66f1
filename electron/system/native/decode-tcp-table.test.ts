import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/sample-files';
import { parseNetstat } from '../parse/netstat';
import { decodeTcp4Table, decodeTcp6Table } from './decode-tcp-table';
import { decodeUdp4Table, decodeUdp6Table } from './decode-udp-table';
import {
  buildTable,
  ipv4Dword,
  MIB_TCP6ROW_OWNER_PID,
  MIB_TCPROW_OWNER_PID,
  MIB_UDP6ROW_OWNER_PID,
  MIB_UDPROW_OWNER_PID,
  portDword,
} from '../../../test/helpers/win32-layout-writer';

const MIB_TCP_STATE = { LISTEN: 2, SYN_SENT: 3, ESTAB: 5, FIN_WAIT2: 7, CLOSE_WAIT: 8, TIME_WAIT: 11 } as const;

const tcp4 = (
  state: number,
  local: number[],
  localPort: number,
  remote: number[],
  remotePort: number,
  pid: number,
) => ({
  dwState: state,
  dwLocalAddr: ipv4Dword(local),
  dwLocalPort: portDword(localPort),
  dwRemoteAddr: ipv4Dword(remote),
  dwRemotePort: portDword(remotePort),
  dwOwningPid: pid,
});

/** netstat's words by MIB_TCP_STATE number (page "MIB_TCPROW_OWNER_PID structure", dwState). */
const NETSTAT_WORDS = [
  '',
  'CLOSED',
  'LISTENING',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'DELETE_TCB',
];

const v6 = (hex: string): number[] => [...Buffer.from(hex.replace(/[^0-9a-f]/gi, ''), 'hex')];
const ANY6 = v6('0000000000000000 0000000000000000');
const LOOPBACK6 = v6('0000000000000000 0000000000000001');
const LINK_LOCAL = v6('fe80000000000000 1c2d3e4f5a6b7c8d');

const tcp6 = (
  state: number,
  local: number[],
  localScope: number,
  localPort: number,
  remote: number[],
  remotePort: number,
  pid: number,
) => ({
  ucLocalAddr: local,
  dwLocalScopeId: localScope,
  dwLocalPort: portDword(localPort),
  ucRemoteAddr: remote,
  dwRemoteScopeId: 0,
  dwRemotePort: portDword(remotePort),
  dwState: state,
  dwOwningPid: pid,
});

describe('decodeTcp4Table', () => {
  it('decodes rows: addresses and ports in network byte order, state words, owner pid', () => {
    const table = buildTable(MIB_TCPROW_OWNER_PID, [
      tcp4(MIB_TCP_STATE.ESTAB, [192, 168, 1, 10], 50123, [140, 82, 113, 3], 443, 9184),
    ]);
    expect(decodeTcp4Table(table)).toEqual([
      {
        protocol: 'tcp',
        localAddress: '192.168.1.10',
        localPort: 50123,
        remoteAddress: '140.82.113.3',
        remotePort: 443,
        state: 'ESTABLISHED',
        pid: 9184,
      },
    ]);
  });

  it('ignores the undefined upper 16 bits of the port members', () => {
    const row = { ...tcp4(5, [10, 0, 0, 1], 8080, [10, 0, 0, 2], 65535, 1), dwLocalPort: portDword(8080, 0xbeef) };
    const [decoded] = decodeTcp4Table(
      buildTable(MIB_TCPROW_OWNER_PID, [{ ...row, dwRemotePort: portDword(65535, 0xffff) }]),
    );
    expect([decoded?.localPort, decoded?.remotePort]).toEqual([8080, 65535]);
  });

  it('gives a listener the remote netstat prints (0.0.0.0:0) whatever the table holds there', () => {
    const [decoded] = decodeTcp4Table(
      buildTable(MIB_TCPROW_OWNER_PID, [tcp4(MIB_TCP_STATE.LISTEN, [0, 0, 0, 0], 135, [7, 7, 7, 7], 4321, 1028)]),
    );
    expect(decoded).toMatchObject({ remoteAddress: '0.0.0.0', remotePort: 0, state: 'LISTENING' });
  });

  it('calls a row with remote 0.0.0.0:0 a listener, as parseNetstat does', () => {
    const [decoded] = decodeTcp4Table(
      buildTable(MIB_TCPROW_OWNER_PID, [tcp4(1, [0, 0, 0, 0], 135, [0, 0, 0, 0], 0, 4)]),
    );
    expect(decoded?.state).toBe('LISTENING');
  });

  it.each([
    [1, 'CLOSED'],
    [3, 'SYN_SENT'],
    [4, 'SYN_RECEIVED'],
    [5, 'ESTABLISHED'],
    [6, 'FIN_WAIT_1'],
    [7, 'FIN_WAIT_2'],
    [8, 'CLOSE_WAIT'],
    [9, 'CLOSING'],
    [10, 'LAST_ACK'],
    [11, 'TIME_WAIT'],
    [12, 'DELETE_TCB'],
    [0, 'UNKNOWN_0'],
    [13, 'UNKNOWN_13'],
    [100, 'UNKNOWN_100'],
  ])('state %d of a connected row is %s', (state, word) => {
    const [decoded] = decodeTcp4Table(
      buildTable(MIB_TCPROW_OWNER_PID, [tcp4(state, [10, 0, 0, 1], 1, [10, 0, 0, 2], 2, 3)]),
    );
    expect(decoded?.state).toBe(word);
  });

  it('decodes an empty table and a buffer too short for dwNumEntries as no rows', () => {
    expect(decodeTcp4Table(buildTable(MIB_TCPROW_OWNER_PID, []))).toEqual([]);
    expect(decodeTcp4Table(Buffer.alloc(3))).toEqual([]);
    expect(decodeTcp4Table(Buffer.alloc(0))).toEqual([]);
  });

  it('decodes only the complete rows of a truncated buffer', () => {
    const rows = [tcp4(5, [10, 0, 0, 1], 1, [10, 0, 0, 2], 2, 3), tcp4(5, [10, 0, 0, 1], 4, [10, 0, 0, 2], 5, 6)];
    const full = buildTable(MIB_TCPROW_OWNER_PID, rows);
    expect(decodeTcp4Table(full.subarray(0, full.length - 1)).map((row) => row.localPort)).toEqual([1]);
    expect(decodeTcp4Table(buildTable(MIB_TCPROW_OWNER_PID, rows, 1000)).map((row) => row.localPort)).toEqual([1, 4]);
  });

  it('ignores bytes after dwNumEntries rows (the API buffer is larger than the table)', () => {
    const table = buildTable(MIB_TCPROW_OWNER_PID, [tcp4(5, [10, 0, 0, 1], 1, [10, 0, 0, 2], 2, 3)]);
    const padded = Buffer.concat([table, Buffer.alloc(100, 0xab)]);
    expect(decodeTcp4Table(padded)).toEqual(decodeTcp4Table(table));
  });

  it('decodes what the documented layout encodes (random rows)', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const address = fc.array(octet, { minLength: 4, maxLength: 4 });
    const port = fc.integer({ min: 1, max: 65535 });
    const row = fc.record({
      state: fc.integer({ min: 3, max: 12 }),
      local: address,
      localPort: port,
      remote: address,
      remotePort: port,
      pid: fc.integer({ min: 0, max: 0xffff_ffff }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const table = buildTable(
          MIB_TCPROW_OWNER_PID,
          rows.map((r) => tcp4(r.state, r.local, r.localPort, r.remote, r.remotePort, r.pid)),
        );
        expect(decodeTcp4Table(table)).toEqual(
          rows.map((r) => ({
            protocol: 'tcp',
            localAddress: r.local.join('.'),
            localPort: r.localPort,
            remoteAddress: r.remote.join('.'),
            remotePort: r.remotePort,
            state: NETSTAT_WORDS[r.state],
            pid: r.pid,
          })),
        );
      }),
    );
  });
});

describe('decodeTcp6Table', () => {
  it('decodes addresses, scope ids, ports, state and pid at the documented offsets', () => {
    const table = buildTable(MIB_TCP6ROW_OWNER_PID, [
      tcp6(MIB_TCP_STATE.ESTAB, LOOPBACK6, 0, 5000, LOOPBACK6, 50200, 4012),
      tcp6(MIB_TCP_STATE.LISTEN, LINK_LOCAL, 12, 139, LOOPBACK6, 99, 4),
    ]);
    expect(decodeTcp6Table(table)).toEqual([
      {
        protocol: 'tcp',
        localAddress: '::1',
        localPort: 5000,
        remoteAddress: '::1',
        remotePort: 50200,
        state: 'ESTABLISHED',
        pid: 4012,
      },
      {
        protocol: 'tcp',
        localAddress: 'fe80::1c2d:3e4f:5a6b:7c8d%12',
        localPort: 139,
        remoteAddress: '::',
        remotePort: 0,
        state: 'LISTENING',
        pid: 4,
      },
    ]);
  });

  it('handles empty, truncated and oversized buffers like the IPv4 table', () => {
    const rows = [tcp6(5, LOOPBACK6, 0, 1, LOOPBACK6, 2, 3), tcp6(5, LOOPBACK6, 0, 4, LOOPBACK6, 5, 6)];
    const full = buildTable(MIB_TCP6ROW_OWNER_PID, rows);
    expect(decodeTcp6Table(buildTable(MIB_TCP6ROW_OWNER_PID, []))).toEqual([]);
    expect(decodeTcp6Table(full.subarray(0, full.length - 10)).map((row) => row.localPort)).toEqual([1]);
    expect(decodeTcp6Table(Buffer.concat([full, Buffer.alloc(57, 0xff)])).map((row) => row.localPort)).toEqual([1, 4]);
  });

  it('decodes what the documented layout encodes (random rows)', () => {
    const address = fc.uint8Array({ minLength: 16, maxLength: 16 });
    const port = fc.integer({ min: 1, max: 65535 });
    const row = fc.record({ local: address, localPort: port, remote: address, remotePort: port, scope: fc.nat() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), (rows) => {
        const table = buildTable(
          MIB_TCP6ROW_OWNER_PID,
          rows.map((r) =>
            tcp6(MIB_TCP_STATE.ESTAB, [...r.local], r.scope, r.localPort, [...r.remote], r.remotePort, 7),
          ),
        );
        const decoded = decodeTcp6Table(table);
        expect(decoded.map((d) => [d.localPort, d.remotePort, d.pid, d.state])).toEqual(
          rows.map((r) => [r.localPort, r.remotePort, 7, 'ESTABLISHED']),
        );
        // The address text round-trips through the URL parser (which ignores the netstat-only IPv4 forms).
        decoded.forEach((d, index) => {
          const host = d.localAddress.replace(/%\d+$/, '');
          const bytes = rows[index]?.local ?? new Uint8Array(16);
          const expected = new URL(`http://[${Buffer.from(bytes).toString('hex').match(/.{4}/g)?.join(':')}]/`)
            .hostname;
          expect(new URL(`http://[${host}]/`).hostname).toBe(expected);
          const scope = rows[index]?.scope ?? 0;
          expect(d.localAddress).toBe(scope === 0 ? host : `${host}%${scope}`);
        });
      }),
    );
  });
});

describe('native tables against parseNetstat (netstat-ano.en.crlf-ipv6-udp.txt)', () => {
  it('decoding tables holding the fixture’s endpoints gives exactly parseNetstat’s rows', () => {
    const tcp4Rows = buildTable(MIB_TCPROW_OWNER_PID, [
      tcp4(MIB_TCP_STATE.LISTEN, [0, 0, 0, 0], 135, [0, 0, 0, 0], 0, 1028),
      tcp4(MIB_TCP_STATE.LISTEN, [0, 0, 0, 0], 445, [0, 0, 0, 0], 0, 4),
      tcp4(MIB_TCP_STATE.CLOSE_WAIT, [127, 0, 0, 1], 8000, [127, 0, 0, 1], 54526, 27252),
      tcp4(MIB_TCP_STATE.FIN_WAIT2, [127, 0, 0, 1], 54526, [127, 0, 0, 1], 8000, 29068),
      tcp4(MIB_TCP_STATE.ESTAB, [192, 168, 1, 10], 50123, [140, 82, 113, 3], 443, 9184),
      tcp4(MIB_TCP_STATE.SYN_SENT, [192, 168, 1, 10], 50124, [140, 82, 113, 3], 443, 9184),
      tcp4(MIB_TCP_STATE.TIME_WAIT, [192, 168, 1, 10], 50125, [140, 82, 113, 4], 443, 0),
    ]);
    const tcp6Rows = buildTable(MIB_TCP6ROW_OWNER_PID, [
      tcp6(MIB_TCP_STATE.LISTEN, ANY6, 0, 135, ANY6, 0, 1028),
      tcp6(MIB_TCP_STATE.ESTAB, LOOPBACK6, 0, 5000, LOOPBACK6, 50200, 4012),
      tcp6(MIB_TCP_STATE.LISTEN, LINK_LOCAL, 12, 139, ANY6, 0, 4),
    ]);
    const udp4Rows = buildTable(MIB_UDPROW_OWNER_PID, [
      { dwLocalAddr: ipv4Dword([0, 0, 0, 0]), dwLocalPort: portDword(123), dwOwningPid: 1840 },
    ]);
    const udp6Rows = buildTable(MIB_UDP6ROW_OWNER_PID, [
      { ucLocalAddr: ANY6, dwLocalScopeId: 0, dwLocalPort: portDword(500), dwOwningPid: 4544 },
      { ucLocalAddr: LINK_LOCAL, dwLocalScopeId: 12, dwLocalPort: portDword(1900), dwOwningPid: 6020 },
    ]);
    const native = [
      ...decodeTcp4Table(tcp4Rows),
      ...decodeTcp6Table(tcp6Rows),
      ...decodeUdp4Table(udp4Rows),
      ...decodeUdp6Table(udp6Rows),
    ];
    expect(native).toEqual(parseNetstat(readFixture('netstat-ano.en.crlf-ipv6-udp.txt')));
  });
});
