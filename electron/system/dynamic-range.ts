/**
 * Resetting the dynamic (ephemeral) port range to the Windows default. Some updates and installers
 * move its start to 1024, after which WinNAT reservations land on development ports. Reserved
 * blocks already taken stay until WinNAT restarts or Windows reboots, hence the reboot notice.
 */
import { ok, type Result } from '../../shared/result';
import { DEFAULT_DYNAMIC_RANGE, type ChangeReport, type ProtocolFamily, type StepReport } from '../../shared/model';
import type { Operation } from './activity-log';
import { setDynamicRange } from './commands';
import { buildReport, describeRun, step } from './change-report';
import { readSnapshot } from './state-reader';

export const resetDynamicRanges = async (op: Operation, families: readonly ProtocolFamily[]): Promise<Result<ChangeReport>> => {
  const before = await readSnapshot(op);
  const steps: StepReport[] = [];
  for (const family of families) {
    const result = await op.run(setDynamicRange(family, DEFAULT_DYNAMIC_RANGE.start, DEFAULT_DYNAMIC_RANGE.count));
    steps.push(step(`set-dynamic-${family.protocol}-${family.ipVersion}`, !result.timedOut && result.exitCode === 0, describeRun(result)));
  }
  const after = await readSnapshot(op);
  const isDefault = (f: ProtocolFamily) =>
    after.dynamic.some(
      (d) => d.protocol === f.protocol && d.ipVersion === f.ipVersion && d.start === DEFAULT_DYNAMIC_RANGE.start && d.count === DEFAULT_DYNAMIC_RANGE.count,
    );
  const unreadable = families.some((f) => !after.dynamic.some((d) => d.protocol === f.protocol && d.ipVersion === f.ipVersion));
  const applied = families.every(isDefault);
  const outcome = applied ? 'applied' : unreadable ? 'unknown' : 'not-applied';
  const message = applied
    ? 'Restart Windows so that ports already reserved inside the old range are released.'
    : 'Some dynamic ranges still differ from 49152 + 16384.';
  return ok(buildReport(outcome, steps, before, after, message));
};
