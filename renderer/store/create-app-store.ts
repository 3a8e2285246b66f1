/**
 * The one store, built around an Api so tests pass a fake one. Only actions in here call the api
 * (docs/architecture.md §2); components read state and call actions.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc';
import { createActivitySlice } from './activity-slice';
import { createAutostartSlice } from './autostart-slice';
import { createOperationsSlice } from './change-runner';
import { createDoctorSlice } from './doctor-slice';
import { createOwnersSlice } from './owners-slice';
import { createRangesSlice } from './ranges-slice';
import { createRecoverySlice } from './recovery-slice';
import { createRulesSlice } from './rules-slice';
import { createSystemSlice } from './system-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createWatchSlice } from './watch-slice';
import { createWslSlice } from './wsl-slice';

export type AppStore = StoreApi<AppState>;

/** A missing or broken bridge must not take the window down: the reads then show their errors instead. */
const subscribeSafely = (subscribe: () => () => void): (() => void) => {
  try {
    return subscribe();
  } catch {
    return () => {};
  }
};

export const createAppStore = (api: Api): AppStore =>
  createStore<AppState>()((...args) => {
    const [, get] = args;
    return {
      ...createSystemSlice(api)(...args),
      ...createOperationsSlice(),
      ...createRangesSlice(api)(...args),
      ...createRulesSlice(api)(...args),
      ...createOwnersSlice(api)(...args),
      ...createDoctorSlice(api)(...args),
      ...createWatchSlice(api)(...args),
      ...createAutostartSlice(api)(...args),
      ...createRecoverySlice(api)(...args),
      ...createWslSlice(api)(...args),
      ...createActivitySlice(api)(...args),
      ...createUiSlice(...args),

      start() {
        const unsubscribers = [
          subscribeSafely(() => api.onActivity((record) => get().recordActivity(record))),
          subscribeSafely(() =>
            api.onTrayCommand((command) => {
              // The tray only asks; the window shows the confirmation with the WSL2/Docker warning.
              if (command === 'restart-winnat') get().openDialog({ kind: 'restart' });
              if (command === 'check-port') get().openDoctor();
            }),
          ),
          subscribeSafely(() => api.onWatchStates((states) => get().receiveWatchStates(states))),
          subscribeSafely(() => api.onOpenDoctor((target) => get().openDoctor(target.port, target.protocol))),
          subscribeSafely(() => api.onWslSync((report) => get().receiveWslSync(report))),
        ];
        void get().loadSystemInfo();
        void get().refresh();
        void get().loadActivity();
        void get().loadUnfinishedChanges();
        return () => {
          for (const unsubscribe of unsubscribers) unsubscribe();
        };
      },
    };
  });
