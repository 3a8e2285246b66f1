import type { StateCreator } from 'zustand/vanilla';
import type { AppState, UiSlice } from './types';

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  dialog: null,
  activityOpen: false,
  portQuery: '',
  notices: [],

  openDialog(dialog) {
    const operation = get().operations[dialog.kind];
    // A fresh dialog starts at its form, not at the previous run's outcome; a running change keeps its progress.
    const reset = operation.status === 'running' ? {} : { operations: { ...get().operations, [dialog.kind]: { status: 'idle' } } };
    set({ dialog, ...reset });
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
