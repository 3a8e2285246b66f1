/**
 * Where the app keeps backups (and later logs and settings). On Windows: %ProgramData%\Portwarden,
 * a machine-wide folder the installer restricts to administrators (DESIGN §5), so nothing an
 * unelevated user writes there can feed the elevated app. A simulated run keeps its files apart.
 */
import path from 'node:path';

const DEFAULT_PROGRAM_DATA = 'C:\\ProgramData';
/** `X:\...` without `..`: the variable comes from the environment, which the user controls. */
const ABSOLUTE_DRIVE_PATH = /^[A-Za-z]:\\(?:[^\\/:*?"<>|\p{Cc}]+\\?)*$/u;

export const resolveDataDir = (options: {
  platform: string;
  simulated: boolean;
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
}): string => {
  if (options.platform !== 'win32' || options.simulated) return path.join(options.userDataDir, 'simulated-windows');
  const programData = options.env.ProgramData?.trim() ?? '';
  const safe = ABSOLUTE_DRIVE_PATH.test(programData) && !programData.split('\\').includes('..');
  return path.win32.join(safe ? programData : DEFAULT_PROGRAM_DATA, 'Portwarden');
};
