import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isListener } from '../../../shared/port-verdict';
import { referenceParseNetstat } from '../../../test/helpers/reference-netstat';
import { listRealSamples, readRealSample } from '../../../test/helpers/sample-files';
import { parseNetstat, scanNetstat } from './netstat';
import { tableOfEntries, type ParsedNetstatEntry } from './netstat-table';

/**
 * The scanner's table answers without building rows (isListenerAt) and builds them on demand (at);
 * both must say what the rows themselves say. netstat-fast-path.test.ts checks the rows against the
 * previous parser; this checks the table's own answers against its rows.
 */

const tableAnswersAsItsRows = (text: string) => {
  const table = scanNetstat(text);
  const rows = table.toArray();
  expect(rows).toHaveLength(table.length);
  for (let i = 0; i < table.length; i++) {
    expect(table.at(i)).toEqual(rows[i]);
    expect(table.isListenerAt(i)).toBe(isListener(rows[i] as ParsedNetstatEntry));
  }
  return rows;
};

const row = fc
  .tuple(
    fc.constantFrom('TCP', 'UDP', 'tcp'),
    fc.constantFrom('0.0.0.0:80', '[::]:135', '127.0.0.1:3000', '[fe80::1%7]:5353', 'host:1'),
    fc.constantFrom('0.0.0.0:0', '[::]:0', '*:*', '10.0.0.1:443', '[::1]:0', '0.0.0.1:0'),
    fc.constantFrom('', 'LISTENING', 'ABHÖREN', 'ESTABLISHED', 'Listen', 'TIME_WAIT', "À L'ÉCOUTE", 'BOUND'),
    fc.constantFrom('', '4', '9184', 'x'),
    fc.constantFrom('', '[svchost.exe] ', '\u00a0'),
  )
  .map(([proto, local, remote, state, pid, lead]) => `${lead}  ${proto}  ${local}  ${remote}  ${state}  ${pid}`);

describe('scanNetstat: the table', () => {
  it('answers isListenerAt and at as its rows do (generated rows, both paths of the scanner)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.constantFrom('\r\n', '\n', '\r'), (lines, newline) => {
        const text = lines.join(newline);
        expect(tableAnswersAsItsRows(text)).toEqual(referenceParseNetstat(text));
      }),
      { numRuns: 500 },
    );
  });

  it('answers as its rows do on every real capture', () => {
    let listeners = 0;
    for (const name of listRealSamples())
      listeners += tableAnswersAsItsRows(readRealSample(name)).filter(isListener).length;
    expect(listeners).toBeGreaterThan(20);
  });

  it('keeps its own strings: a table read after later scans still gives its own rows', () => {
    // Strings are shared through tables that outlive a parse; each table remembers its own indexes.
    const first = ['  TCP  10.0.0.1:80  0.0.0.0:0  LISTENING  4', '  TCP  10.0.0.2:81  1.2.3.4:5  HERGESTELLT  8'].join(
      '\r\n',
    );
    const second = ['  TCP  10.0.0.9:80  0.0.0.0:0  ABHÖREN  4', '  UDP  10.0.0.1:53  *:*  12'].join('\r\n');
    const a = scanNetstat(first);
    const b = scanNetstat(second);
    const again = scanNetstat(first);
    expect(a.toArray()).toEqual(referenceParseNetstat(first));
    expect(b.toArray()).toEqual(referenceParseNetstat(second));
    expect(again.toArray()).toEqual(a.toArray());
    expect(a.at(1).state).toBe('ESTABLISHED');
    expect(b.at(0).state).toBe('LISTENING');
  });

  it('grows past the rows its LFs promised when lone CRs end lines', () => {
    const text = Array.from({ length: 500 }, (_, i) => `  UDP  0.0.0.0:${i + 1}  *:*  ${i}`).join('\r');
    const table = scanNetstat(text);
    expect(table.length).toBe(500);
    expect(table.at(499)).toEqual({
      protocol: 'udp',
      localAddress: '0.0.0.0',
      localPort: 500,
      remoteAddress: null,
      remotePort: null,
      state: null,
      pid: 499,
    });
  });

  it('is empty for what is not text, and parseNetstat then gives []', () => {
    expect(scanNetstat(undefined as unknown as string).length).toBe(0);
    expect(parseNetstat(42 as unknown as string)).toEqual([]);
  });
});

describe('tableOfEntries', () => {
  it('hands out the rows it was given, and isListener of each', () => {
    const rows: ParsedNetstatEntry[] = [
      {
        protocol: 'tcp',
        localAddress: '::',
        localPort: 135,
        remoteAddress: '::',
        remotePort: 0,
        state: 'LISTENING',
        pid: 4,
      },
      {
        protocol: 'tcp',
        localAddress: '10.0.0.1',
        localPort: 5000,
        remoteAddress: '1.2.3.4',
        remotePort: 443,
        state: 'ESTABLISHED',
        pid: 9,
      },
      {
        protocol: 'udp',
        localAddress: '0.0.0.0',
        localPort: 53,
        remoteAddress: null,
        remotePort: null,
        state: null,
        pid: 12,
      },
    ];
    const table = tableOfEntries(rows);
    expect(table.length).toBe(3);
    expect(table.at(1)).toBe(rows[1]);
    expect([0, 1, 2].map((i) => table.isListenerAt(i))).toEqual([true, false, true]);
    expect(table.toArray()).toEqual(rows);
    expect(table.toArray()).not.toBe(rows);
  });
});
