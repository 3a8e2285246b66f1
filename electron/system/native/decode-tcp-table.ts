/**
 * GetExtendedTcpTable(TCP_TABLE_OWNER_PID_ALL) results, as parseNetstat rows of `netstat -ano`.
 *
 * Layouts (pages "MIB_TCPTABLE_OWNER_PID structure (tcpmib.h)", "MIB_TCPROW_OWNER_PID structure",
 * "MIB_TCP6TABLE_OWNER_PID structure", "MIB_TCP6ROW_OWNER_PID structure"):
 *
 *   MIB_TCPROW_OWNER_PID (24 bytes): dwState, dwLocalAddr, dwLocalPort, dwRemoteAddr, dwRemotePort,
 *     dwOwningPid, each a DWORD; addresses and ports in network byte order.
 *   MIB_TCP6ROW_OWNER_PID (56 bytes): ucLocalAddr[16] @0, dwLocalScopeId @16, dwLocalPort @20,
 *     ucRemoteAddr[16] @24, dwRemoteScopeId @40, dwRemotePort @44, dwState @48, dwOwningPid @52.
 *
 * Rows for a listener: "If the dwState member is MIB_TCP_STATE_LISTEN, this value has no meaning" for
 * the remote address and port; netstat prints `0.0.0.0:0` / `[::]:0`, and so do these rows. parseNetstat
 * calls any row whose remote is `0.0.0.0:0` or `[::]:0` a listener whatever its state word; the same
 * rule is applied here so both sources agree row for row.
 */
import type { ParsedNetstatEntry } from '../parse/netstat';
import { formatIpv4At, formatIpv6At } from './ip-format';
import { readDword, readNetworkPort, TABLE_ROWS_OFFSET, tableRowCount } from './table-fields';
import { MIB_TCP_STATE_LISTEN, tcpStateWord } from './tcp-states';

export const MIB_TCPROW_OWNER_PID_SIZE = 24;
export const MIB_TCP6ROW_OWNER_PID_SIZE = 56;

const row = (
  localAddress: string,
  localPort: number,
  remote: { address: string; port: number; unspecified: string },
  state: number,
  pid: number,
): ParsedNetstatEntry => {
  const listening = state === MIB_TCP_STATE_LISTEN || (remote.port === 0 && remote.address === remote.unspecified);
  return {
    protocol: 'tcp',
    localAddress,
    localPort,
    remoteAddress: listening ? remote.unspecified : remote.address,
    remotePort: listening ? 0 : remote.port,
    state: listening ? 'LISTENING' : tcpStateWord(state),
    pid,
  };
};

/** MIB_TCPTABLE_OWNER_PID (AF_INET). Never throws; see tableRowCount for short and long buffers. */
export const decodeTcp4Table = (table: Uint8Array): ParsedNetstatEntry[] =>
  Array.from({ length: tableRowCount(table, MIB_TCPROW_OWNER_PID_SIZE) }, (_, index) => {
    const at = TABLE_ROWS_OFFSET + index * MIB_TCPROW_OWNER_PID_SIZE;
    return row(
      formatIpv4At(table, at + 4),
      readNetworkPort(table, at + 8),
      { address: formatIpv4At(table, at + 12), port: readNetworkPort(table, at + 16), unspecified: '0.0.0.0' },
      readDword(table, at),
      readDword(table, at + 20),
    );
  });

/** MIB_TCP6TABLE_OWNER_PID (AF_INET6). Never throws; see tableRowCount for short and long buffers. */
export const decodeTcp6Table = (table: Uint8Array): ParsedNetstatEntry[] =>
  Array.from({ length: tableRowCount(table, MIB_TCP6ROW_OWNER_PID_SIZE) }, (_, index) => {
    const at = TABLE_ROWS_OFFSET + index * MIB_TCP6ROW_OWNER_PID_SIZE;
    return row(
      formatIpv6At(table, at, readDword(table, at + 16)),
      readNetworkPort(table, at + 20),
      {
        address: formatIpv6At(table, at + 24, readDword(table, at + 40)),
        port: readNetworkPort(table, at + 44),
        unspecified: '::',
      },
      readDword(table, at + 48),
      readDword(table, at + 52),
    );
  });
