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
import { messageOf } from '../../../shared/result';

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

/** Where the Windows folder came from: worth saying, because the last answer is only a guess. */
export type WindowsFolderSource = 'GetSystemWindowsDirectoryW' | 'kernel \\SystemRoot link' | 'default';

export interface WindowsFolder {
  readonly path: string;
  readonly source: WindowsFolderSource;
  /** Why a better source was not used; null when the first one answered. */
  readonly fallbackReason: string | null;
}

const plainLocalPath = (candidate: string): string | null => {
  const checked = resolveSystemRoot({ SystemRoot: candidate });
  return checked.toLowerCase() === candidate.replace(/\\$/, '').toLowerCase() ? checked : null;
};

/**
 * The Windows folder, from the most direct source that answers: the native layer's
 * GetSystemWindowsDirectoryW (the system's folder even on a terminal server, where GetWindowsDirectory
 * is per user), then the kernel's \SystemRoot link, then C:\Windows. Every answer must be a plain
 * local path. A fallback is reported, not hidden: main.log and the Windows smoke print it.
 */
export const findWindowsFolder = (
  options: {
    native?: { windowsDirectory(): string } | null;
    realpath?: (path: string) => string;
  } = {},
): WindowsFolder => {
  const reasons: string[] = [];
  if (options.native) {
    try {
      const answer = options.native.windowsDirectory();
      const checked = plainLocalPath(answer);
      if (checked) return { path: checked, source: 'GetSystemWindowsDirectoryW', fallbackReason: null };
      reasons.push(`GetSystemWindowsDirectoryW answered "${answer}", not a plain local path`);
    } catch (error) {
      reasons.push(`GetSystemWindowsDirectoryW failed: ${messageOf(error)}`);
    }
  } else {
    reasons.push('the native layer is not open');
  }
  try {
    const resolved = (options.realpath ?? realpathSync.native)(KERNEL_SYSTEM_ROOT).replace(/^\\\\\?\\/, '');
    const checked = plainLocalPath(resolved);
    if (checked) return { path: checked, source: 'kernel \\SystemRoot link', fallbackReason: reasons.join('; ') };
    reasons.push(`the kernel link resolved to "${resolved}", not a plain local path`);
  } catch (error) {
    reasons.push(`the kernel link could not be resolved: ${messageOf(error)}`);
  }
  return { path: DEFAULT_SYSTEM_ROOT, source: 'default', fallbackReason: reasons.join('; ') };
};

/** The kernel link's answer alone (C:\Windows when it fails): for callers without the native layer. */
export const systemRootFromKernel = (realpath: (path: string) => string = realpathSync.native): string =>
  findWindowsFolder({ realpath }).path;

/** `C:\Windows` -> `C:\ProgramData`. */
export const programDataOf = (systemRoot: string): string => `${systemRoot.slice(0, 2).toUpperCase()}\\ProgramData`;
