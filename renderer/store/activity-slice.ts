import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { CommandRecord } from '../../shared/model';
import { callApi } from './call-api';
import type { ActivitySlice, AppState } from './types';

/** The main process keeps its own bounded log; the window keeps at most this many records. */
export const ACTIVITY_LIMIT = 1000;

/** The channel's limits (shared/validate.ts rendererErrorSchema): longer text is cut, not refused. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Union by id, oldest first: the list read at start and the pushed records overlap. A change's
 * records come again with their verified result when it settles: those replace the known ones.
 */
const merge = (known: readonly CommandRecord[], incoming: readonly CommandRecord[]): readonly CommandRecord[] => {
  const byId = new Map(known.map((record) => [record.id, record]));
  let changed = false;
  for (const record of incoming) {
    const existing = byId.get(record.id);
    // Results only move from 'pending' to final: a late list read must not undo a pushed settlement.
    if (!existing || (existing.verified !== record.verified && record.verified !== 'pending')) {
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

    reportRendererError(report) {
      const input = {
        kind: report.kind,
        message: cut(report.message, 2000),
        ...(report.stack ? { stack: cut(report.stack, 8000) } : {}),
        ...(report.source ? { source: cut(report.source, 500) } : {}),
      };
      // Fire and forget: a report that cannot be delivered must not raise another error.
      void callApi(() => api.reportRendererError(input));
    },
  });
