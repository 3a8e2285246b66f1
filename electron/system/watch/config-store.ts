/**
 * The watched-ports list as `{ "version": 1, "ports": [{ "port": 3000, "protocol": "tcp" }] }` in the
 * app's admin-only data folder. Read with the same zod schema as the IPC input, so a hand-edited
 * file cannot hold what the UI could not send; a missing file is an empty list, and a corrupt one is
 * an empty list plus a log line (the app must still start). Writes are atomic and serialized.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { WatchedPort } from '../../../shared/model';
import { watchedPortsSchema } from '../../../shared/validate';
import type { WatchConfigStore } from '../owners/types';
import { writeFileAtomic } from './atomic-file';
import { isMissingFile } from '../stored-json';
import { messageOf } from '../../../shared/result';

const fileSchema = watchedPortsSchema.safeExtend({ version: z.literal(1) });

export interface WatchConfigStoreOptions {
  /** Where "the file was unreadable" goes; the main process log by default. */
  readonly log?: (line: string) => void;
}

export const createWatchConfigStore = (file: string, options: WatchConfigStoreOptions = {}): WatchConfigStore => {
  const log = options.log ?? ((line: string) => console.warn(line));
  let writing: Promise<void> = Promise.resolve();

  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (!isMissingFile(error)) log(`watched ports: cannot read ${file}: ${messageOf(error)}`);
        return [];
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        log(`watched ports: ${file} is not JSON; starting with an empty list`);
        return [];
      }
      const parsed = fileSchema.safeParse(data);
      if (!parsed.success) {
        log(
          `watched ports: ${file} is not a valid version 1 list (${parsed.error.issues.map((i) => i.message).join(', ')}); starting with an empty list`,
        );
        return [];
      }
      return parsed.data.ports.map(({ port, protocol }) => ({ port, protocol }));
    },

    write(ports) {
      const body = { version: 1, ports: ports.map(({ port, protocol }): WatchedPort => ({ port, protocol })) };
      // One write at a time, in call order: the last call's list is what stays on disk.
      const next = writing
        .catch(() => undefined)
        .then(() => writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`));
      writing = next;
      return next;
    },
  };
};
