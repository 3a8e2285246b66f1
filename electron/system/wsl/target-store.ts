/**
 * Which rule follows which distro: `{ "version": 1, "targets": [...] }` in wsl-targets.json in the
 * app's admin-only data folder, keyed by the rule's listen key. Read with a strict schema (a planted
 * or hand-edited file reads as no targets, never as data that reaches a command: the distro name is
 * validated with the IPC pattern again); written atomically and one write at a time, like the
 * watched-ports file (watch/config-store.ts).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { distroNameSchema } from '../../../shared/validate';
import { isMissingFile, parseJsonWith } from '../stored-json';
import { writeFileAtomic } from '../watch/atomic-file';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const storedTargetSchema = z.strictObject({
  listenKey: z.string().max(200),
  type: z.enum(['v4tov4', 'v6tov4']),
  listenAddress: z.string().max(100),
  listenPort: z.int().min(1).max(65535),
  connectPort: z.int().min(1).max(65535),
  distro: distroNameSchema,
  lastAddress: z.string().regex(IPV4),
  movedAt: z.string().max(40).nullable(),
  addedAt: z.string().max(40),
});
export type StoredWslTarget = z.output<typeof storedTargetSchema>;

const fileSchema = z.strictObject({ version: z.literal(1), targets: z.array(storedTargetSchema).max(1000) });

export interface WslTargetStore {
  read(): Promise<StoredWslTarget[]>;
  write(targets: readonly StoredWslTarget[]): Promise<void>;
}

export const createWslTargetStore = (file: string, options: { log?: (line: string) => void } = {}): WslTargetStore => {
  const log = options.log ?? ((line: string) => console.warn(line));
  let writing: Promise<void> = Promise.resolve();
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (!isMissingFile(error)) log(`wsl targets: cannot read ${file}: ${String(error)}`);
        return [];
      }
      const parsed = parseJsonWith(fileSchema, text);
      if (parsed === null) log(`wsl targets: ${file} is not a valid version 1 file; no rule follows a distro`);
      return parsed?.targets ?? [];
    },
    write(targets) {
      const body = `${JSON.stringify({ version: 1, targets }, null, 2)}\n`;
      const next = writing.catch(() => undefined).then(() => writeFileAtomic(file, body));
      writing = next;
      return next;
    },
  };
};

/** For tests and hosts without a data folder. */
export const createMemoryWslTargetStore = (initial: readonly StoredWslTarget[] = []): WslTargetStore => {
  let targets = [...initial];
  return {
    read: async () => [...targets],
    write: async (next) => {
      targets = [...next];
    },
  };
};
