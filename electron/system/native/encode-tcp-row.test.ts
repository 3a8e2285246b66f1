import { describe, expect, it } from 'vitest';
import { encodeTcpRowDeleteTcb } from './encode-tcp-row';
import { ipv4Dword, MIB_TCPROW, portDword, writeStruct } from '../../../test/helpers/win32-layout-writer';

describe('encodeTcpRowDeleteTcb', () => {
  it('writes MIB_TCPROW with state DELETE_TCB (12), addresses and ports in network byte order', () => {
    const expected = Buffer.alloc(MIB_TCPROW.size);
    writeStruct(expected, 0, MIB_TCPROW, {
      dwState: 12,
      dwLocalAddr: ipv4Dword([192, 168, 1, 10]),
      dwLocalPort: portDword(50123),
      dwRemoteAddr: ipv4Dword([140, 82, 113, 3]),
      dwRemotePort: portDword(443),
    });
    const row = encodeTcpRowDeleteTcb({
      localAddress: '192.168.1.10',
      localPort: 50123,
      remoteAddress: '140.82.113.3',
      remotePort: 443,
    });
    expect(MIB_TCPROW.size).toBe(20);
    expect(row?.toString('hex')).toBe(expected.toString('hex'));
  });

  it.each([
    ['an IPv6 address', { localAddress: '::1', localPort: 1, remoteAddress: '::1', remotePort: 2 }],
    ['a host name', { localAddress: 'localhost', localPort: 1, remoteAddress: '127.0.0.1', remotePort: 2 }],
    ['an octet over 255', { localAddress: '10.0.0.256', localPort: 1, remoteAddress: '127.0.0.1', remotePort: 2 }],
    ['a port over 65535', { localAddress: '10.0.0.1', localPort: 65536, remoteAddress: '127.0.0.1', remotePort: 2 }],
    ['a fractional port', { localAddress: '10.0.0.1', localPort: 1.5, remoteAddress: '127.0.0.1', remotePort: 2 }],
    ['a zone id', { localAddress: '10.0.0.1%3', localPort: 1, remoteAddress: '127.0.0.1', remotePort: 2 }],
  ])('refuses %s', (_label, connection) => {
    expect(encodeTcpRowDeleteTcb(connection)).toBeNull();
  });
});
