/**
 * The PortsService of the app core (owners, kill, doctor), plus the many-ports doctor the watch
 * service uses so a watch check runs each command once for the whole list.
 */
import type { DoctorReport, WatchedPort } from '../../../shared/model';
import { err, ok, messageOf } from '../../../shared/result';
import type { Operation } from '../activity-log';
import { closeConnection } from './close-connection';
import { diagnosePorts } from './doctor';
import { killProcess } from './kill';
import { listOwners } from './list-owners';
import { createReverseLookup, type ResolveNames } from './reverse-lookup';
import type { PortsService } from './types';

export interface PortDoctor {
  /** One report per port, in order; every command once for the whole list, none for an empty list. Never throws. */
  diagnosePorts(op: Operation, ports: readonly WatchedPort[]): Promise<readonly DoctorReport[]>;
}

export interface PortsServiceDeps {
  readonly now?: () => Date;
  /** Reverse DNS; default: Node's resolver. The simulator answers from its own table. */
  readonly resolveNames?: ResolveNames;
}

const internal = (what: string, error: unknown) =>
  err('internal', `${what} failed unexpectedly.`, { detail: messageOf(error) });

export const createPortsService = (deps: PortsServiceDeps = {}): PortsService & PortDoctor => {
  const now = deps.now ?? (() => new Date());
  const names = createReverseLookup(deps.resolveNames ? { resolve: deps.resolveNames } : {});
  // The reads never throw (runner and parsers return values); the guards keep a bug a Result, not a rejected IPC call.
  return {
    listOwners: (op, allStates) =>
      listOwners(op, now, allStates).catch((error: unknown) => internal('Listing port owners', error)),
    killProcess: (op, pid, image) =>
      killProcess(op, now, pid, image).catch((error: unknown) => internal('Ending the process', error)),
    async diagnosePort(op, port, protocol) {
      try {
        const [report] = await diagnosePorts(op, now, [{ port, protocol }]);
        return report ? ok(report) : internal('The port check', 'no report');
      } catch (error) {
        return internal('The port check', error);
      }
    },
    closeConnection: (op, input) =>
      closeConnection(op, now, input).catch((error: unknown) => internal('Closing the connection', error)),
    reverseLookup: (addresses) =>
      names.lookup(addresses).then(
        (answers) => ok(answers),
        (error: unknown) => internal('The reverse lookup', error),
      ),
    diagnosePorts: (op, ports) => diagnosePorts(op, now, ports),
  };
};
