/**
 * koffi bindings of the Win32 functions the native layer calls, x64/ARM64 Windows only.
 *
 * Conventions of this file:
 * - Every function is declared `__stdcall` (WINAPI); on 64-bit Windows there is one calling convention
 *   and koffi ignores the keyword, it documents the intent.
 * - Buffers are Node Buffers passed as `void *`: koffi hands the Buffer's own memory to the function
 *   (no copy), so output parameters (DWORD, HANDLE, structures) are small Buffers read after the call,
 *   and pointers the API writes into a Buffer point into that same Buffer.
 * - Handles come back as BigInt (or null for NULL) and go back in as BigInt.
 * - kernel32.dll is loaded by name (a KnownDLL); every other DLL by its absolute System32 path
 *   (system32-path.ts).
 */
import type { Koffi } from './koffi-loader';
import { systemDllPath } from './system32-path';

export type Handle = bigint | null;

/** Declares only the parameter kinds this file uses, so calls are type-checked at the call sites. */
type Pointer = Buffer | bigint | null;

export interface Win32Api {
  readonly systemDirectory: string;
  // kernel32
  GetLastError(): number;
  GetSystemWindowsDirectoryW(buffer: Buffer, size: number): number;
  GetCurrentProcess(): Handle;
  OpenProcess(access: number, inherit: number, pid: number): Handle;
  CloseHandle(handle: Handle): number;
  QueryFullProcessImageNameW(process: Handle, flags: number, name: Buffer, size: Buffer): number;
  CreateToolhelp32Snapshot(flags: number, pid: number): Handle;
  Process32FirstW(snapshot: Handle, entry: Buffer): number;
  Process32NextW(snapshot: Handle, entry: Buffer): number;
  // advapi32
  OpenProcessToken(process: Handle, access: number, token: Buffer): number;
  GetTokenInformation(token: Handle, infoClass: number, info: Buffer | null, length: number, returned: Buffer): number;
  LookupAccountSidW(
    system: null,
    sid: Pointer,
    name: Buffer,
    nameChars: Buffer,
    domain: Buffer,
    domainChars: Buffer,
    use: Buffer,
  ): number;
  RegOpenKeyExW(key: bigint, subKey: string, options: number, access: number, result: Buffer): number;
  RegEnumValueW(
    key: Handle,
    index: number,
    name: Buffer,
    nameChars: Buffer,
    reserved: null,
    type: Buffer,
    data: Buffer,
    dataBytes: Buffer,
  ): number;
  RegCloseKey(key: Handle): number;
  OpenSCManagerW(machine: string | null, database: string | null, access: number): Handle;
  OpenServiceW(manager: Handle, name: string, access: number): Handle;
  QueryServiceStatusEx(service: Handle, level: number, buffer: Buffer, size: number, needed: Buffer): number;
  EnumServicesStatusExW(
    manager: Handle,
    level: number,
    serviceType: number,
    serviceState: number,
    buffer: Buffer | null,
    size: number,
    needed: Buffer,
    returned: Buffer,
    resume: Buffer,
    group: string | null,
  ): number;
  CloseServiceHandle(handle: Handle): number;
  // iphlpapi
  GetExtendedTcpTable(
    table: Buffer | null,
    size: Buffer,
    order: number,
    family: number,
    tableClass: number,
    reserved: number,
  ): number;
  GetExtendedUdpTable(
    table: Buffer | null,
    size: Buffer,
    order: number,
    family: number,
    tableClass: number,
    reserved: number,
  ): number;
  SetTcpEntry(row: Buffer): number;
  /** The address of a Buffer's memory (koffi.address), to resolve pointers an API wrote into it. */
  addressOf(buffer: Buffer): bigint;
  /** Free the loaded libraries (tests; the app keeps them for its lifetime). */
  unload(): void;
}

const MAX_PATH = 260;

/** GetSystemDirectoryW, growing the buffer if the path is longer than MAX_PATH. */
const readDirectory = (call: (buffer: Buffer, chars: number) => number, api: string): string => {
  let chars = MAX_PATH;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const buffer = Buffer.alloc(chars * 2);
    const length = call(buffer, chars);
    if (length === 0) throw new Error(`${api} returned 0`);
    // On success the length excludes the NUL; when too small it is the size needed, NUL included.
    if (length < chars) return buffer.toString('utf16le', 0, length * 2);
    chars = length;
  }
  throw new Error(`${api}: the path kept growing`);
};

/** Loads kernel32, then advapi32 and iphlpapi from System32, and declares every function. Throws on failure. */
export const loadWin32Api = (koffi: Koffi): Win32Api => {
  const kernel32 = koffi.load('kernel32.dll');
  const GetSystemDirectoryW = kernel32.func('uint32 __stdcall GetSystemDirectoryW(void *buffer, uint32 size)');
  const systemDirectory = readDirectory((buffer, chars) => GetSystemDirectoryW(buffer, chars), 'GetSystemDirectoryW');

  const advapi32 = koffi.load(systemDllPath(systemDirectory, 'advapi32.dll'));
  const iphlpapi = koffi.load(systemDllPath(systemDirectory, 'iphlpapi.dll'));
  const k = (definition: string) => kernel32.func(definition);
  const a = (definition: string) => advapi32.func(definition);
  const i = (definition: string) => iphlpapi.func(definition);

  return {
    systemDirectory,
    GetLastError: k('uint32 __stdcall GetLastError()'),
    GetSystemWindowsDirectoryW: k('uint32 __stdcall GetSystemWindowsDirectoryW(void *buffer, uint32 size)'),
    GetCurrentProcess: k('void * __stdcall GetCurrentProcess()'),
    OpenProcess: k('void * __stdcall OpenProcess(uint32 access, int inherit, uint32 pid)'),
    CloseHandle: k('int __stdcall CloseHandle(void *handle)'),
    QueryFullProcessImageNameW: k(
      'int __stdcall QueryFullProcessImageNameW(void *process, uint32 flags, void *name, void *size)',
    ),
    CreateToolhelp32Snapshot: k('void * __stdcall CreateToolhelp32Snapshot(uint32 flags, uint32 pid)'),
    Process32FirstW: k('int __stdcall Process32FirstW(void *snapshot, void *entry)'),
    Process32NextW: k('int __stdcall Process32NextW(void *snapshot, void *entry)'),

    OpenProcessToken: a('int __stdcall OpenProcessToken(void *process, uint32 access, void *token)'),
    GetTokenInformation: a(
      'int __stdcall GetTokenInformation(void *token, int infoClass, void *info, uint32 length, void *returned)',
    ),
    LookupAccountSidW: a(
      'int __stdcall LookupAccountSidW(str16 system, void *sid, void *name, void *nameChars, void *domain, void *domainChars, void *use)',
    ),
    RegOpenKeyExW: a(
      'int32 __stdcall RegOpenKeyExW(void *key, str16 subKey, uint32 options, uint32 access, void *result)',
    ),
    RegEnumValueW: a(
      'int32 __stdcall RegEnumValueW(void *key, uint32 index, void *name, void *nameChars, void *reserved, void *type, void *data, void *dataBytes)',
    ),
    RegCloseKey: a('int32 __stdcall RegCloseKey(void *key)'),
    OpenSCManagerW: a('void * __stdcall OpenSCManagerW(str16 machine, str16 database, uint32 access)'),
    OpenServiceW: a('void * __stdcall OpenServiceW(void *manager, str16 name, uint32 access)'),
    QueryServiceStatusEx: a(
      'int __stdcall QueryServiceStatusEx(void *service, int level, void *buffer, uint32 size, void *needed)',
    ),
    EnumServicesStatusExW: a(
      'int __stdcall EnumServicesStatusExW(void *manager, int level, uint32 serviceType, uint32 serviceState, void *buffer, uint32 size, void *needed, void *returned, void *resume, str16 group)',
    ),
    CloseServiceHandle: a('int __stdcall CloseServiceHandle(void *handle)'),

    GetExtendedTcpTable: i(
      'uint32 __stdcall GetExtendedTcpTable(void *table, void *size, int order, uint32 family, int tableClass, uint32 reserved)',
    ),
    GetExtendedUdpTable: i(
      'uint32 __stdcall GetExtendedUdpTable(void *table, void *size, int order, uint32 family, int tableClass, uint32 reserved)',
    ),
    SetTcpEntry: i('uint32 __stdcall SetTcpEntry(void *row)'),
    addressOf: (buffer) => koffi.address(buffer),
    unload: () => {
      iphlpapi.unload();
      advapi32.unload();
      kernel32.unload();
    },
  };
};
