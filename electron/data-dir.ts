/**
 * Where the app keeps backups, the change journal, logs and settings. On Windows:
 * <system drive>\ProgramData\Portwarden, a machine-wide folder the installer restricts to
 * administrators and SYSTEM (build/installer.nsh, docs/architecture.md §5), so nothing an unelevated user writes
 * there can feed the elevated app. Never from %ProgramData%: a user-level variable of that name would
 * move it into a folder the user controls (system/windows-dirs.ts). A simulated run keeps its files apart.
 */
import path from 'node:path';
import { programDataOf } from './system/run/windows-dirs';

export const resolveDataDir = (options: {
  platform: string;
  simulated: boolean;
  /** The trusted Windows folder (systemRootFromKernel), for its drive. */
  systemRoot: string;
  userDataDir: string;
}): string => {
  if (options.platform !== 'win32' || options.simulated) return path.join(options.userDataDir, 'simulated-windows');
  return path.win32.join(programDataOf(options.systemRoot), 'Portwarden');
};
