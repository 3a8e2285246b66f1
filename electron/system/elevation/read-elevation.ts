import type { Operation } from '../activity-log';
import { elevationProbe } from '../commands';

/**
 * `net session` needs an elevated token: exit 0 when elevated, "System error 5 ... Access is denied."
 * with exit 2 otherwise. A timeout counts as not elevated: changes stay disabled rather than failing late.
 */
export const readElevation = async (op: Operation): Promise<boolean> => {
  const result = await op.run(elevationProbe(), { timeoutMs: 10_000 });
  return !result.timedOut && result.exitCode === 0;
};
