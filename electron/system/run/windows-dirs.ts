/**
 * The Windows folder and %ProgramData%, for an elevated process. Neither comes from the environment:
 * a user-level variable (HKCU\Environment) overrides a system one of the same name, and an elevated
 * process started by that user (UAC consent, or the logon task without any prompt) inherits it. A
 * user-chosen `SystemRoot` would make the elevated app run `netsh.exe` from the user's folder, and a
 * user-chosen `ProgramData` would move its backups and journal somewhere the user can write: the
 * classic %windir% UAC bypass of scheduled tasks.
 *
 * The kernel's `\SystemRoot` object link is set at boot and cannot be changed by a user; Win32 reaches
 * it as `\\?\GLOBALROOT\SystemRoot`, and libuv's native realpath (CreateFileW +
 * GetFinalPathNameByHandleW) turns it into `\\?\C:\Windows`. Whatever cannot be resolved or does not
 * look like a plain local path falls back to C:\Windows, which is right on nearly every machine.
 * %ProgramData% is not a kernel link; it is `<system drive>\ProgramData` unless an administrator moved
 * it against Microsoft's support statement, and the installer (build/installer.nsh) creates the same
 * folder from the same rule's known-folder answer.
 */
import { realpathSync } from 'node:fs';

export const DEFAULT_SYSTEM_ROOT = 'C:\\Windows';

/**
 * `X:\segment\...` with no `..`, no UNC, no device path and no characters Windows forbids in names.
 * A candidate that fails it falls back to the default rather than letting an elevated process run
 * `netsh.exe` from somewhere else. The candidate is the kernel's answer (windows-dirs.ts), not the
 * environment, which the user controls.
 */
const ABSOLUTE_DRIVE_PATH = /^[A-Za-z]:(?:\\[^\\/:*?"<>|\p{Cc}]+)+\\?$/u;

const readEnv = (env: Readonly<Record<string, string | undefined>>, name: string): string | undefined => {
  // Windows environment names are case-insensitive; a plain object copy of it may not be.
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
};

export const resolveSystemRoot = (env: Readonly<Record<string, string | undefined>>): string => {
  const value = readEnv(env, 'SystemRoot')?.trim();
  const valid =
    value !== undefined &&
    ABSOLUTE_DRIVE_PATH.test(value) &&
    !value.split('\\').some((part) => part === '..' || part === '.');
  return valid ? value.replace(/\\$/, '') : DEFAULT_SYSTEM_ROOT;
};

const KERNEL_SYSTEM_ROOT = '\\\\?\\GLOBALROOT\\SystemRoot';

export const systemRootFromKernel = (realpath: (path: string) => string = realpathSync.native): string => {
  try {
    const resolved = realpath(KERNEL_SYSTEM_ROOT).replace(/^\\\\\?\\/, '');
    // The same plain-local-path check as any other candidate (no UNC, no device path, no `..`).
    return resolveSystemRoot({ SystemRoot: resolved });
  } catch {
    return DEFAULT_SYSTEM_ROOT;
  }
};

/** `C:\Windows` -> `C:\ProgramData`. */
export const programDataOf = (systemRoot: string): string => `${systemRoot.slice(0, 2).toUpperCase()}\\ProgramData`;
