/**
 * Native read layer (issue #9): the same facts the app reads from `netstat -ano`, `tasklist /svc`,
 * `netsh interface portproxy show all` and `sc query`, read through Win32 APIs with koffi instead of by
 * running a command: faster, no console code page, no localized text.
 *
 * Contract:
 * - `openNativeWindows()` returns null where the layer cannot work (not Windows, not a 64-bit process,
 *   koffi or a DLL failing to load) and never throws; the reason goes to `onUnavailable`, once per call,
 *   so the caller can log it once and use the commands.
 * - The read methods are synchronous. Each reads Windows afresh (nothing cached) and returns the value in
 *   the shape the matching parser produces, so a caller can use either source. When a Win32 call fails
 *   they throw a `NativeReadError` (api name + Win32 error code), and only that: the caller catches it
 *   and falls back to the command. Expected conditions are values, not errors: a missing portproxy key
 *   is "no rules", a missing service is 'absent', access denied to a service is 'unknown', a process
 *   whose path or user cannot be read has no `path`/`user`.
 * - `setTcpEntryDeleteTcb` never throws; it returns the Win32 error code (0 = closed).
 */
import type { ServiceStatus } from '../../../shared/model';
import type { ParsedNetstatEntry } from '../parse/netstat';
import type { ParsedPortProxyRule } from '../parse/portproxy';
import type { TcpConnection } from './encode-tcp-row';
import { loadKoffi, type Koffi } from './koffi-loader';
import { createNativeWindows, type NativeProcess } from './native-windows';
import { loadWin32Api } from './win32-api';
import { messageOf } from '../../../shared/result';

export { NativeReadError } from './native-read-error';
export type { NativeProcess } from './native-windows';
export type { TcpConnection } from './encode-tcp-row';

export interface NativeWindows {
  /** TCP endpoints, IPv4 then IPv6 (netstat's order), as parseNetstat gives `netstat -ano` rows. */
  tcpEndpoints(): ParsedNetstatEntry[];
  /** UDP endpoints, IPv4 then IPv6, as parseNetstat gives them (remote and state null). */
  udpEndpoints(): ParsedNetstatEntry[];
  /** Every process with its services (as parseTasklist gives `tasklist /svc`), plus path and user where readable. */
  processes(): NativeProcess[];
  /** Every portproxy rule, in the order `netsh interface portproxy show all` lists them. */
  portProxyRules(): ParsedPortProxyRule[];
  /** Whether this process runs elevated (its token's TokenElevation); read at each call. */
  isElevated(): boolean;
  /** The system's Windows directory, e.g. `C:\Windows` (GetSystemWindowsDirectoryW). */
  windowsDirectory(): string;
  /** A service's state by its key name (`winnat`, `iphlpsvc`). */
  serviceState(name: string): ServiceStatus;
  /** Closes an IPv4 TCP connection (SetTcpEntry, MIB_TCP_STATE_DELETE_TCB); the Win32 error code, 0 on success. */
  setTcpEntryDeleteTcb(connection: TcpConnection): number;
}

export interface OpenNativeWindowsOptions {
  /** Called with the reason when the layer is unavailable (the return value is then null). */
  onUnavailable?: (reason: string) => void;
  /** For tests: the platform and architecture to assume (default: this process's). */
  platform?: NodeJS.Platform;
  arch?: NodeJS.Architecture;
  /** For tests: how koffi is obtained (default: require('koffi')). */
  loadKoffi?: () => Koffi;
}

/**
 * The decoders read x64 layouts (8-byte pointers and ULONG_PTR), which ARM64 Windows shares; a 32-bit
 * process would need other offsets, so it gets the commands instead.
 */
const SUPPORTED_ARCHES: ReadonlySet<string> = new Set(['x64', 'arm64']);

export const openNativeWindows = (options: OpenNativeWindowsOptions = {}): NativeWindows | null => {
  const unavailable = (reason: string): null => {
    try {
      options.onUnavailable?.(reason);
    } catch {
      // A failing logger must not turn "unavailable" into an exception.
    }
    return null;
  };
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  if (platform !== 'win32') return unavailable(`not Windows (${platform})`);
  if (!SUPPORTED_ARCHES.has(arch)) return unavailable(`unsupported architecture (${arch})`);
  try {
    const koffi = (options.loadKoffi ?? loadKoffi)();
    return createNativeWindows(loadWin32Api(koffi));
  } catch (error) {
    return unavailable(`native layer failed to load: ${messageOf(error)}`);
  }
};
