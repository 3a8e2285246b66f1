import type { StateCreator } from 'zustand/vanilla';
import { IDLE } from './change-runner';
import type { AppState, ChangeKind, Dialog, UiSlice } from './types';

/** What a freshly opened dialog must not inherit from the last one beyond its operation. */
const freshState = (dialog: Dialog): Partial<AppState> => {
  if (dialog.kind === 'add-rule') return { preflight: IDLE, replaceQuestion: null };
  if (dialog.kind === 'import-rules') return { importIssues: [] };
  return {};
};

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  view: 'ranges',
  dialog: null,
  activityOpen: false,
  portQuery: '',
  notices: [],

  showView(view) {
    set({ view });
    const { rulesView, rulesError, rulesLoading } = get();
    if (view === 'forwarding' && rulesView === null && rulesError === null && !rulesLoading) void get().loadRules();
  },

  refreshView() {
    return get().view === 'forwarding' ? get().loadRules() : get().refresh();
  },

  openDialog(dialog) {
    const operations = get().operations;
    // Dialogs that only show something (export) have no operation.
    const kind = dialog.kind in operations ? (dialog.kind as ChangeKind) : null;
    // A fresh dialog starts at its form, not at the previous run's outcome; a running change keeps its progress.
    const reset = kind === null || operations[kind].status === 'running' ? {} : { operations: { ...operations, [kind]: IDLE } };
    set({ dialog, ...reset, ...freshState(dialog) });
  },

  closeDialog() {
    set({ dialog: null });
  },

  openActivity() {
    set({ activityOpen: true });
  },

  closeActivity() {
    set({ activityOpen: false });
  },

  setPortQuery(text) {
    set({ portQuery: text });
  },

  showNotice(source, error) {
    set((state) => ({ notices: [...state.notices.filter((n) => n.source !== source), { source, error }] }));
  },

  dismissNotice(source) {
    if (get().notices.some((n) => n.source === source)) {
      set((state) => ({ notices: state.notices.filter((n) => n.source !== source) }));
    }
  },
});
