import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import { callApi, notElevatedError } from './call-api';
import type { AppState, AutostartSlice } from './types';

export const createAutostartSlice =
  (api: Api): StateCreator<AppState, [], [], AutostartSlice> =>
  (set, get) => ({
    autostart: null,
    autostartError: null,
    autostartReport: null,
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
      // Over-the-shoulder elevation: the main process refuses to create the task (autostart.ts says
      // why); the switch is off for it already, so nothing is sent. Turning an existing task off is fine.
      const overTheShoulder = get().autostart?.overTheShoulder;
      if (enabled && overTheShoulder) {
        set({
          autostartError: {
            code: 'refused',
            message: `Portwarden runs as ${overTheShoulder.elevatedAs}, not as ${overTheShoulder.desktopUser} whose desktop this is; a logon task would not start it for ${overTheShoulder.desktopUser}.`,
          },
        });
        return false;
      }
      set({ autostartSaving: true, autostartReport: null });
      const result = await callApi(() => api.setAutostart({ enabled }));
      set({ autostartSaving: false });
      if (result.ok) {
        const report = result.value;
        const done = report.outcome === 'applied';
        set({ autostartError: null, autostartReport: done ? null : report });
        // The report carries the task as read back; when that read failed, try once more for the switch.
        if (report.autostart) set({ autostart: report.autostart });
        else await get().loadAutostart();
        return done;
      }
      set({ autostartError: result.error });
      // The change may have half-happened: show what the task really is now.
      await get().loadAutostart();
      set({ autostartError: result.error });
      return false;
    },
  });
