import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import type { WatchState } from '../../shared/model';
import type { Result } from '../../shared/result';
import { watchedPortsSchema } from '../../shared/validate';
import { callApi, notElevatedError } from './call-api';
import { invalidInput } from './change-runner';
import type { AppState, WatchSlice } from './types';

export const createWatchSlice =
  (api: Api): StateCreator<AppState, [], [], WatchSlice> =>
  (set, get) => {
    const show = (result: Result<readonly WatchState[]>) => {
      if (result.ok) {
        set({ watchStates: result.value, watchError: null });
        get().dismissNotice('watch');
      } else {
        set({ watchError: result.error });
      }
    };

    return {
      watchStates: null,
      watchError: null,
      watchSaving: false,

      async loadWatchedPorts() {
        show(await callApi(() => api.getWatchedPorts()));
      },

      async setWatchedPorts(ports) {
        // The list lives in the admin-only config: unelevated, nothing is sent.
        if (get().systemInfo?.elevated !== true) {
          set({ watchError: notElevatedError });
          return false;
        }
        const input = { ports: ports.map(({ port, protocol }) => ({ port, protocol })) };
        const parsed = watchedPortsSchema.safeParse(input);
        if (!parsed.success) {
          set({ watchError: invalidInput(parsed.error) });
          return false;
        }
        set({ watchSaving: true });
        const result = await callApi(() => api.setWatchedPorts(input));
        set({ watchSaving: false });
        show(result);
        return result.ok;
      },

      receiveWatchStates(states) {
        set({ watchStates: states });
      },
    };
  };
