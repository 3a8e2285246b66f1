import { resolveSystemRoot } from '../run/windows-dirs';
import {
  minimalEnvironment,
  pinnedOptions,
  realExeca,
  trustedEnvironment,
  type ExecaFunction,
} from '../run/spawn-pinned';

/**
 * Starts `exePath` elevated through the UAC prompt (ShellExecute "runas", which Node cannot call
 * directly). PowerShell's Start-Process is the one stock way; the script text is a constant and the
 * path travels in an environment variable, so no data is ever parsed as PowerShell. Resolves true
 * when Windows started the process (false when the user declined the prompt or anything failed).
 */
export const launchElevated = async (
  exePath: string,
  options: { env?: Readonly<Record<string, string | undefined>>; execa?: ExecaFunction } = {},
): Promise<boolean> => {
  const systemRoot = resolveSystemRoot(options.env ?? trustedEnvironment());
  const spawn = options.execa ?? realExeca;
  try {
    const result = await spawn(
      `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`,
      ['-NoProfile', '-NonInteractive', '-Command', 'Start-Process -FilePath $env:PORTWARDEN_RELAUNCH -Verb RunAs'],
      pinnedOptions({
        timeout: 120_000,
        env: { ...minimalEnvironment(systemRoot), PORTWARDEN_RELAUNCH: exePath },
        cwd: `${systemRoot}\\System32`,
      }),
    );
    return result.exitCode === 0 && result.timedOut !== true;
  } catch {
    return false;
  }
};
