import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUdp4Table, decodeUdp6Table } from './decode-udp-table';
import {
  buildTable,
  ipv4Dword,
  MIB_UDP6ROW_OWNER_PID,
  MIB_UDPROW_OWNER_PID,
  portDword,
} from '../../../test/helpers/win32-layout-writer';

const udp4 = (address: number[], port: number, pid: number, junk = 0) => ({
  dwLocalAddr: ipv4Dword(address),
  dwLocalPort: portDword(port, junk),
  dwOwningPid: pid,
});

describe('decodeUdp4Table', () => {
  it('decodes rows with no remote and no state, as parseNetstat gives `*:*` rows', () => {
    expect(decodeUdp4Table(buildTable(MIB_UDPROW_OWNER_PID, [udp4([127, 0, 0, 1], 53, 1840, 0x1234)]))).toEqual([
      {
        protocol: 'udp',
        localAddress: '127.0.0.1',
        localPort: 53,
        remoteAddress: null,
        remotePort: null,
        state: null,
        pid: 1840,
      },
    ]);
  });

  it('decodes empty, truncated and oversized buffers: complete rows only, trailing bytes ignored', () => {
    const full = buildTable(MIB_UDPROW_OWNER_PID, [udp4([0, 0, 0, 0], 1, 1), udp4([0, 0, 0, 0], 2, 2)]);
    expect(decodeUdp4Table(buildTable(MIB_UDPROW_OWNER_PID, []))).toEqual([]);
    expect(decodeUdp4Table(Buffer.alloc(2))).toEqual([]);
    expect(decodeUdp4Table(full.subarray(0, full.length - 4)).map((row) => row.localPort)).toEqual([1]);
    expect(decodeUdp4Table(Buffer.concat([full, Buffer.alloc(40, 1)])).map((row) => row.localPort)).toEqual([1, 2]);
  });

  it('decodes what the documented layout encodes (random rows)', () => {
    const row = fc.record({
      address: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
      port: fc.integer({ min: 0, max: 65535 }),
      pid: fc.integer({ min: 0, max: 0xffff_ffff }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const table = buildTable(
          MIB_UDPROW_OWNER_PID,
          rows.map((r) => udp4(r.address, r.port, r.pid)),
        );
        expect(decodeUdp4Table(table).map((d) => [d.localAddress, d.localPort, d.pid])).toEqual(
          rows.map((r) => [r.address.join('.'), r.port, r.pid]),
        );
      }),
    );
  });
});

describe('decodeUdp6Table', () => {
  it('decodes address, scope id, port and pid at the documented offsets', () => {
    const linkLocal = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const table = buildTable(MIB_UDP6ROW_OWNER_PID, [
      { ucLocalAddr: linkLocal, dwLocalScopeId: 7, dwLocalPort: portDword(1900), dwOwningPid: 6020 },
    ]);
    expect(decodeUdp6Table(table)).toEqual([
      {
        protocol: 'udp',
        localAddress: 'fe80::1%7',
        localPort: 1900,
        remoteAddress: null,
        remotePort: null,
        state: null,
        pid: 6020,
      },
    ]);
  });

  it('decodes empty, truncated and oversized buffers: complete rows only', () => {
    const row = { ucLocalAddr: new Array(16).fill(0), dwLocalScopeId: 0, dwLocalPort: portDword(500), dwOwningPid: 1 };
    const full = buildTable(MIB_UDP6ROW_OWNER_PID, [row, row]);
    expect(decodeUdp6Table(buildTable(MIB_UDP6ROW_OWNER_PID, []))).toEqual([]);
    expect(decodeUdp6Table(full.subarray(0, full.length - 1))).toHaveLength(1);
    expect(decodeUdp6Table(Buffer.concat([full, Buffer.alloc(27)]))).toHaveLength(2);
  });
});
