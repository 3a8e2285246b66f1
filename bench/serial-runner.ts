/**
 * A CommandRunner that lets one command run at a time (a mutex around run). Wrapping the product's
 * runner with it gives the "same code, sequential spawns" baseline: the services still issue their
 * commands concurrently, but each waits for the previous one to finish.
 */
import type { CommandRunner } from '../electron/system/run/command-runner';

export const serializeRunner = (runner: CommandRunner): CommandRunner => {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(command, args, options) {
      const result = tail.then(() => runner.run(command, args, options));
      // run() never rejects by contract; the catch only keeps the chain alive if one ever did.
      tail = result.catch(() => undefined);
      return result;
    },
  };
};
