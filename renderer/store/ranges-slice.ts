import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { ChangeReport } from '../../shared/model';
import type { Result } from '../../shared/result';
import { addExclusionSchema, deleteExclusionSchema, resetDynamicSchema } from '../../shared/validate';
import { callApi } from './call-api';
import { createChangeRunner, refuseInvalid } from './change-runner';
import type { AppState, RangeChangeKind, RangesSlice } from './types';

export const createRangesSlice =
  (api: Api): StateCreator<AppState, [], [], RangesSlice> =>
  (set, get) => {
    let pendingRefresh: Promise<void> | null = null;
    const run = createChangeRunner(set, get);

    const runChange = async (kind: RangeChangeKind, call: () => Promise<Result<ChangeReport>>): Promise<void> => {
      await run(kind, call, {
        applied: (report) => ({ snapshot: report.snapshot, snapshotError: null }),
        reread: () => get().refresh(),
      });
    };

    return {
      snapshot: null,
      snapshotError: null,
      refreshing: false,
      refresh() {
        // F5 held down or a refresh racing a start-up read: one read in flight is enough.
        pendingRefresh ??= (async () => {
          set({ refreshing: true });
          const result = await callApi(() => api.getSnapshot());
          if (result.ok) {
            set({ snapshot: result.value, snapshotError: null, refreshing: false });
            get().dismissNotice('refresh');
          } else {
            set({ snapshotError: result.error, refreshing: false });
            get().showNotice('refresh', result.error);
          }
        })().finally(() => {
          pendingRefresh = null;
        });
        return pendingRefresh;
      },

      protectPort(input) {
        const parsed = addExclusionSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'protect', parsed.error);
        return runChange('protect', () => api.addExclusion(input));
      },

      deleteExclusion(input) {
        const parsed = deleteExclusionSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'delete', parsed.error);
        return runChange('delete', () => api.deleteExclusion(input));
      },

      resetDynamicRange(input) {
        const parsed = resetDynamicSchema.safeParse(input);
        if (!parsed.success) return refuseInvalid(set, 'reset', parsed.error);
        return runChange('reset', () => api.resetDynamicRange(input));
      },

      restartWinnat() {
        return runChange('restart', () => api.restartWinnat());
      },
    };
  };
