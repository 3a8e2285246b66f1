import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { CommandRecord } from '../../shared/model';
import { callApi } from './call-api';
import type { ActivitySlice, AppState } from './types';

/** The main process keeps its own bounded log; the window keeps at most this many records. */
export const ACTIVITY_LIMIT = 1000;

/** Union by id, oldest first: the list read at start and the pushed records overlap. */
const merge = (known: readonly CommandRecord[], incoming: readonly CommandRecord[]): readonly CommandRecord[] => {
  const byId = new Map(known.map((record) => [record.id, record]));
  let changed = false;
  for (const record of incoming) {
    if (!byId.has(record.id)) {
      byId.set(record.id, record);
      changed = true;
    }
  }
  if (!changed) return known;
  return [...byId.values()].sort((a, b) => a.id - b.id).slice(-ACTIVITY_LIMIT);
};

export const createActivitySlice =
  (api: Api): StateCreator<AppState, [], [], ActivitySlice> =>
  (set, get) => ({
    records: [],

    async loadActivity() {
      const result = await callApi(() => api.listActivity());
      if (result.ok) {
        set((state) => ({ records: merge(state.records, result.value) }));
        get().dismissNotice('activity');
      } else {
        get().showNotice('activity', result.error);
      }
    },

    recordActivity(record) {
      const records = merge(get().records, [record]);
      if (records !== get().records) set({ records });
    },
  });
