/**
 * Port owners, the port doctor and watched ports, as the app core sees them. Like every service,
 * each method records its commands under the given Operation and answers with a Result.
 */
import type {
  CloseConnectionReport,
  DoctorReport,
  KillReport,
  OwnersView,
  Protocol,
  ReverseName,
  WatchedPort,
  WatchState,
} from '../../../shared/model';
import type { CloseConnection } from '../../../shared/validate';
import type { Result } from '../../../shared/result';
import type { Operation } from '../activity-log';

export interface PortsService {
  listOwners(op: Operation, allStates: boolean): Promise<Result<OwnersView>>;
  /** Refuses PID 0/4 and critical system processes; re-reads to confirm the process is gone. */
  killProcess(op: Operation, pid: number, image: string): Promise<Result<KillReport>>;
  diagnosePort(op: Operation, port: number, protocol: Protocol): Promise<Result<DoctorReport>>;
  /** SetTcpEntry DELETE_TCB on one IPv4 ESTABLISHED connection; re-reads the TCP table to judge it. */
  closeConnection(op: Operation, input: CloseConnection): Promise<Result<CloseConnectionReport>>;
  /** Reverse DNS names (cached, with a timeout); never fails, an address without an answer is null. */
  reverseLookup(addresses: readonly string[]): Promise<Result<readonly ReverseName[]>>;
}

/** Where the watched list lives: an admin-only JSON file in the app's data folder. */
export interface WatchConfigStore {
  read(): Promise<readonly WatchedPort[]>;
  write(ports: readonly WatchedPort[]): Promise<void>;
}

export interface WatchService {
  /** The last known states (checks now if never checked). */
  states(op: Operation): Promise<readonly WatchState[]>;
  /** Stores the list, checks it now, returns the states. */
  setPorts(op: Operation, ports: readonly WatchedPort[]): Promise<Result<readonly WatchState[]>>;
  /** One check of every watched port; no commands at all when the list is empty. */
  checkNow(op: Operation): Promise<readonly WatchState[]>;
  /** Called after every check with all states and the ones whose status changed since the last check. */
  onStates(listener: (states: readonly WatchState[], changed: readonly WatchState[]) => void): () => void;
}
