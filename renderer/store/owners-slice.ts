import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { Endpoint, OwnersChanges, OwnersView } from '../../shared/model';
import { applyEndpointChanges } from '../../shared/owners-delta';
import {
  closeConnectionSchema,
  killProcessSchema,
  lookupAddressSchema,
  MAX_LOOKUP_ADDRESSES,
} from '../../shared/validate';
import {
  closeRefusal,
  diffOwners,
  killRefusal,
  lookupCandidates,
  NO_DIFF,
  type CloseRefusal,
  type KillRefusal,
} from '../lib/owners';
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

const CLOSE_REFUSAL_MESSAGE: Record<CloseRefusal, string> = {
  ipv6: 'Windows can only close IPv4 connections this way.',
  'not-established': 'Only an ESTABLISHED TCP connection can be closed.',
  'no-native': 'Closing a connection needs the native read layer, which is not open.',
  'no-process': 'No process owns this connection.',
};

/** Names kept at most; past it the oldest go (a long session on a busy machine meets many peers). */
const MAX_NAMES = 4096;

export const createOwnersSlice =
  (api: Api): StateCreator<AppState, [], [], OwnersSlice> =>
  (set, get) => {
    let pendingLoad: Promise<void> | null = null;
    // Bumped when the query changes: a read of the old query that lands later is dropped, and the
    // diff only compares reads of the same query (else "All states" would light up every row).
    let query = 0;
    let viewQuery = -1;
    /**
     * The revision main gave the list in ownersView (owners:changes, issue #13); null when the view came
     * from elsewhere (a kill report) or another query, so the next poll asks for the full list.
     */
    let revision: number | null = null;
    const run = createChangeRunner(set, get);
    /** Addresses asked for and not answered yet: never asked twice at once. */
    const asking = new Set<string>();

    /**
     * Asks main for the names of remote addresses not known yet, after a read has been shown: the table
     * never waits for it, and shows a name when it arrives. One request at a time; the next read asks
     * for whatever is still missing. Addresses the schema would refuse are left out, not sent.
     */
    const lookUpNames = async (endpoints: readonly Endpoint[]) => {
      if (!get().ownersLookup || asking.size > 0) return;
      const addresses = lookupCandidates(endpoints, get().ownersNames, asking, MAX_LOOKUP_ADDRESSES).filter(
        (address) => lookupAddressSchema.safeParse(address).success,
      );
      if (addresses.length === 0) return;
      for (const address of addresses) asking.add(address);
      try {
        const result = await callApi(() => api.reverseLookup({ addresses }));
        if (!result.ok || !get().ownersLookup) return;
        const names = new Map(get().ownersNames);
        for (const { address, name } of result.value) names.set(address, name);
        while (names.size > MAX_NAMES) names.delete(names.keys().next().value as string);
        set({ ownersNames: names });
      } finally {
        for (const address of addresses) asking.delete(address);
      }
    };

    /** The view an answer describes, or null when a delta does not fit the list held (then ask in full). */
    const viewOf = (changes: OwnersChanges, forQuery: number): OwnersView | null => {
      if (changes.kind === 'full') return changes.view;
      const held = get().ownersView;
      if (changes.base !== revision || viewQuery !== forQuery || held === null) return null;
      const endpoints = applyEndpointChanges(held.endpoints, changes);
      return endpoints === null ? null : { ...changes.view, endpoints };
    };

    const show = (view: OwnersView, forQuery: number, fromRevision: number | null = null) => {
      revision = fromRevision;
      const { endpoints } = view;
      const previous = viewQuery === forQuery ? (get().ownersView?.endpoints ?? null) : null;
      const diff = diffOwners(previous, endpoints);
      viewQuery = forQuery;
      set({
        ownersView: view,
        ownersError: null,
        ownersAdded: diff.added,
        ownersRemoved: diff.removed,
      });
      void lookUpNames(endpoints);
    };

    const read = async () => {
      const forQuery = query;
      set({ ownersLoading: true });
      const allStates = get().ownersAllStates;
      let result = await callApi(() => api.listOwnerChanges({ allStates, revision }));
      if (forQuery !== query) return;
      let view = result.ok ? viewOf(result.value, forQuery) : null;
      if (result.ok && view === null) {
        // A delta against a list this window no longer holds: ask for the whole list once.
        revision = null;
        result = await callApi(() => api.listOwnerChanges({ allStates, revision: null }));
        if (forQuery !== query) return;
        view = result.ok ? viewOf(result.value, forQuery) : null;
      }
      set({ ownersLoading: false });
      if (result.ok && view !== null) {
        show(view, forQuery, result.value.revision);
        get().dismissNotice('owners');
      } else if (!result.ok) {
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
      ownersLookup: false,
      ownersNames: new Map(),

      loadOwners,

      setOwnersLookup(on) {
        if (on === get().ownersLookup) return;
        set({ ownersLookup: on });
        const view = get().ownersView;
        if (on && view) void lookUpNames(view.endpoints);
      },

      async closeConnection(target) {
        if (refuseUnelevated(set, get, 'close-connection')) return;
        const refusal = closeRefusal(target, get().ownersView?.nativeLayer === true);
        if (refusal !== null) {
          setOperation(set, 'close-connection', {
            status: 'failed',
            error: { code: 'refused', message: CLOSE_REFUSAL_MESSAGE[refusal] },
          });
          return;
        }
        const parsed = closeConnectionSchema.safeParse({
          localAddress: target.localAddress,
          localPort: target.localPort,
          remoteAddress: target.remoteAddress,
          remotePort: target.remotePort,
          pid: target.pid,
          image: target.image,
        });
        if (!parsed.success) return refuseInvalid(set, 'close-connection', parsed.error);
        const result = await run('close-connection', () => api.closeConnection(parsed.data), {
          applied: () => ({}),
          reread: loadOwners,
        });
        // The report names the connection; the table follows from a fresh read either way.
        if (result?.ok) await loadOwners();
      },

      async setOwnersAllStates(allStates) {
        if (allStates === get().ownersAllStates) return;
        query += 1;
        revision = null;
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
        if (listeners && forQuery === query) show(result.value.owners, forQuery);
        else await loadOwners();
      },
    };
  };
