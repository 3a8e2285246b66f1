import { describe, expect, it } from 'vitest';
import type { ExcludedRangeTable } from '../../../shared/model';
import { diffExcludedRanges } from './range-diff';

const table = (ranges: [number, number, boolean?][], extra: Partial<ExcludedRangeTable> = {}): ExcludedRangeTable => ({
  protocol: 'tcp',
  ipVersion: 'ipv4',
  ranges: ranges.map(([start, end, administered]) => ({ start, end, administered: administered ?? false })),
  ...extra,
});

describe('diffExcludedRanges', () => {
  it('lists freed and newly reserved blocks, keeping administered rows that stayed out of both', () => {
    const before = [
      table([
        [8031, 8130],
        [8131, 8230],
        [50000, 50059, true],
      ]),
    ];
    const after = [
      table([
        [8131, 8230],
        [12000, 12099],
        [50000, 50059, true],
      ]),
    ];
    const diff = diffExcludedRanges(before, after);
    expect(diff.freed).toEqual([{ protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered: false }]);
    expect(diff.appeared).toEqual([
      { protocol: 'tcp', ipVersion: 'ipv4', start: 12000, end: 12099, administered: false },
    ]);
  });

  it('never reports a table that failed to read as freed', () => {
    const before = [table([[8031, 8130]])];
    const after = [table([], { error: 'timed out' })];
    expect(diffExcludedRanges(before, after)).toEqual({ freed: [], appeared: [] });
  });

  it('treats a row that became administered as freed system row plus appeared administered row', () => {
    const diff = diffExcludedRanges([table([[1433, 1433]])], [table([[1433, 1433, true]])]);
    expect(diff.freed.map((r) => r.administered)).toEqual([false]);
    expect(diff.appeared.map((r) => r.administered)).toEqual([true]);
  });
});
