import type { StateCreator } from 'zustand/vanilla';
import type { z } from 'zod';
import type { Api } from '../../shared/ipc';
import type { ChangeReport } from '../../shared/model';
import type { AppError, Result } from '../../shared/result';
import { addExclusionSchema, deleteExclusionSchema, fieldIssues, resetDynamicSchema } from '../../shared/validate';
import { callApi, notElevatedError } from './call-api';
import type { AppState, ChangeKind, OperationState, RangesSlice } from './types';

const IDLE: OperationState = { status: 'idle' };

/** Fails like the main process would, so a form bug never sends junk over IPC. */
const invalid = (error: z.ZodError): AppError => {
  const first = fieldIssues(error)[0];
  return {
    code: 'invalid-input',
    message: `${first?.field ?? 'input'} ${first?.key ?? 'required'}`,
    ...(first ? { field: first.field, detail: first.key } : {}),
  };
};

/** After these the state on screen may be stale: read it again rather than guess (DESIGN §3). */
const STALE_AFTER: ReadonlySet<AppError['code']> = new Set(['unknown-outcome', 'conflict', 'not-found']);

export const createRangesSlice =
  (api: Api): StateCreator<AppState, [], [], RangesSlice> =>
  (set, get) => {
    let pendingRefresh: Promise<void> | null = null;

    const setOperation = (kind: ChangeKind, state: OperationState) =>
      set((current) => ({ operations: { ...current.operations, [kind]: state } }));

    /**
     * One path for every change: refuse while unelevated (the api is not even called), run, then show
     * the state the main process read back, never a locally patched copy.
     */
    const runChange = async (kind: ChangeKind, call: () => Promise<Result<ChangeReport>>): Promise<void> => {
      if (get().systemInfo?.elevated !== true) {
        setOperation(kind, { status: 'failed', error: notElevatedError });
        return;
      }
      if (get().operations[kind].status === 'running') return;
      setOperation(kind, { status: 'running' });
      const result = await callApi(call);
      if (result.ok) {
        set((current) => ({
          snapshot: result.value.snapshot,
          snapshotError: null,
          operations: { ...current.operations, [kind]: { status: 'done', report: result.value } },
        }));
        return;
      }
      setOperation(kind, { status: 'failed', error: result.error });
      if (STALE_AFTER.has(result.error.code)) await get().refresh();
    };

    return {
      snapshot: null,
      snapshotError: null,
      refreshing: false,
      operations: { protect: IDLE, delete: IDLE, reset: IDLE, restart: IDLE },

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
        if (!parsed.success) {
          setOperation('protect', { status: 'failed', error: invalid(parsed.error) });
          return Promise.resolve();
        }
        return runChange('protect', () => api.addExclusion(input));
      },

      deleteExclusion(input) {
        const parsed = deleteExclusionSchema.safeParse(input);
        if (!parsed.success) {
          setOperation('delete', { status: 'failed', error: invalid(parsed.error) });
          return Promise.resolve();
        }
        return runChange('delete', () => api.deleteExclusion(input));
      },

      resetDynamicRange(input) {
        const parsed = resetDynamicSchema.safeParse(input);
        if (!parsed.success) {
          setOperation('reset', { status: 'failed', error: invalid(parsed.error) });
          return Promise.resolve();
        }
        return runChange('reset', () => api.resetDynamicRange(input));
      },

      restartWinnat() {
        return runChange('restart', () => api.restartWinnat());
      },
    };
  };
