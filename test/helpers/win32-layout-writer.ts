/**
 * Test-only: builds Win32 structures byte by byte from their documented member lists, with C's natural
 * alignment rules (each member at a multiple of its own alignment, the structure padded to a multiple
 * of its largest member's alignment), x64 sizes. Offsets are computed here from the member lists, never
 * taken from the decoders' constants, so a decoder is not checked against itself.
 */

export type MemberType =
  | 'DWORD'
  | 'LONG'
  | 'ULONG_PTR'
  | 'POINTER'
  | { bytes: number } // UCHAR[n]
  | { wchars: number }; // WCHAR[n]

export type Member = readonly [name: string, type: MemberType];

const sizeAndAlignment = (type: MemberType): [size: number, alignment: number] => {
  if (type === 'DWORD' || type === 'LONG') return [4, 4];
  if (type === 'ULONG_PTR' || type === 'POINTER') return [8, 8];
  if ('bytes' in type) return [type.bytes, 1];
  return [type.wchars * 2, 2];
};

export interface Layout {
  size: number;
  alignment: number;
  offsets: Record<string, number>;
  types: Record<string, MemberType>;
}

export const layoutOf = (members: readonly Member[]): Layout => {
  const offsets: Record<string, number> = {};
  const types: Record<string, MemberType> = {};
  let offset = 0;
  let largest = 1;
  for (const [name, type] of members) {
    const [size, alignment] = sizeAndAlignment(type);
    offset = Math.ceil(offset / alignment) * alignment;
    offsets[name] = offset;
    types[name] = type;
    offset += size;
    largest = Math.max(largest, alignment);
  }
  return { size: Math.ceil(offset / largest) * largest, alignment: largest, offsets, types };
};

export type MemberValue = number | bigint | string | readonly number[];

/** Writes `values` (by member name) into `target` at `base`; members not given stay as they are. */
export const writeStruct = (
  target: Buffer,
  base: number,
  layout: Layout,
  values: Readonly<Record<string, MemberValue>>,
): void => {
  for (const [name, value] of Object.entries(values)) {
    const offset = layout.offsets[name];
    const type = layout.types[name];
    if (offset === undefined || type === undefined) throw new Error(`no member ${name}`);
    const at = base + offset;
    if (type === 'DWORD') target.writeUInt32LE(Number(value) >>> 0, at);
    else if (type === 'LONG') target.writeInt32LE(Number(value), at);
    else if (type === 'ULONG_PTR' || type === 'POINTER') target.writeBigUInt64LE(BigInt(value as number | bigint), at);
    else if ('bytes' in type) Buffer.from(value as readonly number[]).copy(target, at, 0, type.bytes);
    else Buffer.from(String(value), 'utf16le').copy(target, at, 0, type.wchars * 2);
  }
};

/** A network-order port in the low 16 bits of a DWORD, the high 16 bits set to `junk` (documented as undefined). */
export const portDword = (port: number, junk = 0): number => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt16BE(port, 0);
  bytes.writeUInt16LE(junk, 2);
  return bytes.readUInt32LE(0);
};

/** An IPv4 address as a DWORD holding its bytes in network order (`in_addr` as a DWORD). */
export const ipv4Dword = (octets: readonly number[]): number => Buffer.from(octets).readUInt32LE(0);

/** A table: `DWORD dwNumEntries` followed by the rows, each row placed at the row type's alignment. */
export const buildTable = (
  rowLayout: Layout,
  rows: readonly Readonly<Record<string, MemberValue>>[],
  declaredCount: number = rows.length,
): Buffer => {
  const header = layoutOf([['dwNumEntries', 'DWORD']]);
  const first = Math.ceil(header.size / rowLayout.alignment) * rowLayout.alignment;
  const table = Buffer.alloc(first + rowLayout.size * rows.length);
  writeStruct(table, 0, header, { dwNumEntries: declaredCount });
  rows.forEach((row, index) => writeStruct(table, first + index * rowLayout.size, rowLayout, row));
  return table;
};

// Member lists as the Microsoft Learn pages give them.

/** "MIB_TCPROW_OWNER_PID structure (tcpmib.h)". */
export const MIB_TCPROW_OWNER_PID = layoutOf([
  ['dwState', 'DWORD'],
  ['dwLocalAddr', 'DWORD'],
  ['dwLocalPort', 'DWORD'],
  ['dwRemoteAddr', 'DWORD'],
  ['dwRemotePort', 'DWORD'],
  ['dwOwningPid', 'DWORD'],
]);

/** "MIB_TCP6ROW_OWNER_PID structure (tcpmib.h)". */
export const MIB_TCP6ROW_OWNER_PID = layoutOf([
  ['ucLocalAddr', { bytes: 16 }],
  ['dwLocalScopeId', 'DWORD'],
  ['dwLocalPort', 'DWORD'],
  ['ucRemoteAddr', { bytes: 16 }],
  ['dwRemoteScopeId', 'DWORD'],
  ['dwRemotePort', 'DWORD'],
  ['dwState', 'DWORD'],
  ['dwOwningPid', 'DWORD'],
]);

/** "MIB_UDPROW_OWNER_PID structure (udpmib.h)". */
export const MIB_UDPROW_OWNER_PID = layoutOf([
  ['dwLocalAddr', 'DWORD'],
  ['dwLocalPort', 'DWORD'],
  ['dwOwningPid', 'DWORD'],
]);

/** "MIB_UDP6ROW_OWNER_PID structure (udpmib.h)". */
export const MIB_UDP6ROW_OWNER_PID = layoutOf([
  ['ucLocalAddr', { bytes: 16 }],
  ['dwLocalScopeId', 'DWORD'],
  ['dwLocalPort', 'DWORD'],
  ['dwOwningPid', 'DWORD'],
]);

/** "MIB_TCPROW_LH structure (tcpmib.h)" (MIB_TCPROW). */
export const MIB_TCPROW = layoutOf([
  ['dwState', 'DWORD'],
  ['dwLocalAddr', 'DWORD'],
  ['dwLocalPort', 'DWORD'],
  ['dwRemoteAddr', 'DWORD'],
  ['dwRemotePort', 'DWORD'],
]);

/** "PROCESSENTRY32W structure (tlhelp32.h)". */
export const PROCESSENTRY32W = layoutOf([
  ['dwSize', 'DWORD'],
  ['cntUsage', 'DWORD'],
  ['th32ProcessID', 'DWORD'],
  ['th32DefaultHeapID', 'ULONG_PTR'],
  ['th32ModuleID', 'DWORD'],
  ['cntThreads', 'DWORD'],
  ['th32ParentProcessID', 'DWORD'],
  ['pcPriClassBase', 'LONG'],
  ['dwFlags', 'DWORD'],
  ['szExeFile', { wchars: 260 }],
]);

const SERVICE_STATUS_PROCESS_MEMBERS: Member[] = [
  ['dwServiceType', 'DWORD'],
  ['dwCurrentState', 'DWORD'],
  ['dwControlsAccepted', 'DWORD'],
  ['dwWin32ExitCode', 'DWORD'],
  ['dwServiceSpecificExitCode', 'DWORD'],
  ['dwCheckPoint', 'DWORD'],
  ['dwWaitHint', 'DWORD'],
  ['dwProcessId', 'DWORD'],
  ['dwServiceFlags', 'DWORD'],
];

/** "SERVICE_STATUS_PROCESS structure (winsvc.h)". */
export const SERVICE_STATUS_PROCESS = layoutOf(SERVICE_STATUS_PROCESS_MEMBERS);

/** "ENUM_SERVICE_STATUS_PROCESSW structure (winsvc.h)": two LPWSTR then SERVICE_STATUS_PROCESS inline. */
export const ENUM_SERVICE_STATUS_PROCESSW = layoutOf([
  ['lpServiceName', 'POINTER'],
  ['lpDisplayName', 'POINTER'],
  ...SERVICE_STATUS_PROCESS_MEMBERS,
]);
