/**
 * When watched ports are checked: once at start, then every minute while the window is hidden (a
 * tray app must not spawn netstat and netsh every few seconds in the background) and every 15 s
 * while the user looks at it. The next check is timed from the END of the previous one, so two checks
 * never overlap however slow netstat is on a busy machine.
 *
 * poke(): check now, e.g. when the window is shown. During a check it is remembered and one more
 * check follows right after (several pokes collapse into one).
 */
export interface WatchSchedulerDeps {
  readonly check: () => Promise<unknown>;
  readonly isWindowVisible: () => boolean;
  readonly hiddenIntervalMs?: number;
  readonly visibleIntervalMs?: number;
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

export interface WatchScheduler {
  start(): void;
  stop(): void;
  poke(): void;
}

export const DEFAULT_HIDDEN_INTERVAL_MS = 60_000;
export const DEFAULT_VISIBLE_INTERVAL_MS = 15_000;

export const createWatchScheduler = (deps: WatchSchedulerDeps): WatchScheduler => {
  const hiddenMs = deps.hiddenIntervalMs ?? DEFAULT_HIDDEN_INTERVAL_MS;
  const visibleMs = deps.visibleIntervalMs ?? DEFAULT_VISIBLE_INTERVAL_MS;
  const schedule = deps.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const cancel = deps.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  let running = false;
  let inFlight = false;
  let pokedDuringCheck = false;
  let timer: unknown = null;

  const clearTimer = () => {
    if (timer !== null) cancel(timer);
    timer = null;
  };

  const scheduleNext = () => {
    clearTimer();
    if (!running) return;
    timer = schedule(tick, deps.isWindowVisible() ? visibleMs : hiddenMs);
  };

  const tick = () => {
    timer = null;
    if (!running) return;
    if (inFlight) {
      pokedDuringCheck = true;
      return;
    }
    inFlight = true;
    pokedDuringCheck = false;
    // A failing check (it should not: services answer with values) must not stop the schedule.
    void Promise.resolve()
      .then(deps.check)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (!running) return;
        if (pokedDuringCheck) tick();
        else scheduleNext();
      });
  };

  return {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    stop() {
      running = false;
      pokedDuringCheck = false;
      clearTimer();
    },
    poke() {
      if (!running) return;
      clearTimer();
      tick();
    },
  };
};
