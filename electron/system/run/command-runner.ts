/**
 * The one seam between Portwarden and Windows. The real implementation (windows-runner.ts) spawns System32
 * executables with execa; the simulator (simulated-windows/) interprets the same argv over an in-memory machine.
 * Services depend only on this interface.
 */

/** Executables the app may run; the real runner maps each to %SystemRoot%\System32\<name>.exe. */
export const SYSTEM_COMMANDS = [
  'netsh',
  'net',
  'sc',
  'netstat',
  'tasklist',
  'taskkill',
  'reg',
  'schtasks',
  // WSL distros and their addresses (electron/system/wsl); prints UTF-16LE, see console-encoding.ts.
  'wsl',
  // The data folder's ACL: read at start, repaired by well-known SIDs (electron/data-dir-acl.ts).
  'icacls',
] as const;
export type SystemCommand = (typeof SYSTEM_COMMANDS)[number];

export interface RunOptions {
  /** Milliseconds before the process is killed and the result marked timedOut. */
  readonly timeoutMs?: number;
}

export interface RunResult {
  /** null when the process did not exit by itself (timeout, spawn failure). */
  readonly exitCode: number | null;
  /** Decoded from the console OEM code page. */
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface CommandRunner {
  /** Never throws: a spawn failure is a result with exitCode null and the reason in stderr. */
  run(command: SystemCommand, args: readonly string[], options?: RunOptions): Promise<RunResult>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
