/**
 * Writing a small admin-only file so a crash or power loss never leaves half a file: write a temp
 * file next to it (exclusive create, 0600), fsync, then rename over the target (atomic on NTFS and
 * POSIX file systems; Node renames with MOVEFILE_REPLACE_EXISTING on Windows).
 * Folder and modes as backup-store.ts does it: on Windows the installer's ACL protects the folder
 * (docs/architecture.md §5) and POSIX modes mean nothing; elsewhere (dev, tests) the folder is 0700, files 0600.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const POSIX = process.platform !== 'win32';

export const ensurePrivateDir = (dir: string): Promise<unknown> =>
  mkdir(dir, { recursive: true, ...(POSIX ? { mode: 0o700 } : {}) });

export const writeFileAtomic = async (file: string, text: string): Promise<void> => {
  const dir = dirname(file);
  await ensurePrivateDir(dir);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
};
