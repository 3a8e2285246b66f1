/**
 * SERVICE_STATUS_PROCESS.dwCurrentState to the app's ServiceStatus, the same mapping as the `sc query`
 * parser (parse/service-state.ts), so both sources report a service the same way: 1 STOPPED,
 * 2 START_PENDING, 3 STOP_PENDING, 4 RUNNING, 5 CONTINUE_PENDING (coming back: starting), 6 PAUSE_PENDING
 * (going away: stopping), 7 PAUSED (not serving: stopped). Anything else is 'unknown'.
 */
import type { ServiceStatus } from '../../../shared/model';

const STATUS_BY_STATE: ReadonlyMap<number, ServiceStatus> = new Map([
  [1, 'stopped'],
  [2, 'starting'],
  [3, 'stopping'],
  [4, 'running'],
  [5, 'starting'],
  [6, 'stopping'],
  [7, 'stopped'],
]);

export const serviceStatusOfState = (currentState: number): ServiceStatus =>
  STATUS_BY_STATE.get(currentState) ?? 'unknown';
