/**
 * Splits the activity log into what the user changed and what the app read by itself (issue #11: after
 * 12 s on Port owners the drawer held 124 read commands that buried the one change). Pure, so the
 * split and the collapsing are unit-tested without a drawer.
 */
import type { CommandRecord } from '../../../shared/model';
import { commandLine, groupByOperation, type OperationGroup } from '../../lib/command-line';

/** Which part of the log the drawer shows. */
export type ActivityFilter = 'changes' | 'reads' | 'all';
export const ACTIVITY_FILTERS: readonly ActivityFilter[] = ['changes', 'reads', 'all'];

/** One background command line, however often it ran: "netstat -ano × 37, last 2 s ago". */
export interface ReadSource {
  /** The command as typed; also the key. */
  readonly line: string;
  readonly count: number;
  readonly lastAt: string;
  /** The newest run, shown when the line is expanded. */
  readonly latest: CommandRecord;
  /** Any run of it failed or timed out. */
  readonly failures: number;
}

export interface ActivityParts {
  /** This run's changes, newest first. */
  readonly changes: readonly OperationGroup[];
  /** This run's reads, one per command line, most recent first. */
  readonly reads: readonly ReadSource[];
  /** Changes read back from the audit log of earlier runs (reads are never audited). */
  readonly earlier: readonly OperationGroup[];
}

/** A change carries its verified result on every record (shared/model.ts CommandRecord.verified); a read has none. */
const isChange = (group: OperationGroup): boolean => group.records.some((record) => record.verified !== undefined);

export const splitActivity = (records: readonly CommandRecord[]): ActivityParts => {
  const groups = groupByOperation(records);
  const changes: OperationGroup[] = [];
  const earlier: OperationGroup[] = [];
  const sources = new Map<string, { count: number; latest: CommandRecord; failures: number }>();
  for (const group of groups) {
    if (group.earlierRun) earlier.push(group);
    else if (isChange(group)) changes.push(group);
    else {
      for (const record of group.records) {
        const line = commandLine(record);
        const failed = record.timedOut || record.exitCode !== 0 ? 1 : 0;
        const known = sources.get(line);
        if (!known) sources.set(line, { count: 1, latest: record, failures: failed });
        else {
          known.count += 1;
          known.failures += failed;
          if (record.id > known.latest.id) known.latest = record;
        }
      }
    }
  }
  const reads = [...sources.entries()]
    .map(([line, { count, latest, failures }]) => ({ line, count, lastAt: latest.startedAt, latest, failures }))
    .sort((a, b) => b.latest.id - a.latest.id);
  return { changes, reads, earlier };
};

/** "2 seconds ago" in the UI language, from whole seconds, minutes or hours. */
export const sinceText = (from: string, now: number, language: string | undefined): string => {
  const seconds = Math.max(0, Math.round((now - Date.parse(from)) / 1000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'short' });
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  return format.format(-Math.floor(seconds / 3600), 'hour');
};
