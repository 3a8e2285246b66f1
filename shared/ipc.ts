/**
 * The contract between the main process and the renderer: one Api interface, one channel table,
 * one event table. The renderer only ever sees `window.api`, which the preload builds from these.
 *
 * Adding a channel takes four steps:
 *   1. add the method to InvokeApi below and its `domain:verb` name to CHANNELS;
 *   2. add its argument tuple schema to `argumentSchemas` in shared/validate.ts;
 *   3. add one explicit function to electron/preload.ts;
 *   4. add the route (handler, mutation or not) to electron/routes.ts.
 * The type checker fails until all four agree, and the security suite covers the new route by itself.
 */
import type { ChangeReport, CommandRecord, Snapshot, SystemInfo } from './model';
import type { Result } from './result';
import type { AddExclusionInput, DeleteExclusionInput, ResetDynamicInput } from './validate';

export interface InvokeApi {
  getSystemInfo(): Promise<Result<SystemInfo>>;
  getSnapshot(): Promise<Result<Snapshot>>;
  /** Protect ports: stop winnat -> add excludedportrange -> start winnat (restart skipped if it was stopped). */
  addExclusion(input: AddExclusionInput): Promise<Result<ChangeReport>>;
  deleteExclusion(input: DeleteExclusionInput): Promise<Result<ChangeReport>>;
  resetDynamicRange(input: ResetDynamicInput): Promise<Result<ChangeReport>>;
  restartWinnat(): Promise<Result<ChangeReport>>;
  listActivity(): Promise<Result<readonly CommandRecord[]>>;
  relaunchElevated(): Promise<Result<null>>;
}

/** Commands that start in the tray menu and finish in the window (so the user sees the confirmation). */
export type TrayCommand = 'restart-winnat';

export interface EventApi {
  onActivity(listener: (record: CommandRecord) => void): () => void;
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
}

export type Api = InvokeApi & EventApi;

export const CHANNELS = {
  getSystemInfo: 'system:info',
  getSnapshot: 'ranges:snapshot',
  addExclusion: 'ranges:add',
  deleteExclusion: 'ranges:delete',
  resetDynamicRange: 'dynamic:reset',
  restartWinnat: 'winnat:restart',
  listActivity: 'activity:list',
  relaunchElevated: 'app:relaunch-elevated',
} as const satisfies Record<keyof InvokeApi, `${string}:${string}`>;

export const EVENTS = {
  onActivity: 'event:activity',
  onTrayCommand: 'event:tray-command',
} as const satisfies Record<keyof EventApi, `event:${string}`>;

export type InvokeMethod = keyof InvokeApi;
export type InvokeChannel = (typeof CHANNELS)[InvokeMethod];
export type EventPayload = {
  [K in keyof EventApi]: Parameters<Parameters<EventApi[K]>[0]>[0];
};
