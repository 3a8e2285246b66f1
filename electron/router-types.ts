/**
 * The shape of the IPC router (electron/router.ts) as seen by its two hosts: electron/ipc.ts binds it
 * to ipcMain, the browser harness binds it to a loopback WebSocket.
 */
import type { EventPayload, InvokeChannel } from '../shared/ipc';
import type { Result } from '../shared/result';
import type { SenderInfo } from './sender';

export interface Router {
  readonly channels: readonly InvokeChannel[];
  /** Sender check, then zod validation, then the handler; always resolves to a Result. */
  dispatch(channel: string, sender: SenderInfo, args: readonly unknown[]): Promise<Result<unknown>>;
}

/** Pushes events to the renderer (webContents.send in Electron, a socket message in the harness). */
export interface EventSink {
  emit<K extends keyof EventPayload>(event: K, payload: EventPayload[K]): void;
}
