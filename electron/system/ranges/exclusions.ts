/**
 * Administered port exclusions ("protect a port"). A live WinNAT reservation over the port makes
 * `add excludedportrange` fail with "being used by another process", so the known sequence is
 * stop winnat -> add -> start winnat, with the start in a finally (unless WinNAT was stopped before
 * or is not installed). A listening process makes it fail the same way, so that is checked first,
 * before anything is stopped. Both IP versions are protected by default, as one journaled change.
 * Every outcome is decided by re-reading the tables.
 */
import { err, ok, type Result } from '../../../shared/result';
import type { AddExclusion, DeleteExclusion } from '../../../shared/validate';
import type {
  ChangeReport,
  Endpoint,
  ExcludedRange,
  ProtocolFamily,
  Snapshot,
  StepReport,
} from '../../../shared/model';
import type { Operation } from '../activity-log';
import { addExcludedRange, deleteExcludedRange } from '../commands';
import { buildReport, describeRun, step } from '../change-report';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { readSnapshot } from '../state-reader';
import { describeOwner, joinEndpoints } from '../owners/endpoints';
import { readOwnerSources } from '../owners/reads';
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

const IP_VERSIONS_OF = { ipv4: ['ipv4'], ipv6: ['ipv6'], both: ['ipv4', 'ipv6'] } as const;

/**
 * Who listens on any port of start..end in these families: `add excludedportrange` fails with "being
 * used by another process" on such a port, and by then WinNAT would already be stopped. null when the
 * endpoint table could not be read (then nothing may be concluded either).
 */
const holdersOf = async (
  op: Operation,
  families: readonly ProtocolFamily[],
  start: number,
  end: number,
): Promise<{ holders: Endpoint[] } | { error: string }> => {
  const protocol = families[0]!.protocol;
  const sources = await readOwnerSources(op, { rules: false });
  if ('error' in sources.netstat) return { error: sources.netstat.error };
  const endpoints = joinEndpoints({
    entries: sources.netstat.value,
    processes: 'value' in sources.processes ? sources.processes.value : null,
    rules: null,
    allStates: false,
  });
  const holders = endpoints.filter(
    (e) =>
      e.protocol === protocol &&
      e.localPort >= start &&
      e.localPort <= end &&
      families.some((f) => f.ipVersion === e.ipVersion),
  );
  return { holders };
};

export const addExclusion = async (
  op: Operation,
  input: AddExclusion,
  journal: Journal,
): Promise<Result<ChangeReport>> => {
  const wanted: ProtocolFamily[] = IP_VERSIONS_OF[input.ipVersion].map((ipVersion) => ({
    protocol: input.protocol,
    ipVersion,
  }));
  const start = input.startPort;
  const end = input.startPort + input.numberOfPorts - 1;
  const before = await readSnapshot(op);
  const families: ProtocolFamily[] = [];
  for (const family of wanted) {
    const table = tableOf(before, family);
    if (!table || table.error) {
      return err('command-failed', `Could not read the ${familyLabel(family)} excluded ranges; nothing was changed.`, {
        detail: table?.error ?? '',
      });
    }
    // The same protection already there (e.g. IPv4 protected earlier, now both): keep it, add the rest.
    if (hasAdministered(before, family, start, end)) continue;
    const administered = table.ranges.find((r) => r.administered && overlaps(r, start, end));
    if (administered) {
      return err(
        'refused',
        `Ports ${start}–${end} overlap the administered exclusion ${administered.start}–${administered.end} (${familyLabel(family)}); nothing was changed.`,
        { field: 'startPort' },
      );
    }
    families.push(family);
  }
  const range = start === end ? `Port ${start}` : `Ports ${start}–${end}`;
  if (families.length === 0) {
    return err(
      'refused',
      `${range} (${wanted.map(familyLabel).join(', ')}) are already protected; nothing was changed.`,
      {
        field: 'startPort',
      },
    );
  }

  // Checked BEFORE WinNAT is stopped: a port in use makes the add fail, after WSL2/Docker networking
  // would already have been interrupted for nothing.
  const held = await holdersOf(op, families, start, end);
  if ('error' in held) {
    return err('command-failed', 'Could not read which processes use the ports; nothing was changed.', {
      detail: held.error,
    });
  }
  const holder = held.holders[0];
  if (holder) {
    return err(
      'refused',
      `${range} is in use by ${describeOwner(holder)} on ${holder.localAddress}:${holder.localPort}; Windows refuses to protect a port in use. End that process (or move it to another port) first; nothing was changed.`,
      { field: 'startPort' },
    );
  }

  const restart = mayHoldReservations(before.winnat);
  const intent = { kind: 'exclusion', family: families[0]!, families, start, end, winnatWasRunning: restart } as const;
  return journaled(journal, op, intent, () => protect(op, before, families, start, input.numberOfPorts, restart));
};

/** stop winnat -> add (each family) -> start winnat (in a finally), judged by the read after. */
const protect = async (
  op: Operation,
  before: Snapshot,
  families: readonly ProtocolFamily[],
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
        judgeAll(after, families, () => false),
        steps,
        before,
        after,
        'WinNAT did not stop, so nothing was added.',
      );
    }
  }
  try {
    for (const family of families) {
      const added = await op.run(addExcludedRange(family, start, count));
      // netsh's exit code is not trusted (usage text exits 0); the step is judged by the read below.
      steps.push(
        step('add-exclusion', !added.timedOut && added.exitCode === 0, `${familyLabel(family)}: ${describeRun(added)}`),
      );
    }
  } finally {
    if (restart) steps.push(await startWinnat(op));
  }
  const after = await readSnapshot(op);
  const present = (family: ProtocolFamily) => hasAdministered(after, family, start, end);
  const outcome = judgeAll(after, families, present);
  const missing = families.filter((family) => !present(family));
  const winnatLost = restart && after.winnat !== 'running';
  const message =
    outcome === 'applied'
      ? winnatLost
        ? 'The ports are protected, but WinNAT did not start again; WSL2 and Docker networking need it running.'
        : undefined
      : missing.length > 0 && missing.length < families.length
        ? `Only partly applied: the exclusion is missing in ${missing.map(familyLabel).join(', ')}.`
        : 'The exclusion is not in the table after the change.';
  return buildReport(outcome, steps, before, after, message);
};

/** Applied only when every family shows the exclusion in a clean read; any unreadable table: unknown. */
const judgeAll = (after: Snapshot, families: readonly ProtocolFamily[], present: (f: ProtocolFamily) => boolean) => {
  if (families.some((family) => tableOf(after, family)?.error !== undefined || !tableOf(after, family)))
    return 'unknown' as const;
  return families.every(present) ? ('applied' as const) : ('not-applied' as const);
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
