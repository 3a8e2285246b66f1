/**
 * The NativeWindows methods over the Win32 bindings: each call reads Windows afresh (nothing cached),
 * decodes with the pure decoders and releases every handle it opened (try/finally).
 */
import type { ServiceStatus } from '../../../shared/model';
import type { ParsedNetstatEntry } from '../parse/netstat';
import type { ParsedPortProxyRule } from '../parse/portproxy';
import { decodeProcessEntry, newProcessEntryBuffer } from './decode-process-entry';
import { decodeRegSz } from './decode-reg-sz';
import {
  decodeEnumServiceStatusProcess,
  decodeServiceStatusProcess,
  type EnumServiceStatusProcess,
  SERVICE_STATUS_PROCESS_SIZE,
  servicesByProcessId,
} from './decode-service-status';
import { decodeTokenUserSid } from './decode-token-user';
import { decodeTcp4Table, decodeTcp6Table } from './decode-tcp-table';
import { decodeUdp4Table, decodeUdp6Table } from './decode-udp-table';
import { encodeTcpRowDeleteTcb, type TcpConnection } from './encode-tcp-row';
import { NativeReadError } from './native-read-error';
import { PORT_PROXY_TYPES, portProxyKeyPath, portProxyRuleFromValue } from './port-proxy-values';
import { serviceStatusOfState } from './service-states';
import type { Handle, Win32Api } from './win32-api';

/** One process; `path` and `user` are present only where access allowed reading them. */
export interface NativeProcess {
  image: string;
  pid: number;
  services: string[];
  /** Full Win32 path of the executable (QueryFullProcessImageNameW). */
  path?: string;
  /** `DOMAIN\user` of the process token (`NT AUTHORITY\SYSTEM`). */
  user?: string;
}

// Win32 error codes (page "System Error Codes (0-499)" and "(1000-1299)").
const ERROR_SUCCESS = 0;
const ERROR_FILE_NOT_FOUND = 2;
const ERROR_ACCESS_DENIED = 5;
const ERROR_INVALID_PARAMETER = 87;
const ERROR_INSUFFICIENT_BUFFER = 122;
const ERROR_MORE_DATA = 234;
const ERROR_NO_MORE_ITEMS = 259;
const ERROR_NO_MORE_FILES = 18;
const ERROR_SERVICE_DOES_NOT_EXIST = 1060;

// IP Helper (page "GetExtendedTcpTable function (iphlpapi.h)", TCP_TABLE_CLASS, UDP_TABLE_CLASS).
const AF_INET = 2;
const AF_INET6 = 23;
const TCP_TABLE_OWNER_PID_ALL = 5;
const UDP_TABLE_OWNER_PID = 1;
/** A table can grow between the size query and the read; a few retries, then give up. */
const TABLE_READ_ATTEMPTS = 5;
/** Enough for a few hundred IPv4 rows at once; busy machines take one more call. */
const INITIAL_TABLE_BYTES = 16 * 1024;
const TABLE_SLACK_BYTES = 4096;

// Processes and tokens (pages "Process Security and Access Rights", "TOKEN_INFORMATION_CLASS").
const TH32CS_SNAPPROCESS = 0x2;
const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
const TOKEN_QUERY = 0x8;
const TOKEN_USER_CLASS = 1;
const TOKEN_ELEVATION_CLASS = 20;
const INVALID_HANDLE_VALUE = 0xffff_ffff_ffff_ffffn;

// Registry (page "Registry Key Security and Access Rights", "Registry Value Types").
/** HKEY_LOCAL_MACHINE is `(HKEY)(ULONG_PTR)((LONG)0x80000002)`: sign-extended to 64 bits. */
const HKEY_LOCAL_MACHINE = 0xffff_ffff_8000_0002n;
const KEY_READ = 0x20019;
/** Read the 64-bit view even from a 32-bit process: netsh (64-bit) writes there. */
const KEY_WOW64_64KEY = 0x0100;
const REG_SZ = 1;
/** Value names are at most 16,383 characters (page "Registry Element Size Limits"). */
const MAX_VALUE_NAME_CHARS = 16_384;

// Service Control Manager (pages "Service Security and Access Rights", "EnumServicesStatusExW").
const SC_MANAGER_CONNECT = 0x1;
const SC_MANAGER_ENUMERATE_SERVICE = 0x4;
const SERVICE_QUERY_STATUS = 0x4;
const SC_STATUS_PROCESS_INFO = 0;
const SC_ENUM_PROCESS_INFO = 0;
const SERVICE_WIN32 = 0x30;
const SERVICE_STATE_ALL = 0x3;
/** "The maximum size of this array is 256K bytes" (EnumServicesStatusExW, cbBufSize). */
const SERVICE_ENUM_BUFFER = 256 * 1024;

const isValidHandle = (handle: Handle): handle is bigint =>
  handle !== null && handle !== 0n && handle !== INVALID_HANDLE_VALUE;

const dwordBuffer = (value = 0): Buffer => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0, 0);
  return buffer;
};

export const createNativeWindows = (api: Win32Api) => {
  const lastError = (): number => api.GetLastError();

  /** GetExtended{Tcp,Udp}Table into a Buffer, growing it while the API answers ERROR_INSUFFICIENT_BUFFER. */
  const readTable = (
    name: 'GetExtendedTcpTable' | 'GetExtendedUdpTable',
    family: number,
    tableClass: number,
  ): Buffer => {
    let table = Buffer.alloc(INITIAL_TABLE_BYTES);
    const size = dwordBuffer(table.byteLength);
    for (let attempt = 0; attempt < TABLE_READ_ATTEMPTS; attempt += 1) {
      const result = api[name](table, size, 0, family, tableClass, 0);
      if (result === ERROR_SUCCESS) return table;
      if (result !== ERROR_INSUFFICIENT_BUFFER) {
        throw new NativeReadError(name, result, family === AF_INET ? 'AF_INET' : 'AF_INET6');
      }
      // `size` now holds the size needed; leave room for sockets opened before the next call.
      table = Buffer.alloc(size.readUInt32LE(0) + TABLE_SLACK_BYTES);
      size.writeUInt32LE(table.byteLength, 0);
    }
    throw new NativeReadError(name, ERROR_INSUFFICIENT_BUFFER, `the table kept growing (${TABLE_READ_ATTEMPTS} tries)`);
  };

  const tcpEndpoints = (): ParsedNetstatEntry[] => [
    ...decodeTcp4Table(readTable('GetExtendedTcpTable', AF_INET, TCP_TABLE_OWNER_PID_ALL)),
    ...decodeTcp6Table(readTable('GetExtendedTcpTable', AF_INET6, TCP_TABLE_OWNER_PID_ALL)),
  ];

  const udpEndpoints = (): ParsedNetstatEntry[] => [
    ...decodeUdp4Table(readTable('GetExtendedUdpTable', AF_INET, UDP_TABLE_OWNER_PID)),
    ...decodeUdp6Table(readTable('GetExtendedUdpTable', AF_INET6, UDP_TABLE_OWNER_PID)),
  ];

  const withProcessToken = <T>(process: Handle, read: (token: Handle) => T): T | undefined => {
    const tokenOut = Buffer.alloc(8);
    if (!api.OpenProcessToken(process, TOKEN_QUERY, tokenOut)) return undefined;
    const token = tokenOut.readBigUInt64LE(0);
    try {
      return read(token);
    } finally {
      api.CloseHandle(token);
    }
  };

  /** GetTokenInformation into a Buffer of the size it asks for; null when it fails. */
  const tokenInformation = (token: Handle, infoClass: number): Buffer | null => {
    const needed = dwordBuffer();
    api.GetTokenInformation(token, infoClass, null, 0, needed);
    const length = needed.readUInt32LE(0);
    if (length === 0) return null;
    const info = Buffer.alloc(length);
    return api.GetTokenInformation(token, infoClass, info, length, needed) ? info : null;
  };

  /** `DOMAIN\user` of a token; names are cached per SID for one processes() call (LSA lookups are slow). */
  const tokenUser = (token: Handle, namesBySid: Map<string, string | undefined>): string | undefined => {
    const info = tokenInformation(token, TOKEN_USER_CLASS);
    if (!info) return undefined;
    const decoded = decodeTokenUserSid(info, api.addressOf(info));
    if (!decoded) return undefined;
    const key = Buffer.from(decoded.sid).toString('hex');
    if (namesBySid.has(key)) return namesBySid.get(key);
    const name = Buffer.alloc(512);
    const domain = Buffer.alloc(512);
    const nameChars = dwordBuffer(256);
    const domainChars = dwordBuffer(256);
    const use = dwordBuffer();
    const found = api.LookupAccountSidW(null, decoded.pointer, name, nameChars, domain, domainChars, use);
    const account = name.toString('utf16le', 0, nameChars.readUInt32LE(0) * 2);
    const user = found ? `${domain.toString('utf16le', 0, domainChars.readUInt32LE(0) * 2)}\\${account}` : undefined;
    namesBySid.set(key, user);
    return user;
  };

  const processDetails = (
    pid: number,
    namesBySid: Map<string, string | undefined>,
  ): Pick<NativeProcess, 'path' | 'user'> => {
    if (pid === 0) return {};
    const process = api.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
    if (!isValidHandle(process)) return {};
    try {
      const details: Pick<NativeProcess, 'path' | 'user'> = {};
      const name = Buffer.alloc(32_768 * 2);
      const chars = dwordBuffer(32_768);
      if (api.QueryFullProcessImageNameW(process, 0, name, chars)) {
        details.path = name.toString('utf16le', 0, chars.readUInt32LE(0) * 2);
      }
      const user = withProcessToken(process, (token) => tokenUser(token, namesBySid));
      if (user !== undefined) details.user = user;
      return details;
    } finally {
      api.CloseHandle(process);
    }
  };

  const withServiceManager = <T>(access: number, use: (manager: Handle) => T): T => {
    const manager = api.OpenSCManagerW(null, null, access);
    if (!isValidHandle(manager)) throw new NativeReadError('OpenSCManagerW', lastError());
    try {
      return use(manager);
    } finally {
      api.CloseServiceHandle(manager);
    }
  };

  const runningServicesByPid = (): Map<number, string[]> =>
    withServiceManager(SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE, (manager) => {
      const entries: EnumServiceStatusProcess[] = [];
      const resume = dwordBuffer(0);
      // One buffer of the documented maximum; ERROR_MORE_DATA means "call again from `resume`".
      for (let round = 0; round < 64; round += 1) {
        const buffer = Buffer.alloc(SERVICE_ENUM_BUFFER);
        const needed = dwordBuffer();
        const returned = dwordBuffer();
        const ok = api.EnumServicesStatusExW(
          manager,
          SC_ENUM_PROCESS_INFO,
          SERVICE_WIN32,
          SERVICE_STATE_ALL,
          buffer,
          buffer.byteLength,
          needed,
          returned,
          resume,
          null,
        );
        const error = ok ? ERROR_SUCCESS : lastError();
        if (!ok && error !== ERROR_MORE_DATA) throw new NativeReadError('EnumServicesStatusExW', error);
        // Read the address after the call: the strings' pointers were computed from this same memory.
        entries.push(...decodeEnumServiceStatusProcess(buffer, returned.readUInt32LE(0), api.addressOf(buffer)));
        if (ok) return servicesByProcessId(entries);
      }
      throw new NativeReadError('EnumServicesStatusExW', ERROR_MORE_DATA, 'too many services');
    });

  const processes = (): NativeProcess[] => {
    const servicesByPid = runningServicesByPid();
    const snapshot = api.CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (!isValidHandle(snapshot)) throw new NativeReadError('CreateToolhelp32Snapshot', lastError());
    const namesBySid = new Map<string, string | undefined>();
    const result: NativeProcess[] = [];
    try {
      const entry = newProcessEntryBuffer();
      let more = api.Process32FirstW(snapshot, entry);
      if (!more) {
        const error = lastError();
        if (error !== ERROR_NO_MORE_FILES) throw new NativeReadError('Process32FirstW', error);
      }
      while (more) {
        const decoded = decodeProcessEntry(entry);
        if (decoded) {
          result.push({
            image: decoded.exeFile,
            pid: decoded.pid,
            services: servicesByPid.get(decoded.pid) ?? [],
            ...processDetails(decoded.pid, namesBySid),
          });
        }
        more = api.Process32NextW(snapshot, entry);
      }
    } finally {
      api.CloseHandle(snapshot);
    }
    return result;
  };

  /** The rules of one type, in registry order; none when the key does not exist. */
  const portProxyRulesOf = (type: (typeof PORT_PROXY_TYPES)[number]): ParsedPortProxyRule[] => {
    const keyOut = Buffer.alloc(8);
    const opened = api.RegOpenKeyExW(HKEY_LOCAL_MACHINE, portProxyKeyPath(type), 0, KEY_READ | KEY_WOW64_64KEY, keyOut);
    if (opened === ERROR_FILE_NOT_FOUND) return [];
    if (opened !== ERROR_SUCCESS) throw new NativeReadError('RegOpenKeyExW', opened, type);
    const key = keyOut.readBigUInt64LE(0);
    const rules: ParsedPortProxyRule[] = [];
    try {
      const name = Buffer.alloc(MAX_VALUE_NAME_CHARS * 2);
      let data = Buffer.alloc(1024);
      for (let index = 0; ;) {
        const nameChars = dwordBuffer(MAX_VALUE_NAME_CHARS);
        const valueType = dwordBuffer();
        const dataBytes = dwordBuffer(data.byteLength);
        const result = api.RegEnumValueW(key, index, name, nameChars, null, valueType, data, dataBytes);
        if (result === ERROR_NO_MORE_ITEMS) break;
        if (result === ERROR_MORE_DATA) {
          // Only the data can be too long (the name buffer has the maximum size): grow it, same index.
          data = Buffer.alloc(Math.max(dataBytes.readUInt32LE(0), data.byteLength * 2));
          continue;
        }
        if (result !== ERROR_SUCCESS) throw new NativeReadError('RegEnumValueW', result, type);
        index += 1;
        if (valueType.readUInt32LE(0) !== REG_SZ) continue;
        const valueName = name.toString('utf16le', 0, nameChars.readUInt32LE(0) * 2);
        const rule = portProxyRuleFromValue(type, valueName, decodeRegSz(data, dataBytes.readUInt32LE(0)));
        if (rule) rules.push(rule);
      }
    } finally {
      api.RegCloseKey(key);
    }
    return rules;
  };

  const portProxyRules = (): ParsedPortProxyRule[] => PORT_PROXY_TYPES.flatMap(portProxyRulesOf);

  const isElevated = (): boolean => {
    const elevated = withProcessToken(api.GetCurrentProcess(), (token) => {
      const info = Buffer.alloc(4); // TOKEN_ELEVATION { DWORD TokenIsElevated }
      const returned = dwordBuffer();
      if (!api.GetTokenInformation(token, TOKEN_ELEVATION_CLASS, info, 4, returned)) {
        throw new NativeReadError('GetTokenInformation', lastError(), 'TokenElevation');
      }
      return info.readUInt32LE(0) !== 0;
    });
    if (elevated === undefined) throw new NativeReadError('OpenProcessToken', lastError());
    return elevated;
  };

  const windowsDirectory = (): string => {
    let chars = 260;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const buffer = Buffer.alloc(chars * 2);
      const length = api.GetSystemWindowsDirectoryW(buffer, chars);
      if (length === 0) throw new NativeReadError('GetSystemWindowsDirectoryW', lastError());
      if (length < chars) return buffer.toString('utf16le', 0, length * 2);
      chars = length;
    }
    throw new NativeReadError('GetSystemWindowsDirectoryW', ERROR_INSUFFICIENT_BUFFER);
  };

  const serviceState = (name: string): ServiceStatus => {
    const manager = api.OpenSCManagerW(null, null, SC_MANAGER_CONNECT);
    if (!isValidHandle(manager)) {
      const error = lastError();
      if (error === ERROR_ACCESS_DENIED) return 'unknown';
      throw new NativeReadError('OpenSCManagerW', error);
    }
    try {
      const service = api.OpenServiceW(manager, name, SERVICE_QUERY_STATUS);
      if (!isValidHandle(service)) {
        const error = lastError();
        if (error === ERROR_SERVICE_DOES_NOT_EXIST) return 'absent';
        if (error === ERROR_ACCESS_DENIED) return 'unknown';
        throw new NativeReadError('OpenServiceW', error, name);
      }
      try {
        const status = Buffer.alloc(SERVICE_STATUS_PROCESS_SIZE);
        const needed = dwordBuffer();
        if (!api.QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, status, status.byteLength, needed)) {
          const error = lastError();
          if (error === ERROR_ACCESS_DENIED) return 'unknown';
          throw new NativeReadError('QueryServiceStatusEx', error, name);
        }
        const decoded = decodeServiceStatusProcess(status);
        return decoded ? serviceStatusOfState(decoded.currentState) : 'unknown';
      } finally {
        api.CloseServiceHandle(service);
      }
    } finally {
      api.CloseServiceHandle(manager);
    }
  };

  const setTcpEntryDeleteTcb = (connection: TcpConnection): number => {
    const row = encodeTcpRowDeleteTcb(connection);
    if (!row) return ERROR_INVALID_PARAMETER;
    try {
      return api.SetTcpEntry(row);
    } catch {
      return ERROR_INVALID_PARAMETER;
    }
  };

  return {
    tcpEndpoints,
    udpEndpoints,
    processes,
    portProxyRules,
    isElevated,
    windowsDirectory,
    serviceState,
    setTcpEntryDeleteTcb,
  };
};
