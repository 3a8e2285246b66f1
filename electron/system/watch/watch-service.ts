/**
 * Watched ports: the list (from the config store), one doctor pass for all of them per check, and
 * listeners told what changed. Checks are serialized: a check started while one runs waits for it,
 * so two passes never interleave their reads and "changed" always compares consecutive checks.
 *
 * "Changed" means the status differs from this port's previous check. A port seen for the first
 * time counts as changed only when it is reserved or taken: a fresh list of free ports is not news,
 * and neither is 'unknown' (a read that failed says nothing about the port).
 */
import type { WatchedPort, WatchState } from '../../../shared/model';
import { err, ok, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
import type { PortDoctor } from '../owners/ports-service';
import type { PortsService, WatchConfigStore, WatchService } from '../owners/types';
import { watchStateOf } from './status';

export interface WatchServiceDeps {
  /** createPortsService() gives both; the many-ports doctor makes a check cost one pass, not one per port. */
  readonly ports: PortsService & PortDoctor;
  readonly store: WatchConfigStore;
  readonly now?: () => Date;
}

type Listener = (states: readonly WatchState[], changed: readonly WatchState[]) => void;

const keyOf = (port: WatchedPort) => `${port.protocol}/${port.port}`;
const NEWS_ON_FIRST_SIGHT = new Set<WatchState['status']>(['reserved', 'taken']);

export const createWatchService = (deps: WatchServiceDeps): WatchService => {
  const now = deps.now ?? (() => new Date());
  const listeners = new Set<Listener>();
  let list: readonly WatchedPort[] | null = null;
  let loading: Promise<readonly WatchedPort[]> | null = null;
  let last = new Map<string, WatchState>();
  let checked = false;
  let queue: Promise<unknown> = Promise.resolve();

  const ports = async (): Promise<readonly WatchedPort[]> => {
    if (list) return list;
    // The store never throws on read (a corrupt file is an empty list); a failing read is still not fatal.
    loading ??= deps.store.read().catch(() => []);
    list = await loading;
    return list;
  };

  const emit = (states: readonly WatchState[], changed: readonly WatchState[]) => {
    for (const listener of listeners) {
      try {
        listener(states, changed);
      } catch {
        // One broken listener must not stop the others or the check.
      }
    }
  };

  const unknownStates = (watched: readonly WatchedPort[], reason: string): WatchState[] => {
    const checkedAt = now().toISOString();
    return watched.map(({ port, protocol }) => ({ port, protocol, status: 'unknown', reason, checkedAt }));
  };

  const runCheck = async (op: Operation): Promise<readonly WatchState[]> => {
    const watched = await ports();
    let states: WatchState[];
    if (watched.length === 0) {
      states = [];
    } else {
      try {
        states = (await deps.ports.diagnosePorts(op, watched)).map(watchStateOf);
      } catch (error) {
        states = unknownStates(watched, `check failed: ${messageOf(error)}`);
      }
    }
    const changed = states.filter((state) => {
      const before = last.get(keyOf(state));
      return before ? before.status !== state.status : NEWS_ON_FIRST_SIGHT.has(state.status);
    });
    last = new Map(states.map((s) => [keyOf(s), s]));
    checked = true;
    emit(states, changed);
    return states;
  };

  const checkNow = (op: Operation): Promise<readonly WatchState[]> => {
    const run = queue.catch(() => undefined).then(() => runCheck(op));
    queue = run;
    return run;
  };

  return {
    async states(op) {
      if (!checked) return checkNow(op);
      const watched = await ports();
      return watched.map((p) => last.get(keyOf(p))).filter((s): s is WatchState => s !== undefined);
    },

    async setPorts(op, next) {
      const plain = next.map(({ port, protocol }) => ({ port, protocol }));
      try {
        await deps.store.write(plain);
      } catch (error) {
        return err('storage-failed', 'Could not save the watched ports.', {
          detail: messageOf(error),
        });
      }
      list = plain;
      return ok(await checkNow(op));
    },

    checkNow,

    onStates(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};
