import type { ExcludedRangeTable, RangeChange, RangeDiff } from '../../../shared/model';

const keyOf = (c: RangeChange) => `${c.protocol}/${c.ipVersion}/${c.start}-${c.end}/${c.administered ? '*' : ''}`;

const flatten = (tables: readonly ExcludedRangeTable[]): RangeChange[] =>
  tables.flatMap((t) => t.ranges.map((r) => ({ protocol: t.protocol, ipVersion: t.ipVersion, ...r })));

/**
 * What a change did to the excluded ranges: WinNAT restarts free some blocks and reserve new ones
 * elsewhere, and the user wants to see both (docs/architecture.md §1). Tables that failed to read on either side
 * are left out, so a read error never shows up as "everything was freed".
 */
export const diffExcludedRanges = (
  before: readonly ExcludedRangeTable[],
  after: readonly ExcludedRangeTable[],
): RangeDiff => {
  const readable = (t: ExcludedRangeTable) => !t.error;
  const familyKey = (t: ExcludedRangeTable) => `${t.protocol}/${t.ipVersion}`;
  const comparable = new Set(
    before
      .filter(readable)
      .map(familyKey)
      .filter((k) => after.some((t) => readable(t) && familyKey(t) === k)),
  );
  const pick = (tables: readonly ExcludedRangeTable[]) => flatten(tables.filter((t) => comparable.has(familyKey(t))));
  const beforeRows = pick(before);
  const afterRows = pick(after);
  const beforeKeys = new Set(beforeRows.map(keyOf));
  const afterKeys = new Set(afterRows.map(keyOf));
  return {
    freed: beforeRows.filter((r) => !afterKeys.has(keyOf(r))),
    appeared: afterRows.filter((r) => !beforeKeys.has(keyOf(r))),
  };
};
