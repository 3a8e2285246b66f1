/**
 * The one path every change takes, whichever slice asks: refuse while unelevated (the api is not even
 * called), run one at a time, then show the state the main process read back, never a locally patched copy.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { z } from 'zod';
import type { AppError, Result } from '../../shared/result';
import { fieldIssues } from '../../shared/validate';
import { callApi, notElevatedError } from './call-api';
import type { AppState, ChangeKind, OperationState, Operations, OperationsSlice, ReportOf } from './types';

export const IDLE = { status: 'idle' } as const;

export const createOperationsSlice = (): OperationsSlice => ({
  operations: {
    protect: IDLE,
    delete: IDLE,
    reset: IDLE,
    restart: IDLE,
    'add-rule': IDLE,
    'edit-rule': IDLE,
    'delete-rules': IDLE,
    'reset-rules': IDLE,
    'import-rules': IDLE,
    'restore-backup': IDLE,
    'start-iphlpsvc': IDLE,
    'set-rule-note': IDLE,
    'disable-rule': IDLE,
    'enable-rule': IDLE,
    'adopt-drift': IDLE,
    'restore-drift': IDLE,
    kill: IDLE,
    'close-connection': IDLE,
    'wsl-resync': IDLE,
  } satisfies Operations,
});

/** Fails like the main process would, so a form bug never sends junk over IPC. */
export const invalidInput = (error: z.ZodError): AppError => {
  const first = fieldIssues(error)[0];
  return {
    code: 'invalid-input',
    message: `${first?.field ?? 'input'} ${first?.key ?? 'required'}`,
    ...(first ? { field: first.field, detail: first.key } : {}),
  };
};

/**
 * After these the state on screen may be stale: read it again rather than guess (docs/architecture.md §3).
 * `internal` is a bug in main that may have struck after a command ran. A change that ran and could not
 * be verified is not an error at all: it answers ok with outcome 'unknown' and its own re-read.
 */
export const STALE_AFTER: ReadonlySet<AppError['code']> = new Set(['conflict', 'not-found', 'internal']);

type SetState = StoreApi<AppState>['setState'];
type GetState = StoreApi<AppState>['getState'];

export const setOperation = <K extends ChangeKind>(set: SetState, kind: K, state: OperationState<ReportOf<K>>) =>
  set((current) => ({ operations: { ...current.operations, [kind]: state } }));

export interface ChangeOptions<K extends ChangeKind> {
  /** The state to show after success, taken from the report (the re-read), merged with the operation's outcome. */
  readonly applied: (report: ReportOf<K>) => Partial<AppState>;
  /** Reads the affected state again after an error that leaves the screen stale. */
  readonly reread: () => Promise<void>;
}

/** True (and the operation shows why) when the app may not change anything: unelevated or not known yet. */
export const refuseUnelevated = (set: SetState, get: GetState, kind: ChangeKind): boolean => {
  if (get().systemInfo?.elevated === true) return false;
  setOperation(set, kind, { status: 'failed', error: notElevatedError });
  return true;
};

/**
 * Runs a change and answers its Result (null when it was refused before calling the api), so the caller
 * can follow up: check the saved rule, turn a `conflict` into a question.
 */
export const createChangeRunner =
  (set: SetState, get: GetState) =>
  async <K extends ChangeKind>(
    kind: K,
    call: () => Promise<Result<ReportOf<K>>>,
    options: ChangeOptions<K>,
  ): Promise<Result<ReportOf<K>> | null> => {
    if (refuseUnelevated(set, get, kind)) return null;
    if (get().operations[kind].status === 'running') return null;
    setOperation(set, kind, { status: 'running' });
    const result = await callApi(call);
    if (result.ok) {
      set((current) => ({
        ...options.applied(result.value),
        operations: { ...current.operations, [kind]: { status: 'done', report: result.value } },
      }));
      return result;
    }
    setOperation(set, kind, { status: 'failed', error: result.error });
    if (STALE_AFTER.has(result.error.code)) await options.reread();
    return result;
  };

/** Refuses invalid input as a failed operation, without calling the api. */
export const refuseInvalid = <K extends ChangeKind>(set: SetState, kind: K, error: z.ZodError): Promise<void> => {
  setOperation(set, kind, { status: 'failed', error: invalidInput(error) });
  return Promise.resolve();
};
