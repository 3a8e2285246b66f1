/**
 * The only bridge between the sandboxed renderer and the elevated main process (docs/architecture.md §5).
 *
 * One explicit function per channel, so the renderer can call exactly the routes in shared/ipc.ts and
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
import type { Api, EventPayload } from '../shared/ipc';

const subscribe =
  <K extends keyof EventPayload>(name: K) =>
  (listener: (payload: EventPayload[K]) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: EventPayload[K]): void => listener(payload);
    ipcRenderer.on(EVENTS[name], forward);
    return () => {
      ipcRenderer.removeListener(EVENTS[name], forward);
    };
  };

const api: Api = {
  getSystemInfo: () => ipcRenderer.invoke(CHANNELS.getSystemInfo),
  getSnapshot: () => ipcRenderer.invoke(CHANNELS.getSnapshot),
  addExclusion: (input) => ipcRenderer.invoke(CHANNELS.addExclusion, input),
  deleteExclusion: (input) => ipcRenderer.invoke(CHANNELS.deleteExclusion, input),
  resetDynamicRange: (input) => ipcRenderer.invoke(CHANNELS.resetDynamicRange, input),
  restartWinnat: () => ipcRenderer.invoke(CHANNELS.restartWinnat),
  listActivity: () => ipcRenderer.invoke(CHANNELS.listActivity),
  relaunchElevated: () => ipcRenderer.invoke(CHANNELS.relaunchElevated),
  listRules: () => ipcRenderer.invoke(CHANNELS.listRules),
  addRule: (input) => ipcRenderer.invoke(CHANNELS.addRule, input),
  editRule: (input) => ipcRenderer.invoke(CHANNELS.editRule, input),
  deleteRules: (input) => ipcRenderer.invoke(CHANNELS.deleteRules, input),
  resetRules: () => ipcRenderer.invoke(CHANNELS.resetRules),
  exportRules: () => ipcRenderer.invoke(CHANNELS.exportRules),
  importRules: (input) => ipcRenderer.invoke(CHANNELS.importRules, input),
  listBackups: () => ipcRenderer.invoke(CHANNELS.listBackups),
  restoreBackup: (input) => ipcRenderer.invoke(CHANNELS.restoreBackup, input),
  previewBackup: (input) => ipcRenderer.invoke(CHANNELS.previewBackup, input),
  deleteBackup: (input) => ipcRenderer.invoke(CHANNELS.deleteBackup, input),
  checkRules: (input) => ipcRenderer.invoke(CHANNELS.checkRules, input),
  preflightRule: (input) => ipcRenderer.invoke(CHANNELS.preflightRule, input),
  startIpHelper: () => ipcRenderer.invoke(CHANNELS.startIpHelper),
  listOwners: (input) => ipcRenderer.invoke(CHANNELS.listOwners, input),
  killProcess: (input) => ipcRenderer.invoke(CHANNELS.killProcess, input),
  closeConnection: (input) => ipcRenderer.invoke(CHANNELS.closeConnection, input),
  reverseLookup: (input) => ipcRenderer.invoke(CHANNELS.reverseLookup, input),
  diagnosePort: (input) => ipcRenderer.invoke(CHANNELS.diagnosePort, input),
  getWatchedPorts: () => ipcRenderer.invoke(CHANNELS.getWatchedPorts),
  setWatchedPorts: (input) => ipcRenderer.invoke(CHANNELS.setWatchedPorts, input),
  getAutostart: () => ipcRenderer.invoke(CHANNELS.getAutostart),
  setAutostart: (input) => ipcRenderer.invoke(CHANNELS.setAutostart, input),
  reportRendererError: (input) => ipcRenderer.invoke(CHANNELS.reportRendererError, input),
  listUnfinishedChanges: () => ipcRenderer.invoke(CHANNELS.listUnfinishedChanges),
  resolveUnfinishedChange: (input) => ipcRenderer.invoke(CHANNELS.resolveUnfinishedChange, input),
  getWslStatus: () => ipcRenderer.invoke(CHANNELS.getWslStatus),
  addWslRule: (input) => ipcRenderer.invoke(CHANNELS.addWslRule, input),
  syncWslRules: () => ipcRenderer.invoke(CHANNELS.syncWslRules),
  listContainers: () => ipcRenderer.invoke(CHANNELS.listContainers),
  onActivity: subscribe('onActivity'),
  onTrayCommand: subscribe('onTrayCommand'),
  onWatchStates: subscribe('onWatchStates'),
  onOpenDoctor: subscribe('onOpenDoctor'),
  onWslSync: subscribe('onWslSync'),
};

contextBridge.exposeInMainWorld('api', api);
