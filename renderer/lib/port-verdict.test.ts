import { describe, expect, it } from 'vitest';
import type { ExcludedRangeTable } from '../../shared/model';
import { filterRanges, portVerdict } from './port-verdict';

const tables: ExcludedRangeTable[] = [
  {
    protocol: 'tcp',
    ipVersion: 'ipv4',
    ranges: [
      { start: 8031, end: 8130, administered: false },
      { start: 50000, end: 50059, administered: true },
    ],
  },
  { protocol: 'udp', ipVersion: 'ipv4', ranges: [] },
  { protocol: 'tcp', ipVersion: 'ipv6', ranges: [{ start: 8031, end: 8130, administered: false }] },
  { protocol: 'udp', ipVersion: 'ipv6', ranges: [{ start: 50000, end: 50000, administered: true }] },
];

const excludedOf = (text: string, protocol: 'tcp' | 'udp') => {
  const verdict = portVerdict(text, tables);
  if (verdict.kind !== 'checked') throw new Error(`not checked: ${verdict.kind}`);
  return verdict.protocols.find((p) => p.protocol === protocol)!;
};

describe('portVerdict (the box asks the shared verdict)', () => {
  it('finds a port inside a system range: one cause naming every IP version that has it', () => {
    expect(excludedOf('8065', 'tcp')).toEqual({
      protocol: 'tcp',
      excluded: [
        {
          kind: 'excluded',
          range: { protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered: false },
          ipVersions: ['ipv4', 'ipv6'],
        },
      ],
      unreadable: [],
    });
    expect(excludedOf('8065', 'udp').excluded).toEqual([]);
  });

  it('finds a port inside an administered exclusion, including both edges, and not one past the end', () => {
    for (const text of ['50000', '50059']) {
      expect(excludedOf(text, 'tcp').excluded.map((c) => [c.range.start, c.range.end, c.ipVersions])).toEqual([
        [50000, 50059, ['ipv4']],
      ]);
    }
    expect(excludedOf('50000', 'udp').excluded.map((c) => c.ipVersions)).toEqual([['ipv6']]);
    expect(excludedOf('50060', 'tcp').excluded).toEqual([]);
    expect(excludedOf('8030', 'tcp').excluded).toEqual([]);
    expect(excludedOf('8131', 'tcp').excluded).toEqual([]);
  });

  it('lists an unreadable table because the port may be excluded there', () => {
    const withError: ExcludedRangeTable[] = [
      ...tables.slice(0, 3),
      { protocol: 'udp', ipVersion: 'ipv6', ranges: [], error: 'netsh failed' },
    ];
    const verdict = portVerdict('1', withError);
    expect(verdict.kind === 'checked' && verdict.protocols.map((p) => [p.protocol, p.unreadable])).toEqual([
      ['tcp', []],
      ['udp', ['ipv6']],
    ]);
  });

  it('treats empty text as no filter and trims surrounding spaces', () => {
    expect(portVerdict('', tables)).toEqual({ kind: 'empty' });
    expect(portVerdict('   ', tables)).toEqual({ kind: 'empty' });
    expect(portVerdict(' 8065 ', tables).kind).toBe('checked');
  });

  it('rejects invalid text with the validation key', () => {
    for (const text of ['abc', '0', '08065', '-1', '8e1', '0x50', '80.5', '80 80']) {
      expect(portVerdict(text, tables), text).toEqual({ kind: 'invalid', key: 'port-format' });
    }
    expect(portVerdict('65536', tables)).toEqual({ kind: 'invalid', key: 'port-range' });
    expect(portVerdict('99999', tables)).toEqual({ kind: 'invalid', key: 'port-range' });
  });
});

describe('filterRanges', () => {
  const ranges = tables[0]!.ranges;
  it('keeps every range without a valid port', () => {
    expect(filterRanges(ranges, { kind: 'empty' })).toBe(ranges);
    expect(filterRanges(ranges, { kind: 'invalid', key: 'port-format' })).toBe(ranges);
  });
  it('keeps only the ranges containing the port', () => {
    expect(filterRanges(ranges, portVerdict('8130', tables))).toEqual([
      { start: 8031, end: 8130, administered: false },
    ]);
    expect(filterRanges(ranges, portVerdict('9000', tables))).toEqual([]);
  });
});
