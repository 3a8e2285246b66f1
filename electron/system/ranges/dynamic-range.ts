/**
 * Resetting the dynamic (ephemeral) port range to the Windows default. Some updates and installers
 * move its start to 1024, after which WinNAT reservations land on development ports. Reserved
 * blocks already taken stay until WinNAT restarts or Windows reboots, hence the reboot notice.
 */
import type { Result } from '../../../shared/result';
import {
  DEFAULT_DYNAMIC_RANGE,
  type ChangeReport,
  type ProtocolFamily,
  type Snapshot,
  type StepReport,
} from '../../../shared/model';
import type { Operation } from '../activity-log';
import { setDynamicRange } from '../commands';
import { buildReport, describeRun, step } from '../change-report';
import { journaled } from '../journal/journaled';
import type { Journal } from '../journal/store';
import { readSnapshot } from '../state-reader';

const sameFamily = (a: ProtocolFamily, b: ProtocolFamily) => a.protocol === b.protocol && a.ipVersion === b.ipVersion;

export const resetDynamicRanges = async (
  op: Operation,
  families: readonly ProtocolFamily[],
  journal: Journal,
): Promise<Result<ChangeReport>> => {
  const before = await readSnapshot(op);
  // What a roll back can put back: the ranges that could be read (an unreadable one is only ever reset).
  const previous = before.dynamic.filter((range) => families.some((f) => sameFamily(f, range)));
  const intent = { kind: 'dynamic-range', before: previous, target: DEFAULT_DYNAMIC_RANGE } as const;
  return journaled(journal, op, intent, () => reset(op, families, before));
};

const reset = async (op: Operation, families: readonly ProtocolFamily[], before: Snapshot): Promise<ChangeReport> => {
  const steps: StepReport[] = [];
  for (const family of families) {
    const result = await op.run(setDynamicRange(family, DEFAULT_DYNAMIC_RANGE.start, DEFAULT_DYNAMIC_RANGE.count));
    steps.push(
      step(
        `set-dynamic-${family.protocol}-${family.ipVersion}`,
        !result.timedOut && result.exitCode === 0,
        describeRun(result),
      ),
    );
  }
  const after = await readSnapshot(op);
  const isDefault = (f: ProtocolFamily) =>
    after.dynamic.some(
      (d) =>
        d.protocol === f.protocol &&
        d.ipVersion === f.ipVersion &&
        d.start === DEFAULT_DYNAMIC_RANGE.start &&
        d.count === DEFAULT_DYNAMIC_RANGE.count,
    );
  const unreadable = families.some(
    (f) => !after.dynamic.some((d) => d.protocol === f.protocol && d.ipVersion === f.ipVersion),
  );
  const applied = families.every(isDefault);
  const outcome = applied ? 'applied' : unreadable ? 'unknown' : 'not-applied';
  const message = applied
    ? 'Restart Windows so that ports already reserved inside the old range are released.'
    : 'Some dynamic ranges still differ from 49152 + 16384.';
  return buildReport(outcome, steps, before, after, message);
};
