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

describe('portVerdict', () => {
  it('finds a port inside a system range, in every family that has it', () => {
    const verdict = portVerdict('8065', tables);
    expect(verdict).toEqual({
      kind: 'checked',
      port: 8065,
      families: [
        {
          family: { protocol: 'tcp', ipVersion: 'ipv4' },
          matches: [{ start: 8031, end: 8130, administered: false }],
          unreadable: false,
        },
        {
          family: { protocol: 'tcp', ipVersion: 'ipv6' },
          matches: [{ start: 8031, end: 8130, administered: false }],
          unreadable: false,
        },
      ],
    });
  });

  it('finds a port inside an administered exclusion, including the edges', () => {
    for (const text of ['50000', '50059']) {
      const verdict = portVerdict(text, tables);
      expect(verdict.kind).toBe('checked');
      if (verdict.kind !== 'checked') return;
      expect(verdict.families[0]?.matches).toEqual([{ start: 50000, end: 50059, administered: true }]);
    }
    const udp6 = portVerdict('50000', tables);
    expect(udp6.kind === 'checked' && udp6.families.map((f) => `${f.family.protocol}/${f.family.ipVersion}`)).toEqual([
      'tcp/ipv4',
      'udp/ipv6',
    ]);
  });

  it('says not excluded with no families', () => {
    expect(portVerdict('8030', tables)).toEqual({ kind: 'checked', port: 8030, families: [] });
    expect(portVerdict('50060', tables)).toEqual({ kind: 'checked', port: 50060, families: [] });
  });

  it('lists an unreadable table because the port may be excluded there', () => {
    const withError: ExcludedRangeTable[] = [
      ...tables.slice(0, 3),
      { protocol: 'udp', ipVersion: 'ipv6', ranges: [], error: 'netsh failed' },
    ];
    const verdict = portVerdict('1', withError);
    expect(verdict).toEqual({
      kind: 'checked',
      port: 1,
      families: [{ family: { protocol: 'udp', ipVersion: 'ipv6' }, matches: [], unreadable: true }],
    });
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
