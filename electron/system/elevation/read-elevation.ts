import type { Operation } from '../activity-log';
import { elevationProbe } from '../commands';
import { readNatively } from '../native-reads';

/**
 * Whether this process may change Windows. The process token's TokenElevation answers it directly
 * (native layer). Without the native layer, `net session` is the probe: it needs an elevated token
 * (exit 0; "System error 5 ... Access is denied." with exit 2 otherwise), but it also exits 2 when
 * the Server service (LanmanServer) is stopped or disabled, so a "no" from it can be wrong: callers
 * must not cache a negative answer (app-core.ts asks again). A timeout counts as not elevated:
 * changes stay disabled rather than failing late.
 */
export const readElevation = async (op: Operation): Promise<boolean> => {
  const native = readNatively(op, 'token elevation', (windows) => windows.isElevated());
  if (native) return native.value;
  const result = await op.run(elevationProbe(), { timeoutMs: 10_000 });
  return !result.timedOut && result.exitCode === 0;
};
