/**
 * Finishing or rolling back interrupted changes judged from the snapshot: a protected range (WinNAT
 * stop/add/start), a dynamic-range reset and a WinNAT restart. Whichever way the user chooses,
 * WinNAT ends running if it was running before: a crash between stop and start would otherwise leave
 * WSL2 and Docker without NAT.
 */
import type {
  ChangeProgress,
  JournalCurrent,
  JournalIntent,
  Outcome,
  RecoveryAction,
  Snapshot,
  StepReport,
} from '../../../shared/model';
import type { Operation } from '../activity-log';
import { describeRun, step } from '../change-report';
import { addExcludedRange, deleteExcludedRange, setDynamicRange } from '../commands';
import { hasAdministered, tableOf } from '../ranges/exclusions';
import { readSnapshot } from '../state-reader';
import { mayHoldReservations, startWinnat, stopWinnat } from '../ranges/winnat';

type Intent<K extends JournalIntent['kind']> = Extract<JournalIntent, { kind: K }>;
type SnapshotIntent = Intent<'exclusion' | 'dynamic-range' | 'winnat-restart'>;
type Resolution = { outcome: Outcome; steps: StepReport[]; message?: string };

/** Every family of the change; entries from before "protect both IP versions" name one. */
const familiesOf = (intent: Intent<'exclusion'>) => intent.families ?? [intent.family];

/** Per family: whether the exclusion is there; null when any table is unreadable. */
const presence = (snapshot: Snapshot, intent: Intent<'exclusion'>) => {
  const families = familiesOf(intent);
  if (families.some((family) => !tableOf(snapshot, family) || tableOf(snapshot, family)?.error)) return null;
  return families.map((family) => ({ family, present: hasAdministered(snapshot, family, intent.start, intent.end) }));
};

/** true: in every family; false: missing in at least one; null: unreadable. */
const rangePresent = (snapshot: Snapshot, intent: Intent<'exclusion'>): boolean | null => {
  const found = presence(snapshot, intent);
  return found === null ? null : found.every((f) => f.present);
};

const nonePresent = (snapshot: Snapshot, intent: Intent<'exclusion'>): boolean =>
  presence(snapshot, intent)?.every((f) => !f.present) ?? false;

const sameFamily = (a: { protocol: string; ipVersion: string }, b: { protocol: string; ipVersion: string }) =>
  a.protocol === b.protocol && a.ipVersion === b.ipVersion;

/** The dynamic range of each family the change touched, as read now (missing: unreadable). */
const dynamicNow = (snapshot: Snapshot, intent: Intent<'dynamic-range'>) =>
  intent.before.map((range) => ({ range, now: snapshot.dynamic.find((d) => sameFamily(d, range)) ?? null }));

export const currentOf = (intent: SnapshotIntent, snapshot: Snapshot): JournalCurrent => {
  switch (intent.kind) {
    case 'exclusion':
      return { kind: 'exclusion', present: rangePresent(snapshot, intent), winnat: snapshot.winnat };
    case 'dynamic-range':
      return {
        kind: 'dynamic-range',
        ranges: snapshot.dynamic.filter((d) => intent.before.some((b) => sameFamily(b, d))),
      };
    case 'winnat-restart':
      return { kind: 'winnat-restart', winnat: snapshot.winnat };
  }
};

export const snapshotProgress = (intent: SnapshotIntent, snapshot: Snapshot): ChangeProgress => {
  if (snapshot.winnat === 'unknown') return 'unreadable';
  const winnatBack = snapshot.winnat === 'running';
  switch (intent.kind) {
    case 'exclusion': {
      const present = rangePresent(snapshot, intent);
      if (present === null) return 'unreadable';
      const winnatOk = !intent.winnatWasRunning || winnatBack;
      if (winnatOk && present) return 'done';
      if (winnatOk && nonePresent(snapshot, intent)) return 'not-started';
      return 'partly-done';
    }
    case 'dynamic-range': {
      const ranges = dynamicNow(snapshot, intent);
      if (ranges.some((r) => r.now === null)) return 'unreadable';
      const at = (want: (r: (typeof ranges)[number]) => { start: number; count: number }) =>
        ranges.every((r) => r.now?.start === want(r).start && r.now.count === want(r).count);
      if (at(() => intent.target)) return 'done';
      return at((r) => r.range) ? 'not-started' : 'partly-done';
    }
    case 'winnat-restart':
      return winnatBack ? 'done' : 'partly-done';
  }
};

/** Starts WinNAT again when the change found it running (whatever the resolution). */
const winnatAgain = async (op: Operation, wasRunning: boolean, snapshot: Snapshot, steps: StepReport[]) => {
  if (wasRunning && snapshot.winnat !== 'running') steps.push(await startWinnat(op));
};

const resolveExclusion = async (
  op: Operation,
  intent: Intent<'exclusion'>,
  action: RecoveryAction,
  steps: StepReport[],
) => {
  const snapshot = await readSnapshot(op);
  const found = presence(snapshot, intent);
  const count = intent.end - intent.start + 1;
  const missing = found?.filter((f) => !f.present).map((f) => f.family) ?? [];
  const there = found?.filter((f) => f.present).map((f) => f.family) ?? [];
  if (action === 'finish' && missing.length > 0) {
    // The same order as protecting a port: a live WinNAT reservation would make the add fail.
    if (mayHoldReservations(snapshot.winnat)) steps.push(await stopWinnat(op));
    for (const family of missing) {
      const added = await op.run(addExcludedRange(family, intent.start, count));
      steps.push(step('add-exclusion', !added.timedOut && added.exitCode === 0, describeRun(added)));
    }
    await winnatAgain(op, intent.winnatWasRunning, await readSnapshot(op), steps);
  } else if (action === 'roll-back' && there.length > 0) {
    for (const family of there) {
      const deleted = await op.run(deleteExcludedRange(family, intent.start, count));
      steps.push(step('delete-exclusion', !deleted.timedOut && deleted.exitCode === 0, describeRun(deleted)));
    }
    await winnatAgain(op, intent.winnatWasRunning, snapshot, steps);
  } else {
    await winnatAgain(op, intent.winnatWasRunning, snapshot, steps);
  }
};

const resolveDynamic = async (
  op: Operation,
  intent: Intent<'dynamic-range'>,
  action: RecoveryAction,
  steps: StepReport[],
) => {
  const snapshot = await readSnapshot(op);
  for (const { range, now } of dynamicNow(snapshot, intent)) {
    const want = action === 'finish' ? intent.target : range;
    if (now && now.start === want.start && now.count === want.count) continue;
    const result = await op.run(setDynamicRange(range, want.start, want.count));
    steps.push(
      step(
        `set-dynamic-${range.protocol}-${range.ipVersion}`,
        !result.timedOut && result.exitCode === 0,
        describeRun(result),
      ),
    );
  }
};

/** Runs the resolution, then judges it from a fresh read: finish must reach 'done', roll back 'not-started'. */
export const resolveFromSnapshot = async (
  op: Operation,
  intent: SnapshotIntent,
  action: RecoveryAction,
): Promise<Resolution> => {
  const steps: StepReport[] = [];
  if (intent.kind === 'exclusion') await resolveExclusion(op, intent, action, steps);
  else if (intent.kind === 'dynamic-range') await resolveDynamic(op, intent, action, steps);
  else await winnatAgain(op, true, await readSnapshot(op), steps);
  const progress = snapshotProgress(intent, await readSnapshot(op));
  // A WinNAT restart has one way out: running again.
  const wanted = action === 'finish' || intent.kind === 'winnat-restart' ? 'done' : 'not-started';
  const outcome: Outcome = progress === wanted ? 'applied' : progress === 'unreadable' ? 'unknown' : 'not-applied';
  return { outcome, steps };
};
