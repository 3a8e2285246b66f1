/**
 * GetExtendedUdpTable(UDP_TABLE_OWNER_PID) results, as parseNetstat rows of `netstat -ano`.
 *
 * Layouts (pages "MIB_UDPTABLE_OWNER_PID structure (udpmib.h)", "MIB_UDPROW_OWNER_PID structure",
 * "MIB_UDP6TABLE_OWNER_PID structure", "MIB_UDP6ROW_OWNER_PID structure"):
 *
 *   MIB_UDPROW_OWNER_PID (12 bytes): dwLocalAddr @0, dwLocalPort @4, dwOwningPid @8.
 *   MIB_UDP6ROW_OWNER_PID (28 bytes): ucLocalAddr[16] @0, dwLocalScopeId @16, dwLocalPort @20,
 *     dwOwningPid @24.
 *
 * UDP has no remote end: netstat prints `*:*` and no state, which parseNetstat gives as null fields.
 */
import type { ParsedNetstatEntry } from '../parse/netstat';
import { formatIpv4At, formatIpv6At } from './ip-format';
import { readDword, readNetworkPort, TABLE_ROWS_OFFSET, tableRowCount } from './table-fields';

export const MIB_UDPROW_OWNER_PID_SIZE = 12;
export const MIB_UDP6ROW_OWNER_PID_SIZE = 28;

const row = (localAddress: string, localPort: number, pid: number): ParsedNetstatEntry => ({
  protocol: 'udp',
  localAddress,
  localPort,
  remoteAddress: null,
  remotePort: null,
  state: null,
  pid,
});

/** MIB_UDPTABLE_OWNER_PID (AF_INET). Never throws; see tableRowCount for short and long buffers. */
export const decodeUdp4Table = (table: Uint8Array): ParsedNetstatEntry[] =>
  Array.from({ length: tableRowCount(table, MIB_UDPROW_OWNER_PID_SIZE) }, (_, index) => {
    const at = TABLE_ROWS_OFFSET + index * MIB_UDPROW_OWNER_PID_SIZE;
    return row(formatIpv4At(table, at), readNetworkPort(table, at + 4), readDword(table, at + 8));
  });

/** MIB_UDP6TABLE_OWNER_PID (AF_INET6). Never throws; see tableRowCount for short and long buffers. */
export const decodeUdp6Table = (table: Uint8Array): ParsedNetstatEntry[] =>
  Array.from({ length: tableRowCount(table, MIB_UDP6ROW_OWNER_PID_SIZE) }, (_, index) => {
    const at = TABLE_ROWS_OFFSET + index * MIB_UDP6ROW_OWNER_PID_SIZE;
    return row(
      formatIpv6At(table, at, readDword(table, at + 16)),
      readNetworkPort(table, at + 20),
      readDword(table, at + 24),
    );
  });
