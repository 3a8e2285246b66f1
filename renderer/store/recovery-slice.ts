import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { UnfinishedChange } from '../../shared/model';
import { callApi, notElevatedError } from './call-api';
import { changeBlock } from './selectors';
import type { AppState, RecoverySlice, RecoveryState } from './types';

const busyError = { code: 'refused', message: 'Another change is still running.' } as const;

const without = <T>(record: Readonly<Record<string, T>>, id: string): Readonly<Record<string, T>> => {
  if (!(id in record)) return record;
  const { [id]: _removed, ...rest } = record;
  return rest;
};

/**
 * Interrupted changes (the main process's write-ahead journal). They are listed at start and again after
 * each resolution, not after every change: an entry is only left behind by a Portwarden that died in
 * the middle of a change (or could not verify it). A change made in this window reports its own
 * outcome, "unknown" included, in its dialog; listing again after it would show the same change twice,
 * as a banner next to the dialog the user is reading. Whatever it left stays journaled and is offered
 * at the next start.
 */
export const createRecoverySlice =
  (api: Api): StateCreator<AppState, [], [], RecoverySlice> =>
  (set, get) => {
    const setRecovery = (id: string, state: RecoveryState | null) =>
      set((current) => ({
        recoveries: state === null ? without(current.recoveries, id) : { ...current.recoveries, [id]: state },
      }));

    /** A resolution ran commands: show what Windows holds now, as every change flow does after a change. */
    const rereadAfter = async (change: UnfinishedChange | undefined) => {
      const state = get();
      const reads: Promise<void>[] = [state.loadUnfinishedChanges()];
      if (change?.intent.kind === 'rules') {
        // Rules not read yet are read when the Forwarding tab opens (ui-slice showView).
        if (state.rulesView !== null || state.rulesError !== null) reads.push(state.loadRules());
      } else {
        reads.push(state.refresh());
      }
      await Promise.all(reads);
    };

    return {
      unfinished: null,
      recoveries: {},
      recovered: [],

      async loadUnfinishedChanges() {
        const result = await callApi(() => api.listUnfinishedChanges());
        if (result.ok) {
          set({ unfinished: result.value });
          get().dismissNotice('journal');
        } else {
          get().showNotice('journal', result.error);
        }
      },

      async resolveUnfinishedChange(id, action) {
        const state = get();
        // Like every change: unelevated (or not known yet) or while another change runs, nothing is sent.
        const block = changeBlock(state);
        if (block !== null) {
          setRecovery(id, { status: 'failed', action, error: block === 'busy' ? busyError : notElevatedError });
          return;
        }
        const change = state.unfinished?.find((candidate) => candidate.id === id);
        setRecovery(id, { status: 'running', action });
        const result = await callApi(() => api.resolveUnfinishedChange({ id, action }));
        if (result.ok && result.value.resolved) {
          const report = result.value;
          setRecovery(id, null);
          // Gone from the journal: the banner goes now, not only once the list is read again.
          set((current) => ({
            unfinished: current.unfinished?.filter((candidate) => candidate.id !== id) ?? null,
            recovered: change
              ? [...current.recovered.filter((r) => r.change.id !== id), { change, action, report }]
              : current.recovered,
          }));
        } else {
          // Not resolved: the entry stays in the journal and the banner keeps the answer next to the buttons.
          setRecovery(
            id,
            result.ok
              ? { status: 'done', action, report: result.value }
              : { status: 'failed', action, error: result.error },
          );
        }
        await rereadAfter(change);
      },

      dismissRecovered(id) {
        set((current) => ({ recovered: current.recovered.filter((r) => r.change.id !== id) }));
      },
    };
  };
