/**
 * The only bridge between the sandboxed renderer and the elevated main process (docs/architecture.md §5).
 *
 * One function per channel, so the renderer can call exactly the routes in shared/ipc.ts and
 * nothing else: no generic invoke/send, and ipcRenderer itself never crosses the bridge (a leaked
 * ipcRenderer would let an XSS send to any channel, including ones added later by mistake).
 * Event listeners receive only the payload: the IpcRendererEvent carries `sender` (ipcRenderer).
 *
 * Imports only 'electron' and shared/: the sandboxed preload must be one CommonJS bundle, and the
 * browser harness bundles this same file with 'electron' aliased to its WebSocket shim (docs/architecture.md §6).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS } from '../shared/ipc';
import type { Api, EventApi, EventPayload, InvokeApi, InvokeMethod } from '../shared/ipc';

const subscribe =
  <K extends keyof EventPayload>(name: K) =>
  (listener: (payload: EventPayload[K]) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: EventPayload[K]): void => listener(payload);
    ipcRenderer.on(EVENTS[name], forward);
    return () => {
      ipcRenderer.removeListener(EVENTS[name], forward);
    };
  };

/**
 * One function per channel, derived from CHANNELS so a new channel needs no edit here. Each function
 * is bound to its own channel name (and carries the method's name); it forwards at most one argument,
 * the input object, and main validates that argument tuple against the channel's schema.
 */
const invoker = <M extends InvokeMethod>(method: M): InvokeApi[M] => {
  const channel = CHANNELS[method];
  const named = {
    [method]: (...args: unknown[]) =>
      args.length === 0 ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, args[0]),
  };
  return named[method] as unknown as InvokeApi[M];
};

const invokeApi = Object.fromEntries(
  (Object.keys(CHANNELS) as InvokeMethod[]).map((method) => [method, invoker(method)]),
) as unknown as InvokeApi;

const eventApi: EventApi = {
  onActivity: subscribe('onActivity'),
  onTrayCommand: subscribe('onTrayCommand'),
  onWatchStates: subscribe('onWatchStates'),
  onOpenDoctor: subscribe('onOpenDoctor'),
  onWslSync: subscribe('onWslSync'),
};

const api: Api = { ...invokeApi, ...eventApi };

contextBridge.exposeInMainWorld('api', api);
