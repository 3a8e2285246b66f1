/**
 * Binds the router (electron/router.ts, over the table in electron/routes.ts) to ipcMain. The trust decision is isTrustedSender inside the
 * router; this file only reports faithfully who sent the message (docs/architecture.md §5: every channel checks
 * event.senderFrame against our origin). It is the only file allowed to import ipcMain (docs/architecture.md §7).
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENTS } from '../shared/ipc';
import { err } from '../shared/result';
import type { EventSink, Router } from './router-types';
import type { SenderInfo } from './sender';

/** Anything that goes wrong while reading the frame means "unknown frame", which the router refuses. */
const UNKNOWN_FRAME = { frameUrl: null, isMainFrame: false } as const;

/**
 * Who sent an invoke. `senderFrame` is null once the frame navigated away or was destroyed, and on a
 * destroyed frame even reading it (or its url) can throw "Render frame was disposed"; both end as
 * frameUrl null, which isTrustedSender refuses.
 */
export const senderInfoOf = (event: IpcMainInvokeEvent): SenderInfo => {
  let frame: Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url'> | null | undefined;
  let frameInfo: Pick<SenderInfo, 'frameUrl' | 'isMainFrame'> = UNKNOWN_FRAME;
  try {
    frame = event.senderFrame;
    if (frame) frameInfo = { frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame };
  } catch {
    frameInfo = UNKNOWN_FRAME;
  }
  return { ...frameInfo, webContentsId: event.sender.id };
};

/**
 * Registers one ipcMain handler per router channel; returns a function that removes them.
 * Only invoke channels exist: nothing listens with ipcMain.on, so a renderer `send` reaches nothing.
 */
export const registerIpc = (router: Router): (() => void) => {
  for (const channel of router.channels) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      try {
        return await router.dispatch(channel, senderInfoOf(event), args);
      } catch (error) {
        // The router promises to resolve to a Result; if it ever throws, the renderer still gets a
        // value (errors are values across IPC, docs/architecture.md §7) and not Electron's rejection with our stack.
        return err('internal', `Unhandled error in ${channel}`, { detail: String(error) });
      }
    });
  }
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
  };
};

/** Pushes events to the window's main frame; drops them while there is no live window. */
export const createEventSink = (getWebContents: () => WebContents | null): EventSink => ({
  emit(event, payload) {
    const contents = getWebContents();
    if (!contents || contents.isDestroyed()) return;
    contents.send(EVENTS[event], payload);
  },
});
