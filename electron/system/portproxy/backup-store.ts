/**
 * Rule backups as JSON files `<id>.json`, written before a reset, an import or a restore (docs/architecture.md §3).
 * The only module of the rule service that touches the file system.
 *
 * - Ids are `YYYYMMDDTHHMMSSmmmZ-<reason>` (BACKUP_ID_PATTERN): a backup is never overwritten; two
 *   in the same millisecond get the next free millisecond (exclusive create, `wx`).
 * - `read` checks the id against the pattern BEFORE it builds a path: an id is a file name Portwarden
 *   made, never a path (no `..`, no separators reach path.join).
 * - Content is validated with zod on every read: a hand-edited or truncated file is "no backup".
 * - The folder: docs/architecture.md §5 puts backups in an admin-only folder under %ProgramData%. On Windows its ACL is
 *   set by the installer (NSIS, per-machine); POSIX modes mean nothing there. Elsewhere (dev, tests)
 *   the folder is created 0o700 and files 0o600.
 */
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/model';
import { BACKUP_ID_PATTERN, proxyRuleSchema } from '../../../shared/validate';
import type { BackupRule, BackupStore } from './types';
import { isMissingFile, parseJsonWith } from '../stored-json';

const REASONS = ['reset', 'import', 'restore'] as const;

const backupFileSchema = z.strictObject({
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  reason: z.enum(REASONS),
  // The same checks as a rule from the renderer: a tampered file cannot smuggle a token into netsh.
  rules: z.array(proxyRuleSchema.extend({ firewall: z.boolean() })).max(10_000),
});

type BackupFile = z.infer<typeof backupFileSchema>;

/** 2026-01-31T14:25:01.123Z -> 20260131T142501123Z */
const stampOf = (time: Date): string => time.toISOString().replace(/[-:.]/g, '');

const POSIX = process.platform !== 'win32';
const FILE_SUFFIX = '.json';

const isTaken = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EEXIST';

const infoOf = (id: string, file: BackupFile): BackupInfo => ({
  id,
  createdAt: file.createdAt,
  reason: file.reason,
  ruleCount: file.rules.length,
});

export const createFileBackupStore = (dir: string, options: { now?: () => Date } = {}): BackupStore => {
  const now = options.now ?? (() => new Date());
  let lastMs = 0;
  let ready: Promise<unknown> | null = null;

  const ensureDir = () => {
    ready ??= mkdir(dir, { recursive: true, ...(POSIX ? { mode: 0o700 } : {}) }).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };

  /** Validated content of one backup, null when missing or invalid. Other I/O errors throw. */
  const load = async (id: string): Promise<BackupFile | null> => {
    // The pattern check comes first: nothing that is not one of our ids ever becomes a path.
    if (!BACKUP_ID_PATTERN.test(id)) return null;
    let text: string;
    try {
      text = await readFile(join(dir, `${id}${FILE_SUFFIX}`), 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
    const parsed = parseJsonWith(backupFileSchema, text);
    // The reason is also in the id; a file whose content disagrees with its name is not ours.
    return parsed && id.endsWith(`-${parsed.reason}`) ? parsed : null;
  };

  /** Creates `<id>.json` exclusively; on a taken name moves one millisecond on. */
  const createExclusive = async (reason: BackupInfo['reason'], body: (createdAt: string) => string) => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const ms = Math.max(now().getTime(), lastMs + 1);
      lastMs = ms;
      const time = new Date(ms);
      const id = `${stampOf(time)}-${reason}`;
      const path = join(dir, `${id}${FILE_SUFFIX}`);
      let handle;
      try {
        handle = await open(path, 'wx', 0o600);
      } catch (error) {
        if (isTaken(error)) continue;
        throw error;
      }
      try {
        await handle.writeFile(body(time.toISOString()), 'utf8');
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        // A half-written backup must not look like a backup.
        await unlink(path).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return { id, createdAt: time.toISOString() };
    }
    throw new Error('Could not find a free backup name.');
  };

  return {
    async write(reason, rules) {
      await ensureDir();
      const plain: BackupRule[] = rules.map((r) => ({
        type: r.type,
        listenAddress: r.listenAddress,
        listenPort: r.listenPort,
        connectAddress: r.connectAddress,
        connectPort: r.connectPort,
        firewall: r.firewall,
      }));
      const { id, createdAt } = await createExclusive(
        reason,
        (createdAt) =>
          `${JSON.stringify({ version: 1, createdAt, reason, rules: plain } satisfies BackupFile, null, 2)}\n`,
      );
      return { id, createdAt, reason, ruleCount: plain.length };
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isMissingFile(error)) return [];
        throw error;
      }
      const ids = names.filter((n) => n.endsWith(FILE_SUFFIX)).map((n) => n.slice(0, -FILE_SUFFIX.length));
      const infos: BackupInfo[] = [];
      for (const id of ids) {
        const file = await load(id).catch(() => null);
        if (file) infos.push(infoOf(id, file));
      }
      // Ids start with the UTC timestamp, so the id order is the time order; newest first.
      return infos.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },

    async read(id) {
      const file = await load(id);
      return file ? file.rules : null;
    },

    async remove(id) {
      // Only a backup that loads as ours is deleted: load() checks the id pattern before any path is built,
      // so nothing but `<our id>.json` inside this folder can ever be removed.
      if ((await load(id)) === null) return false;
      try {
        await unlink(join(dir, `${id}${FILE_SUFFIX}`));
        return true;
      } catch (error) {
        if (isMissingFile(error)) return false;
        throw error;
      }
    },
  };
};
