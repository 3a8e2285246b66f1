/**
 * MIB_TCPROW for SetTcpEntry (pages "SetTcpEntry function (iphlpapi.h)" and "MIB_TCPROW_LH structure
 * (tcpmib.h)"): five DWORDs, 20 bytes: dwState @0, dwLocalAddr @4, dwLocalPort @8, dwRemoteAddr @12,
 * dwRemotePort @16; addresses and ports in network byte order (a port in the low 16 bits). "The only
 * state that can be set by a user is MIB_TCP_STATE_DELETE_TCB", which closes the connection; SetTcpEntry
 * is IPv4 only and needs an elevated caller.
 */
import { MIB_TCP_STATE_DELETE_TCB } from './tcp-states';

export const MIB_TCPROW_SIZE = 20;

/** The IPv4 connection to close, as a tcpEndpoints() row gives it. */
export interface TcpConnection {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
}

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

const ipv4Bytes = (address: string): number[] | null =>
  IPV4.test(address) ? address.split('.').map((part) => Number(part)) : null;

const isPort = (port: number): boolean => Number.isInteger(port) && port >= 0 && port <= 65_535;

/** The MIB_TCPROW that deletes `connection`'s TCB; null when it is not an IPv4 connection with valid ports. */
export const encodeTcpRowDeleteTcb = (connection: TcpConnection): Buffer | null => {
  const local = ipv4Bytes(connection.localAddress);
  const remote = ipv4Bytes(connection.remoteAddress);
  if (!local || !remote || !isPort(connection.localPort) || !isPort(connection.remotePort)) return null;
  const row = Buffer.alloc(MIB_TCPROW_SIZE);
  row.writeUInt32LE(MIB_TCP_STATE_DELETE_TCB, 0);
  row.set(local, 4);
  row.writeUInt16BE(connection.localPort, 8);
  row.set(remote, 12);
  row.writeUInt16BE(connection.remotePort, 16);
  return row;
};
