/**
 * The task definition file `schtasks /Create /XML <file>` reads. It lives in the app's admin-only
 * data folder (docs/architecture.md §5: an unelevated user cannot swap it between our write and schtasks' read)
 * and only for the duration of the create; nothing needs it afterwards.
 */
import path from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import { ensurePrivateDir } from '../watch/atomic-file';

const FILE_NAME = 'autostart-task.xml';

/**
 * Not empty, no quotes, no control characters: a quote would change how a token or the XML reads and
 * XML 1.0 cannot carry control characters at all; Windows forbids both in file names anyway.
 */
export const isSafePathText = (value: string): boolean => value !== '' && !/["\p{Cc}]/u.test(value);

/**
 * A path that may go into argv or the definition: absolute and free of quotes and control
 * characters (spaces are fine, no shell splits argv). On Windows only a drive path (`C:\...`): a
 * UNC path would have the elevated schtasks read a network file, and a root-relative `\x` or `/x`
 * depends on the current drive (and `/x` reads as a schtasks switch).
 */
export const isSafeLocalPath = (value: string, pathApi: path.PlatformPath = path): boolean => {
  if (!isSafePathText(value) || !pathApi.isAbsolute(value)) return false;
  return pathApi.sep === '\\'
    ? /^[A-Za-z]:\\/.test(value) && !value.split('\\').includes('..')
    : !value.split('/').includes('..');
};

/** The definition file's path in `dir`, or null when the result is not a safe local path. */
export const taskDefinitionPath = (dir: string, pathApi: path.PlatformPath = path): string | null => {
  if (!isSafeLocalPath(dir, pathApi)) return null;
  const file = pathApi.join(dir, FILE_NAME);
  return isSafeLocalPath(file, pathApi) ? file : null;
};

/** Writes the bytes (replacing a file a crash may have left), creating the admin-only folder if needed. */
export const writeTaskDefinition = async (file: string, bytes: Uint8Array): Promise<void> => {
  await ensurePrivateDir(path.dirname(file));
  await writeFile(file, bytes, { mode: 0o600 });
};

/** Best effort: a file left behind holds nothing secret and the next create overwrites it. */
export const removeTaskDefinition = (file: string): Promise<void> => rm(file, { force: true }).catch(() => undefined);
