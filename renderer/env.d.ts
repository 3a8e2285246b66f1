import type { Api } from '../shared/ipc';

declare global {
  interface Window {
    /** Built by the preload (electron/preload.ts) from the contract in shared/ipc.ts; only store actions call it. */
    readonly api: Api;
  }
}

export {};
