/**
 * Administered port exclusions ("protect a port"). A live WinNAT reservation over the port makes
 * `add excludedportrange` fail with "being used by another process", so the known sequence is
 * stop winnat -> add -> start winnat, with the start in a finally (unless WinNAT was stopped before).
 * Every outcome is decided by re-reading the table.
 */
import { err, ok, type Result } from '../../../shared/result';
import type { AddExclusion, DeleteExclusion } from '../../../shared/validate';
import type { ChangeReport, ExcludedRange, ProtocolFamily, Snapshot, StepReport } from '../../../shared/model';
import type { Operation } from '../activity-log';
import { addExcludedRange, deleteExcludedRange } from '../commands';
import { buildReport, describeRun, step } from '../change-report';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { readSnapshot } from '../state-reader';
import { mayHoldReservations, startWinnat, stopWinnat } from './winnat';

const familyLabel = (f: ProtocolFamily) => `${f.protocol.toUpperCase()}/${f.ipVersion === 'ipv4' ? 'IPv4' : 'IPv6'}`;

export const tableOf = (snapshot: Snapshot, family: ProtocolFamily) =>
  snapshot.excluded.find((t) => t.protocol === family.protocol && t.ipVersion === family.ipVersion);

const overlaps = (r: ExcludedRange, start: number, end: number) => r.start <= end && start <= r.end;

export const hasAdministered = (snapshot: Snapshot, family: ProtocolFamily, start: number, end: number) =>
  tableOf(snapshot, family)?.ranges.some((r) => r.administered && r.start === start && r.end === end) ?? false;

/** "applied" needs a clean read that shows the intended state; an unreadable table means unknown. */
const judge = (after: Snapshot, family: ProtocolFamily, intended: boolean) => {
  if (tableOf(after, family)?.error) return 'unknown' as const;
  return intended ? ('applied' as const) : ('not-applied' as const);
};

export const addExclusion = async (
  op: Operation,
  input: AddExclusion,
  journal: Journal,
): Promise<Result<ChangeReport>> => {
  const family: ProtocolFamily = { protocol: input.protocol, ipVersion: input.ipVersion };
  const start = input.startPort;
  const end = input.startPort + input.numberOfPorts - 1;
  const before = await readSnapshot(op);
  const table = tableOf(before, family);
  if (!table || table.error) {
    return err('command-failed', `Could not read the ${familyLabel(family)} excluded ranges.`, {
      detail: table?.error ?? '',
    });
  }
  const administered = table.ranges.find((r) => r.administered && overlaps(r, start, end));
  if (administered) {
    return err(
      'refused',
      `Ports ${start}–${end} overlap the administered exclusion ${administered.start}–${administered.end} (${familyLabel(family)}).`,
      { field: 'startPort' },
    );
  }

  const restart = mayHoldReservations(before.winnat);
  const intent = { kind: 'exclusion', family, start, end, winnatWasRunning: restart } as const;
  return journaled(journal, op, intent, () => protect(op, before, family, start, input.numberOfPorts, restart));
};

/** stop winnat -> add -> start winnat (in a finally), judged by the read after. */
const protect = async (
  op: Operation,
  before: Snapshot,
  family: ProtocolFamily,
  start: number,
  count: number,
  restart: boolean,
): Promise<ChangeReport> => {
  const end = start + count - 1;
  const steps: StepReport[] = [];
  if (restart) {
    const stopped = await stopWinnat(op);
    steps.push(stopped);
    if (!stopped.ok) {
      const after = await readSnapshot(op);
      return buildReport(
        judge(after, family, false),
        steps,
        before,
        after,
        'WinNAT did not stop, so nothing was added.',
      );
    }
  }
  try {
    const added = await op.run(addExcludedRange(family, start, count));
    // netsh's exit code is not trusted (usage text exits 0); the step is judged by the read below.
    steps.push(step('add-exclusion', !added.timedOut && added.exitCode === 0, describeRun(added)));
  } finally {
    if (restart) steps.push(await startWinnat(op));
  }
  const after = await readSnapshot(op);
  const outcome = judge(after, family, hasAdministered(after, family, start, end));
  const winnatLost = restart && after.winnat !== 'running';
  const message =
    outcome === 'applied'
      ? winnatLost
        ? 'The ports are protected, but WinNAT did not start again; WSL2 and Docker networking need it running.'
        : undefined
      : 'The exclusion is not in the table after the change.';
  return buildReport(outcome, steps, before, after, message);
};

export const deleteExclusion = async (op: Operation, input: DeleteExclusion): Promise<Result<ChangeReport>> => {
  const family: ProtocolFamily = { protocol: input.protocol, ipVersion: input.ipVersion };
  const before = await readSnapshot(op);
  const table = tableOf(before, family);
  if (!table || table.error) {
    return err('command-failed', `Could not read the ${familyLabel(family)} excluded ranges.`, {
      detail: table?.error ?? '',
    });
  }
  // Re-read before mutating: the row the user saw may be gone or may never have been administered.
  const row = table.ranges.find((r) => r.start === input.start && r.end === input.end);
  if (!row) {
    return err(
      'not-found',
      `There is no excluded range ${input.start}–${input.end} (${familyLabel(family)}) any more.`,
    );
  }
  if (!row.administered) {
    return err(
      'refused',
      `${input.start}–${input.end} is reserved by the system (WinNAT/Hyper-V); only administered exclusions can be deleted. Restart WinNAT to free it.`,
    );
  }
  const deleted = await op.run(deleteExcludedRange(family, input.start, input.end - input.start + 1));
  const steps = [step('delete-exclusion', !deleted.timedOut && deleted.exitCode === 0, describeRun(deleted))];
  const after = await readSnapshot(op);
  const gone = !hasAdministered(after, family, input.start, input.end);
  const outcome = judge(after, family, gone);
  return ok(
    buildReport(
      outcome,
      steps,
      before,
      after,
      outcome === 'applied' ? undefined : 'The exclusion is still in the table.',
    ),
  );
};
