/**
 * WinNAT (the Windows NAT driver used by Hyper-V, WSL2 and Docker) reserves blocks of ports when it
 * starts. Restarting it frees them, which is the forum fix `net stop winnat` / `net start winnat`.
 * Success is judged from `sc query` and the re-read tables, never from net.exe's exit code or its
 * localized message (docs/architecture.md §1).
 */
import { err, type Result } from '../../../shared/result';
import type { ChangeReport, ServiceStatus, Snapshot, StepReport } from '../../../shared/model';
import type { Operation } from '../activity-log';
import { startService, stopService } from '../commands';
import { buildReport, describeRun, step } from '../change-report';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { readServiceStatus, readSnapshot } from '../state-reader';

/** net.exe waits for the service to change state; give it longer than a plain read. */
export const SERVICE_TIMEOUT_MS = 60_000;

/** Statuses in which WinNAT may hold reservations, so a change must stop and restart it. */
export const mayHoldReservations = (status: ServiceStatus): boolean =>
  status === 'running' || status === 'starting' || status === 'unknown';

/** Stops WinNAT and confirms from `sc query` that it stopped. */
export const stopWinnat = async (op: Operation): Promise<StepReport> => {
  const result = await op.run(stopService('winnat'), { timeoutMs: SERVICE_TIMEOUT_MS });
  const status = await readServiceStatus(op, 'winnat');
  return status === 'stopped'
    ? step('stop-winnat', true)
    : step('stop-winnat', false, `${describeRun(result)}; WinNAT is ${status}`);
};

export const startWinnat = async (op: Operation): Promise<StepReport> => {
  const result = await op.run(startService('winnat'), { timeoutMs: SERVICE_TIMEOUT_MS });
  const status = await readServiceStatus(op, 'winnat');
  return status === 'running'
    ? step('start-winnat', true)
    : step('start-winnat', false, `${describeRun(result)}; WinNAT is ${status}`);
};

export const restartWinnat = async (op: Operation, journal: Journal): Promise<Result<ChangeReport>> => {
  const before = await readSnapshot(op);
  if (before.winnat === 'absent') {
    return err('not-found', 'WinNAT (the Windows NAT Driver service) is not installed on this machine.');
  }
  return journaled(journal, op, { kind: 'winnat-restart' }, () => restart(op, before));
};

const restart = async (op: Operation, before: Snapshot): Promise<ChangeReport> => {
  const steps: StepReport[] = [];
  if (before.winnat !== 'stopped') {
    const stopped = await stopWinnat(op);
    steps.push(stopped);
    if (!stopped.ok) {
      const after = await readSnapshot(op);
      const outcome = after.winnat === 'unknown' ? 'unknown' : 'not-applied';
      return buildReport(outcome, steps, before, after, 'WinNAT did not stop; nothing was changed.');
    }
  }
  steps.push(await startWinnat(op));
  // Judged by the final read: a start that timed out may still have brought WinNAT up.
  const after = await readSnapshot(op);
  if (after.winnat === 'running') return buildReport('applied', steps, before, after);
  const outcome = after.winnat === 'unknown' ? 'unknown' : 'not-applied';
  return buildReport(
    outcome,
    steps,
    before,
    after,
    'WinNAT stopped but did not start again; WSL2 and Docker networking need it running.',
  );
};
