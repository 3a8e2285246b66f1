/**
 * Service status buffers of the Service Control Manager, x64/ARM64 layouts.
 *
 * SERVICE_STATUS_PROCESS (page "SERVICE_STATUS_PROCESS structure (winsvc.h)"), nine DWORDs, 36 bytes:
 *   dwServiceType @0, dwCurrentState @4, dwControlsAccepted @8, dwWin32ExitCode @12,
 *   dwServiceSpecificExitCode @16, dwCheckPoint @20, dwWaitHint @24, dwProcessId @28, dwServiceFlags @32.
 *
 * ENUM_SERVICE_STATUS_PROCESSW (page "ENUM_SERVICE_STATUS_PROCESSW structure (winsvc.h)"):
 *   LPWSTR lpServiceName @0, LPWSTR lpDisplayName @8, SERVICE_STATUS_PROCESS @16 (36 bytes), padded to a
 *   multiple of 8: 56 bytes. EnumServicesStatusExW writes the array at the start of the caller's buffer
 *   and the strings after it, in the same buffer, so the two pointers are resolved as offsets from the
 *   buffer's own address.
 */
import { readDword } from './table-fields';
import { readUtf16z } from './utf16';

export const SERVICE_STATUS_PROCESS_SIZE = 36;
export const ENUM_SERVICE_STATUS_PROCESSW_SIZE = 56;
const STATUS_IN_ENUM_ENTRY = 16;

/** dwCurrentState values (page "SERVICE_STATUS_PROCESS structure"). */
export const SERVICE_STOPPED = 1;
export const SERVICE_RUNNING = 4;

export interface ServiceStatusProcess {
  serviceType: number;
  currentState: number;
  /** 0 when the service has no process (stopped). */
  processId: number;
}

export interface EnumServiceStatusProcess extends ServiceStatusProcess {
  serviceName: string;
  displayName: string;
}

const statusAt = (bytes: Uint8Array, offset: number): ServiceStatusProcess => ({
  serviceType: readDword(bytes, offset),
  currentState: readDword(bytes, offset + 4),
  processId: readDword(bytes, offset + 28),
});

/** A SERVICE_STATUS_PROCESS (QueryServiceStatusEx, SC_STATUS_PROCESS_INFO); null when too short. */
export const decodeServiceStatusProcess = (status: Uint8Array): ServiceStatusProcess | null =>
  status.byteLength < SERVICE_STATUS_PROCESS_SIZE ? null : statusAt(status, 0);

/**
 * The string a pointer member points at, when it points inside `bytes` (whose first byte is at
 * `baseAddress`); null for NULL or a pointer elsewhere (never read outside the buffer).
 */
const stringAt = (bytes: Uint8Array, baseAddress: bigint, pointer: bigint): string | null => {
  const offset = pointer - baseAddress;
  if (pointer === 0n || offset < 0n || offset >= BigInt(bytes.byteLength)) return null;
  return readUtf16z(bytes, Number(offset));
};

/**
 * The first `count` (lpServicesReturned) entries of an ENUM_SERVICE_STATUS_PROCESSW array, capped at
 * the entries the buffer holds. An entry whose service name pointer does not point into the buffer is
 * skipped (a name is the key); a bad display name pointer gives ''. Never throws.
 */
export const decodeEnumServiceStatusProcess = (
  bytes: Uint8Array,
  count: number,
  baseAddress: bigint,
): EnumServiceStatusProcess[] => {
  const fitting = Math.floor(bytes.byteLength / ENUM_SERVICE_STATUS_PROCESSW_SIZE);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: EnumServiceStatusProcess[] = [];
  for (let index = 0; index < Math.min(count, fitting); index += 1) {
    const at = index * ENUM_SERVICE_STATUS_PROCESSW_SIZE;
    const serviceName = stringAt(bytes, baseAddress, view.getBigUint64(at, true));
    if (serviceName === null || serviceName === '') continue;
    const displayName = stringAt(bytes, baseAddress, view.getBigUint64(at + 8, true)) ?? '';
    entries.push({ serviceName, displayName, ...statusAt(bytes, at + STATUS_IN_ENUM_ENTRY) });
  }
  return entries;
};

/**
 * Service names by hosting process id, like the services column of `tasklist /svc`: services that have
 * a process (dwProcessId is 0 for a stopped one; a running, starting or stopping service has one), in
 * the order the SCM lists them (by name).
 */
export const servicesByProcessId = (entries: readonly EnumServiceStatusProcess[]): Map<number, string[]> => {
  const byPid = new Map<number, string[]>();
  for (const entry of entries) {
    if (entry.processId === 0 || entry.currentState === SERVICE_STOPPED) continue;
    const names = byPid.get(entry.processId) ?? [];
    names.push(entry.serviceName);
    byPid.set(entry.processId, names);
  }
  return byPid;
};
