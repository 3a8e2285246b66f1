/**
 * Watched ports for the app core: `watch: createWatchService({ ports, store:
 * createWatchConfigStore(<data dir>/watched-ports.json) })`, checks timed by createWatchScheduler
 * (the host knows whether the window is visible).
 */
export { createWatchConfigStore, type WatchConfigStoreOptions } from './config-store';
export { createWatchService, type WatchServiceDeps } from './watch-service';
export {
  createWatchScheduler,
  DEFAULT_HIDDEN_INTERVAL_MS,
  DEFAULT_VISIBLE_INTERVAL_MS,
  type WatchScheduler,
  type WatchSchedulerDeps,
} from './scheduler';
export { watchStateOf } from './status';
