/**
 * Field readers shared by the IP Helper table decoders (tcpmib.h, udpmib.h). All tables are returned in
 * the caller's buffer as a DWORD dwNumEntries followed by dwNumEntries fixed-size rows; every member is a
 * DWORD or a BYTE array, so rows start at offset 4 with no padding on x86, x64 and ARM64.
 */

/** Offset of the first row (after `DWORD dwNumEntries`). */
export const TABLE_ROWS_OFFSET = 4;

/**
 * How many complete rows to decode: dwNumEntries, but never more rows than the buffer holds. A buffer
 * cut short gives the rows that fit (a partial last row is dropped); bytes after the last row (the
 * API's buffer is usually larger than the table) are ignored. Under 4 bytes there is no table: 0 rows.
 */
export const tableRowCount = (table: Uint8Array, rowSize: number): number => {
  if (table.byteLength < TABLE_ROWS_OFFSET) return 0;
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const declared = view.getUint32(0, true);
  const fitting = Math.floor((table.byteLength - TABLE_ROWS_OFFSET) / rowSize);
  return Math.min(declared, fitting);
};

/** A little-endian DWORD (the byte order of every x64/ARM64 Windows). */
export const readDword = (bytes: Uint8Array, offset: number): number =>
  // Byte arithmetic, not a DataView per call: a 20,000-row table reads 120,000 of these per refresh.
  ((bytes[offset] ?? 0) |
    ((bytes[offset + 1] ?? 0) << 8) |
    ((bytes[offset + 2] ?? 0) << 16) |
    ((bytes[offset + 3] ?? 0) << 24)) >>>
  0;

/**
 * A port member (dwLocalPort, dwRemotePort): "in network byte order ... only the lower 16 bits should
 * be used. The upper 16 bits may contain uninitialized data" (MIB_TCPROW_OWNER_PID). The low 16 bits of
 * a little-endian DWORD are its first two bytes, most significant first.
 */
export const readNetworkPort = (bytes: Uint8Array, offset: number): number =>
  ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
