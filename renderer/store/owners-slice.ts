import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { Endpoint } from '../../shared/model';
import { killProcessSchema } from '../../shared/validate';
import { diffOwners, killRefusal, NO_DIFF, type KillRefusal } from '../lib/owners';
import { callApi } from './call-api';
import { createChangeRunner, refuseInvalid, refuseUnelevated, setOperation } from './change-runner';
import type { AppState, OwnersSlice } from './types';

const REFUSAL_MESSAGE: Record<KillRefusal, string> = {
  'no-process': 'No process owns this endpoint.',
  system: 'PID 0 and 4 are Windows itself and cannot be ended.',
  critical: 'Ending this Windows process would crash or log off Windows.',
  'critical-service':
    'This process hosts a service Windows cannot run without; ending it would crash or cripple Windows.',
};

export const createOwnersSlice =
  (api: Api): StateCreator<AppState, [], [], OwnersSlice> =>
  (set, get) => {
    let pendingLoad: Promise<void> | null = null;
    // Bumped when the query changes: a read of the old query that lands later is dropped, and the
    // diff only compares reads of the same query (else "All states" would light up every row).
    let query = 0;
    let viewQuery = -1;
    const run = createChangeRunner(set, get);

    const show = (endpoints: readonly Endpoint[], readAt: string, forQuery: number) => {
      const previous = viewQuery === forQuery ? (get().ownersView?.endpoints ?? null) : null;
      const diff = diffOwners(previous, endpoints);
      viewQuery = forQuery;
      set({
        ownersView: { endpoints, readAt },
        ownersError: null,
        ownersAdded: diff.added,
        ownersRemoved: diff.removed,
      });
    };

    const read = async () => {
      const forQuery = query;
      set({ ownersLoading: true });
      const result = await callApi(() => api.listOwners({ allStates: get().ownersAllStates }));
      if (forQuery !== query) return;
      set({ ownersLoading: false });
      if (result.ok) {
        show(result.value.endpoints, result.value.readAt, forQuery);
        get().dismissNotice('owners');
      } else {
        set({ ownersError: result.error });
        get().showNotice('owners', result.error);
      }
    };

    const loadOwners = (): Promise<void> => {
      // The timer and F5 can meet: one read in flight is enough.
      pendingLoad ??= read().finally(() => {
        pendingLoad = null;
      });
      return pendingLoad;
    };

    return {
      ownersView: null,
      ownersError: null,
      ownersLoading: false,
      ownersAllStates: false,
      ownersInterval: 2000,
      ownersPaused: false,
      ownersAdded: NO_DIFF.added,
      ownersRemoved: NO_DIFF.removed,

      loadOwners,

      async setOwnersAllStates(allStates) {
        if (allStates === get().ownersAllStates) return;
        query += 1;
        set({
          ownersAllStates: allStates,
          ownersAdded: NO_DIFF.added,
          ownersRemoved: NO_DIFF.removed,
          ownersLoading: false,
        });
        // The read in flight asked the other question; wait for it to drop out, then ask this one.
        await pendingLoad;
        await loadOwners();
      },

      setOwnersRefreshInterval(interval) {
        set({ ownersInterval: interval });
      },

      pauseOwnersRefresh(paused) {
        set({ ownersPaused: paused });
      },

      async killProcess(target) {
        if (refuseUnelevated(set, get, 'kill')) return;
        const refusal = killRefusal(target);
        if (refusal !== null) {
          setOperation(set, 'kill', {
            status: 'failed',
            error: { code: 'refused', message: REFUSAL_MESSAGE[refusal] },
          });
          return;
        }
        const input = { pid: target.pid, image: target.image };
        const parsed = killProcessSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'kill', parsed.error);
        const forQuery = query;
        const listeners = !get().ownersAllStates;
        const result = await run('kill', () => api.killProcess(parsed.data), {
          applied: () => ({}),
          reread: loadOwners,
        });
        if (!result?.ok) return;
        // The report lists listeners; in "All states" it would look like every connection vanished, so read again.
        if (listeners && forQuery === query) show(result.value.owners.endpoints, result.value.owners.readAt, forQuery);
        else await loadOwners();
      },
    };
  };
