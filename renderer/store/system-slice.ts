import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import { callApi } from './call-api';
import type { AppState, SystemSlice } from './types';

export const createSystemSlice =
  (api: Api): StateCreator<AppState, [], [], SystemSlice> =>
  (set, get) => ({
    systemInfo: null,
    relaunching: false,

    async loadSystemInfo() {
      const result = await callApi(() => api.getSystemInfo());
      if (result.ok) {
        set({ systemInfo: result.value });
        get().dismissNotice('system-info');
      } else {
        get().showNotice('system-info', result.error);
      }
    },

    async relaunchElevated() {
      if (get().relaunching) return;
      set({ relaunching: true });
      const result = await callApi(() => api.relaunchElevated());
      // On success this process is about to be replaced; if the user declined the UAC prompt we stay.
      set({ relaunching: false });
      if (result.ok) get().dismissNotice('relaunch');
      else get().showNotice('relaunch', result.error);
    },
  });
