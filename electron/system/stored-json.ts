/**
 * Reading the app's own JSON files back (backups, the journal, the audit log, watched ports). They
 * live in an admin-only folder, but are still validated on every read: a hand-edited, truncated or
 * planted file must read as "nothing", never as data that reaches a command.
 */
import type { z } from 'zod';

export const isMissingFile = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** The value when `text` is JSON that `schema` accepts; null otherwise. Never throws. */
export const parseJsonWith = <S extends z.ZodType>(schema: S, text: string): z.output<S> | null => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
};
