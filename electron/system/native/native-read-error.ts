/**
 * The one exception the native layer's read methods throw: a Win32 call failed. The integrating code
 * catches it and falls back to running the equivalent command (netstat, tasklist, netsh, sc), so the
 * error carries what a log line needs: which API failed and its Win32 error code.
 */
export class NativeReadError extends Error {
  override readonly name = 'NativeReadError';

  constructor(
    /** The Win32 function that failed, e.g. `GetExtendedTcpTable`. */
    readonly api: string,
    /** The Win32 error code (GetLastError or the function's own return value); 0 when there is none. */
    readonly code: number,
    detail?: string,
  ) {
    super(`${api} failed with Win32 error ${code}${detail ? `: ${detail}` : ''}`);
  }
}
