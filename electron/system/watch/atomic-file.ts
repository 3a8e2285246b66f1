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

/** Error codes Windows gives a rename whose target (or the temp file) is briefly open elsewhere. */
const TRANSIENT_RENAME_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface RenameRetryOptions {
  readonly platform?: NodeJS.Platform;
  readonly rename?: (from: string, to: string) => Promise<void>;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Waits between attempts; the total stays under a second so a save never seems to hang. */
  readonly delaysMs?: readonly number[];
}

const DEFAULT_DELAYS_MS = [10, 20, 40, 80, 160, 320] as const;

/**
 * rename(), retried with backoff on Windows: an antivirus scanner, the search indexer or a backup
 * agent opens a freshly written file for a moment, and MoveFileEx then fails with EPERM, EBUSY or
 * EACCES although nothing is wrong. Elsewhere, and for any other error, the first failure is final.
 */
export const renameWithRetry = async (from: string, to: string, options: RenameRetryOptions = {}): Promise<void> => {
  const doRename = options.rename ?? rename;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const delays = (options.platform ?? process.platform) === 'win32' ? (options.delaysMs ?? DEFAULT_DELAYS_MS) : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await doRename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
      const delay = delays[attempt];
      if (delay === undefined || !TRANSIENT_RENAME_CODES.has(code)) throw error;
      await sleep(delay);
    }
  }
};

export const writeFileAtomic = async (file: string, text: string): Promise<void> => {
  const dir = dirname(file);
  await ensurePrivateDir(dir);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    await renameWithRetry(temp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
};
