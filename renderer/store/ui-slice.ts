import type { StateCreator } from 'zustand/vanilla';
import { IDLE } from './change-runner';
import type { AppState, ChangeKind, Dialog, UiSlice } from './types';
import { assertNever } from '../../shared/assert-never';

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
    const from = get().view;
    set({ view });
    const state = get();
    const rulesMissing = state.rulesView === null && state.rulesError === null && !state.rulesLoading;
    // The owners view reads (and keeps reading) by itself while it is mounted: see use-owners-polling.
    if (view === 'forwarding' && rulesMissing) void state.loadRules();
    if (view === 'doctor') {
      if (state.watchStates === null) void state.loadWatchedPorts();
      // Back from a fix made elsewhere (an edit in Forwarding): the shown answer may be stale.
      if (from !== 'doctor' && state.doctorReport !== null) void state.recheckDoctor();
    }
    if (view === 'map') {
      // The map explains ports from what the store holds; read what is not there yet.
      if (state.snapshot === null && !state.refreshing) void state.refresh();
      if (state.ownersView === null) void state.loadOwners();
      if (rulesMissing) void state.loadRules();
    }
  },

  async refreshView() {
    const state = get();
    switch (state.view) {
      case 'forwarding':
        return state.loadRules();
      case 'owners':
        return state.loadOwners();
      case 'doctor':
        await Promise.all([state.refresh(), state.doctorReport ? state.recheckDoctor() : null]);
        return;
      case 'map':
        await Promise.all([state.refresh(), state.loadOwners(), state.loadRules()]);
        return;
      case 'ranges':
        return state.refresh();
      default:
        return assertNever(state.view);
    }
  },

  openDialog(dialog) {
    const operations = get().operations;
    // Dialogs that only show something (export) have no operation.
    const kind = dialog.kind in operations ? (dialog.kind as ChangeKind) : null;
    // A fresh dialog starts at its form, not at the previous run's outcome; a running change keeps its progress.
    const reset =
      kind === null || operations[kind].status === 'running' ? {} : { operations: { ...operations, [kind]: IDLE } };
    set({ dialog, ...reset, ...freshState(dialog) });
  },

  closeDialog() {
    const dialog = get().dialog;
    set({ dialog: null });
    const operations = get().operations;
    const kind = dialog !== null && dialog.kind in operations ? (dialog.kind as ChangeKind) : null;
    // A fix started from the doctor: once it has an outcome, show the port's new answer.
    if (kind !== null && operations[kind].status === 'done' && get().view === 'doctor') void get().recheckDoctor();
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
