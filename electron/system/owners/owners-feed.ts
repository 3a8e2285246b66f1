/**
 * The owners auto-refresh as changes (owners:changes, issue #13). For each window (webContents) main
 * remembers the last list it sent and that list's revision; a poll that names that revision gets the
 * changes since (shared/owners-delta.ts), anything else the full list.
 *
 * The renderer is hostile input to this elevated process (docs/architecture.md §5): the revision it sends
 * is only ever compared with the one main remembers for that same window, so a made-up, old or other
 * window's number just costs a full answer. Memory is bounded: one list per window, at most
 * MAX_WINDOWS windows (the app has one; the browser harness may have a few), the least recently polled
 * forgotten first; a list is replaced, never accumulated, on every poll.
 */
import type { OwnersChanges, OwnersView } from '../../../shared/model';
import { diffEndpoints } from '../../../shared/owners-delta';

export const MAX_WINDOWS = 4;

export interface OwnersPoll {
  readonly allStates: boolean;
  /** The revision of the list the window holds; null when it holds none. */
  readonly revision: number | null;
}

export interface OwnersFeed {
  /** The answer to `poll` from window `sender`, given the fresh read `view`; remembers `view` for it. */
  answer(sender: number, poll: OwnersPoll, view: OwnersView): OwnersChanges;
  /** Windows remembered now; for tests and the memory bench. */
  readonly windows: number;
}

interface Sent {
  readonly revision: number;
  readonly allStates: boolean;
  readonly view: OwnersView;
}

export const createOwnersFeed = (options: { maxWindows?: number } = {}): OwnersFeed => {
  const maxWindows = options.maxWindows ?? MAX_WINDOWS;
  /** Map order is the recency order: a polling window is moved to the end. */
  const sent = new Map<number, Sent>();
  // One counter for all windows, so a revision names one list of one window and nothing else.
  let nextRevision = 1;

  return {
    get windows() {
      return sent.size;
    },
    answer(sender, poll, view) {
      const last = sent.get(sender);
      const revision = nextRevision++;
      sent.delete(sender);
      sent.set(sender, { revision, allStates: poll.allStates, view });
      while (sent.size > maxWindows) sent.delete(sent.keys().next().value as number);

      // Another question (All states) is another list: only the same one can be diffed.
      const base =
        last !== undefined &&
        poll.revision !== null &&
        poll.revision === last.revision &&
        last.allStates === poll.allStates
          ? last
          : null;
      const changes = base === null ? null : diffEndpoints(base.view.endpoints, view.endpoints);
      if (base === null || changes === null) return { kind: 'full', revision, view };
      const { endpoints: _endpoints, ...rest } = view;
      return { kind: 'delta', revision, base: base.revision, view: rest, ...changes };
    },
  };
};
