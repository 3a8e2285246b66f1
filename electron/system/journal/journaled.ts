/**
 * Runs one multi-step change under a journal entry (store.ts). The entry is written before the
 * change's first command; it is removed only when the change ended with a verified outcome. An
 * `unknown` outcome (the final read failed) or a thrown error keeps it, so the user is offered the
 * finish / roll back choice instead of the app guessing.
 */
import type { JournalIntent, Outcome } from '../../../shared/model';
import { err, ok, type Result, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
import type { Journal } from './store';

export const journaled = async <R extends { readonly outcome: Outcome }>(
  journal: Journal,
  op: Operation,
  intent: JournalIntent,
  change: () => Promise<R>,
): Promise<Result<R>> => {
  let id: string;
  try {
    ({ id } = await journal.begin(op.name, intent));
  } catch (error) {
    // Write-ahead means exactly this: no journal entry, no change.
    return err('storage-failed', 'Could not write the change journal, so nothing was changed.', {
      detail: messageOf(error),
    });
  }
  const report = await change();
  if (report.outcome !== 'unknown') {
    // A failed removal only means the (finished) change is offered once more at the next start.
    await journal.complete(id).catch(() => undefined);
  }
  return ok(report);
};
