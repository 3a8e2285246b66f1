import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import { callApi, notElevatedError } from './call-api';
import type { AppState, AutostartSlice } from './types';

export const createAutostartSlice =
  (api: Api): StateCreator<AppState, [], [], AutostartSlice> =>
  (set, get) => ({
    autostart: null,
    autostartError: null,
    autostartSaving: false,

    async loadAutostart() {
      const result = await callApi(() => api.getAutostart());
      set(result.ok ? { autostart: result.value, autostartError: null } : { autostartError: result.error });
    },

    async setAutostart(enabled) {
      // Creating a task with highest privileges needs admin rights: unelevated, nothing is sent.
      if (get().systemInfo?.elevated !== true) {
        set({ autostartError: notElevatedError });
        return false;
      }
      set({ autostartSaving: true });
      const result = await callApi(() => api.setAutostart({ enabled }));
      set({ autostartSaving: false });
      if (result.ok) {
        set({ autostart: result.value, autostartError: null });
        return true;
      }
      set({ autostartError: result.error });
      // The change may have half-happened: show what the task really is now.
      await get().loadAutostart();
      set({ autostartError: result.error });
      return false;
    },
  });
