/**
 * A virtual clock with injectable setTimeout/clearTimeout, so ten minutes of a scheduler's life take
 * milliseconds. advanceTo fires due timers in time order; after each one it awaits whatever async
 * work the callback started (through `settle`), since a scheduler usually arms its next timer only
 * when the previous check has finished.
 */

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

export interface FakeClock {
  now(): number;
  setTimeout(fn: () => void, ms?: number): number;
  clearTimeout(id: number | undefined): void;
  /** Runs every timer due up to `time` (inclusive), then sets the clock to `time`. */
  advanceTo(time: number): Promise<void>;
  pending(): number;
  /** Timers fired so far. */
  fired(): number;
}

/** `settle` resolves when the work started by the last fired timer is done (see watch.ts). */
export const createFakeClock = (settle: () => Promise<void>, start = 0): FakeClock => {
  let current = start;
  let nextId = 1;
  let seq = 0;
  let firedCount = 0;
  const timers = new Map<number, Timer>();

  const due = (limit: number): Timer | undefined => {
    let first: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.at > limit) continue;
      if (!first || timer.at < first.at || (timer.at === first.at && timer.seq < first.seq)) first = timer;
    }
    return first;
  };

  return {
    now: () => current,
    setTimeout(fn, ms = 0) {
      const id = nextId++;
      timers.set(id, { id, at: current + Math.max(0, ms), seq: seq++, fn });
      return id;
    },
    clearTimeout(id) {
      if (id !== undefined) timers.delete(id);
    },
    async advanceTo(time) {
      for (let timer = due(time); timer; timer = due(time)) {
        timers.delete(timer.id);
        current = timer.at;
        firedCount++;
        timer.fn();
        await settle();
      }
      current = Math.max(current, time);
    },
    pending: () => timers.size,
    fired: () => firedCount,
  };
};
