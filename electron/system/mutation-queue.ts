/**
 * Every change to Windows goes through one queue with concurrency 1: two overlapping changes
 * (a double click, the tray and the window at once) would otherwise interleave stop/add/start steps.
 * A failed task never blocks the ones behind it.
 */
export interface MutationQueue {
  enqueue<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks waiting or running; for tests and the UI's busy state. */
  readonly pending: number;
}

export const createMutationQueue = (): MutationQueue => {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    enqueue<T>(task: () => Promise<T>): Promise<T> {
      pending += 1;
      const run = tail.then(task).finally(() => {
        pending -= 1;
      });
      tail = run.catch(() => undefined);
      return run;
    },
    get pending() {
      return pending;
    },
  };
};
