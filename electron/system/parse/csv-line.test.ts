import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvLine, parseCsvLineByChar } from './csv-line';

describe('parseCsvLine', () => {
  it('reads tasklist rows, commas inside quotes included', () => {
    expect(parseCsvLine('"svchost.exe","1240","BrokerInfrastructure,DcomLaunch"')).toEqual([
      'svchost.exe',
      '1240',
      'BrokerInfrastructure,DcomLaunch',
    ]);
    expect(parseCsvLine('"a ""b""","c"')).toEqual(['a "b"', 'c']);
  });

  it('gives what the character loop gives on any text (the split shortcut never changes an answer)', () => {
    const piece = fc.oneof(
      fc.constantFrom('"', ',', '","', '""', 'N/A', 'svchost.exe', '1240', ' '),
      fc.string({ maxLength: 4 }),
    );
    const line = fc.oneof(
      fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
      fc
        .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 5 })
        .map((fields) => `"${fields.join('","')}"`),
    );
    fc.assert(
      fc.property(line, (text) => {
        expect(parseCsvLine(text)).toEqual(parseCsvLineByChar(text));
      }),
      { numRuns: 3_000 },
    );
  });
});
