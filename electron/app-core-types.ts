/**
 * What the Electron shell (main.ts, tray.ts) needs from the app's core: the IPC router, the WinNAT
 * status for the tray tooltip, and a place to push events. The core never imports electron, so the
 * browser harness hosts the same core.
 */
import type { ServiceStatus } from '../shared/model';
import type { EventSink, Router } from './router-types';

export interface AppCore {
  readonly router: Router;
  /** Where renderer events go; set when the window exists (events before that are dropped). */
  setEventSink(sink: EventSink | null): void;
  /** Reads WinNAT's status now (sc query) and notifies listeners. */
  refreshWinnatStatus(): Promise<ServiceStatus>;
  /** Called with the WinNAT status after every read (start, refresh, restart, protect). */
  onWinnatStatus(listener: (status: ServiceStatus) => void): () => void;
}
