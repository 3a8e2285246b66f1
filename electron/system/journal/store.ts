/**
 * The write-ahead journal of multi-step changes (docs/architecture.md §3: a crash in the middle of a change must
 * never leave the user's rules or exclusions half-done without the app knowing).
 *
 * A change writes its entry (what the user had, what they asked for) BEFORE its first command and
 * removes it once the outcome is verified. An entry still on disk at start means the process died in
 * between, or the outcome could not be verified; recovery.ts re-reads Windows and lets the user
 * choose to finish or roll back. The journal records intent, not progress: a command that was
 * running when the process died may or may not have landed, so only a fresh read can say.
 *
 * Files are `<id>.json` in an admin-only folder (%ProgramData%\Portwarden\journal; the installer sets
 * its ACL). Writes are atomic (temp file, fsync, rename): a crash while writing leaves the old state
 * or the new one, never half a file. Content is validated with zod on every read, with the same rule
 * schema as renderer input, so a tampered file cannot smuggle a token into netsh; ids are checked
 * against a pattern before any path is built.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { JournalIntent } from '../../../shared/model';
import { ipVersionSchema, JOURNAL_ID_PATTERN, protocolSchema, proxyRuleSchema } from '../../../shared/validate';
import { isMissingFile, parseJsonWith } from '../stored-json';
import { renameWithRetry } from '../watch/atomic-file';

export interface JournalEntry {
  readonly id: string;
  readonly operation: string;
  readonly startedAt: string;
  readonly intent: JournalIntent;
}

export interface Journal {
  /** Records the intent durably; resolves only once it is on disk. */
  begin(operation: string, intent: JournalIntent): Promise<JournalEntry>;
  /** The change ended verified (applied, or rolled back to what the user had). */
  complete(id: string): Promise<void>;
  /** Unfinished entries, oldest first. Unreadable files are skipped (and reported by `unreadable`). */
  list(): Promise<readonly JournalEntry[]>;
  read(id: string): Promise<JournalEntry | null>;
}

const port = z.int().min(1).max(65535);
const family = z.strictObject({ protocol: protocolSchema, ipVersion: ipVersionSchema });
const ports = z.array(port).max(65535);

const intentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exclusion'),
    family,
    families: z.array(family).min(1).max(2).optional(),
    start: port,
    end: port,
    winnatWasRunning: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('rules'),
    before: z.array(proxyRuleSchema).max(10_000),
    target: z.array(proxyRuleSchema).max(10_000),
    firewall: z.strictObject({ before: ports.nullable(), want: ports, release: ports }),
    backupId: z
      .string()
      .regex(/^[0-9A-Za-z-]{1,64}$/)
      .optional(),
    // Disable/enable (portproxy/rule-book-changes.ts): what the rule book records once the change settles.
    toggle: z
      .strictObject({ action: z.enum(['disable', 'enable']), rule: proxyRuleSchema, firewall: z.boolean() })
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('dynamic-range'),
    before: z.array(family.extend({ start: port, count: port })).max(4),
    target: z.strictObject({ start: port, count: port }),
  }),
  z.strictObject({ kind: z.literal('winnat-restart') }),
]);

const entrySchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(JOURNAL_ID_PATTERN),
  operation: z.string().regex(/^[a-z][a-z-]{0,40}$/),
  startedAt: z.iso.datetime(),
  intent: intentSchema,
});

const SUFFIX = '.json';
const POSIX = process.platform !== 'win32';

/** 2026-01-31T14:25:01.123Z -> 20260131T142501123Z; the id sorts by start time. */
const newId = (time: Date): string => `${time.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;

const parseEntry = (text: string, id: string): JournalEntry | null => {
  const parsed = parseJsonWith(entrySchema, text);
  // An entry copied under another file's name is not that entry.
  if (!parsed || parsed.id !== id) return null;
  const { version: _version, ...entry } = parsed;
  return entry;
};

export const createFileJournal = (dir: string, options: { now?: () => Date } = {}): Journal => {
  const now = options.now ?? (() => new Date());

  const ensureDir = () => mkdir(dir, { recursive: true, ...(POSIX ? { mode: 0o700 } : {}) });

  /** temp + fsync + rename: the entry is either fully there or not at all. */
  const writeAtomic = async (id: string, body: string) => {
    const temp = join(dir, `${id}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Retried on Windows when a scanner holds the fresh file for a moment (atomic-file.ts says why).
    await renameWithRetry(temp, join(dir, `${id}${SUFFIX}`));
  };

  const read = async (id: string): Promise<JournalEntry | null> => {
    if (!JOURNAL_ID_PATTERN.test(id)) return null;
    try {
      return parseEntry(await readFile(join(dir, `${id}${SUFFIX}`), 'utf8'), id);
    } catch (error) {
      if (isMissingFile(error)) return null;
      throw error;
    }
  };

  return {
    async begin(operation, intent) {
      await ensureDir();
      const entry: JournalEntry = { id: newId(now()), operation, startedAt: now().toISOString(), intent };
      await writeAtomic(entry.id, `${JSON.stringify({ version: 1, ...entry }, null, 2)}\n`);
      return entry;
    },
    async complete(id) {
      if (!JOURNAL_ID_PATTERN.test(id)) return;
      await unlink(join(dir, `${id}${SUFFIX}`)).catch((error: unknown) => {
        if (!isMissingFile(error)) throw error;
      });
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isMissingFile(error)) return [];
        throw error;
      }
      const ids = names
        .filter((name) => name.endsWith(SUFFIX))
        .map((name) => name.slice(0, -SUFFIX.length))
        .filter((id) => JOURNAL_ID_PATTERN.test(id))
        .sort();
      const entries: JournalEntry[] = [];
      for (const id of ids) {
        const entry = await read(id).catch(() => null);
        if (entry) entries.push(entry);
      }
      return entries;
    },
    read,
  };
};

/** The same contract in memory, for unit tests of the services (the file journal has its own tests). */
export const createMemoryJournal = (
  options: { now?: () => Date } = {},
): Journal & { readonly entries: JournalEntry[] } => {
  const now = options.now ?? (() => new Date());
  const entries: JournalEntry[] = [];
  return {
    entries,
    async begin(operation, intent) {
      // Validated like a file entry, so a test cannot record what the file journal would refuse.
      const entry: JournalEntry = { id: newId(now()), operation, startedAt: now().toISOString(), intent };
      if (!entrySchema.safeParse({ version: 1, ...entry }).success)
        throw new Error(`Invalid journal entry for ${operation}.`);
      entries.push(entry);
      return entry;
    },
    async complete(id) {
      const index = entries.findIndex((e) => e.id === id);
      if (index >= 0) entries.splice(index, 1);
    },
    list: async () => [...entries],
    read: async (id) => entries.find((e) => e.id === id) ?? null,
  };
};
