import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseNetstat } from './netstat';
import { referenceParseNetstat } from '../../../test/helpers/reference-netstat';
import { listFixtures, listRealSamples, readFixture, readRealSample } from '../../../test/helpers/sample-files';

/**
 * parseNetstat scans the text in one pass and hands every line it cannot decide exactly to the general
 * row parser. Whatever the text, its answer must be the previous line-by-line parser's
 * (test/helpers/reference-netstat.ts): same rows, same order, same fields.
 */

/** Mostly the boundary values the parsers decide on, sometimes any number in range, sometimes zero-padded. */
const digits = (min: number, max: number) =>
  fc
    .oneof(
      fc.constantFrom(
        ...[0, 4, 7, 80, 65_535, 65_536, 99_999, 4_294_967_295, 4_294_967_296].filter((n) => n >= min && n <= max),
      ),
      fc.integer({ min, max }),
    )
    .chain((n) => fc.constantFrom(String(n), String(n), String(n).padStart(6, '0')));

const v4 = fc
  .tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 255 })))
  .map((parts) => parts.join('.'));

const address = fc.oneof(
  fc.constantFrom('0.0.0.0', '::', '[::]', '[::1]', '127.0.0.1'),
  v4,
  fc.constantFrom('0.0.0.0', '127.0.0.1', '*', 'localhost', 'HOST-1', 'a[b', 'a]b', ''),
  fc
    .constantFrom('::', '::1', 'fe80::1c2b:3a4d:5e6f:7', '2001:db8::200e', 'FE80::A', '::ffff:1.2.3.4', 'g::1', '')
    .chain((v6) =>
      fc
        .constantFrom('', '%12', '%eth0', '%', '%a b', '%é')
        .map((zone) => (v6 === '' && zone === '' ? '[]' : `[${v6}${zone}]`)),
    ),
  fc.string({ maxLength: 6 }),
);

const port = fc.oneof(digits(0, 70_000), fc.constantFrom('', '*', '-1', '1e3', '80a'));
const endpoint = fc.oneof(
  fc.tuple(address, port).map(([a, p]) => `${a}:${p}`),
  fc.constantFrom('*:*', '[::]:0', '0.0.0.0:0', '[::1]', '1.2.3.4', ':80', '[::]::80', '1.2.3.4:80:90'),
);

const stateWord = fc.constantFrom(
  'LISTENING',
  'ESTABLISHED',
  'TIME_WAIT',
  'established',
  'ABHÖREN',
  'ABH™REN',
  'ABH\uFFFDREN',
  'HERGESTELLT',
  'WARTEND',
  'LETZTE_BESTÄTIGUNG',
  'SCHLIESSEN_WARTEN',
  "À L'ÉCOUTE",
  'Bound',
  '12345',
  '',
);

const pid = fc.oneof(digits(0, 5_000_000_000), fc.constantFrom('', '4294967295', '4294967296', '12345678901', 'x'));

// Mostly what netstat prints (so most rows take the fast path), sometimes what only the general path handles.
const space = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t ') },
  { weight: 1, arbitrary: fc.constantFrom('\u00a0', '\u3000', '\v', '\f', '\u2009') },
);
const gap = fc.array(space, { minLength: 1, maxLength: 2 }).map((parts) => parts.join(''));

const protocol = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('TCP', 'UDP', 'tcp', 'Udp') },
  { weight: 1, arbitrary: fc.constantFrom('TCPv6', 'UD', 'PROTO', '프로토콜', 'TCP:') },
);

const row = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('', '  ', '\t') },
      { weight: 1, arbitrary: fc.constantFrom('[verify] ', '  [svchost.exe] ', '[x]', '\u00a0') },
    ),
    protocol,
    gap,
    endpoint,
    gap,
    endpoint,
    fc.array(fc.tuple(gap, stateWord), { maxLength: 2 }),
    fc.option(fc.tuple(gap, pid), { nil: null }),
    fc.constantFrom('', ' ', '   ', '\t', '\u00a0'),
  )
  .map(([lead, proto, g1, local, g2, remote, states, tail, trailing]) =>
    [lead, proto, g1, local, g2, remote, ...states.flat(), ...(tail ? tail : []), trailing].join(''),
  );

const otherLine = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    'Active Connections',
    '  Proto  Local Address          Foreign Address        State           PID',
    ' [svchost.exe]',
    '  RpcSs',
    'Can not obtain ownership information',
    'C:\\WINDOWS\\system32>netstat -ano',
    '...',
  ),
);

const newline = fc.constantFrom('\r\n', '\n', '\r', '\r\r\n', '\n\r');

const netstatText = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: row }, { weight: 1, arbitrary: otherLine }), newline), {
    maxLength: 30,
  })
  .chain((lines) =>
    fc.boolean().map((endsWithNewline) => {
      const text = lines.map(([line, nl]) => line + nl).join('');
      return endsWithNewline ? text : text.replace(/(\r\n|\r|\n)$/, '');
    }),
  );

describe('parseNetstat fast path = the previous parser', () => {
  it('agrees on generated netstat-like text (rows, headers, tags, odd spaces and endpoints)', () => {
    fc.assert(
      fc.property(netstatText, (text) => {
        expect(parseNetstat(text)).toEqual(referenceParseNetstat(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(parseNetstat(text)).toEqual(referenceParseNetstat(text));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on every real capture and written fixture, and on each of them with LF and lone-CR line ends', () => {
    const texts = [...listRealSamples().map(readRealSample), ...listFixtures().map(readFixture)];
    expect(texts.length).toBeGreaterThan(10);
    let rows = 0;
    for (const text of texts) {
      for (const variant of [text, text.replace(/\r\n/g, '\n'), text.replace(/\r?\n/g, '\r')]) {
        const expected = referenceParseNetstat(variant);
        expect(parseNetstat(variant)).toEqual(expected);
        rows += expected.length;
      }
    }
    // The captures hold real netstat rows: the comparison above is not over empty answers only.
    expect(rows).toBeGreaterThan(100);
  });

  it('agrees on big outputs whose repeated strings are shared (intern slots collide and are replaced)', () => {
    // 30,000 rows over a few hundred local addresses, thousands of remote ones and every state spelling:
    // far more distinct strings than the intern table has slots, in both orders.
    const states = ['ESTABLISHED', 'TIME_WAIT', 'HERGESTELLT', 'WARTEND', 'ABHÖREN', 'SYN_SENT', 'Bound'];
    const lines: string[] = ['', 'Aktive Verbindungen', '', '  Proto  Lokale Adresse  Remoteadresse  Status  PID'];
    for (let i = 0; i < 30_000; i++) {
      const local = i % 3 === 0 ? `[fe80::${(i % 300).toString(16)}%${i % 7}]` : `10.${i % 5}.${(i * 7) % 256}.1`;
      const remote = i % 11 === 0 ? '0.0.0.0:0' : `${(i * 7919) % 223}.${i % 256}.${(i >> 8) % 256}.9:${i % 65_536}`;
      const tail = i % 13 === 0 ? '' : ` ${states[i % states.length] ?? ''}`;
      lines.push(
        i % 17 === 0
          ? `  UDP    ${local}:${i % 65_536}  *:*  ${i}`
          : `  TCP    ${local}:${i % 9999}  ${remote}${tail}  ${i * 4}`,
      );
    }
    const text = lines.join('\r\n');
    const expected = referenceParseNetstat(text);
    expect(expected.length).toBe(30_000);
    expect(parseNetstat(text)).toEqual(expected);
    // The table is warm now and full of other strings: the same answer again, and for the text reversed.
    expect(parseNetstat(text)).toEqual(expected);
    const reversed = lines.slice().reverse().join('\n');
    expect(parseNetstat(reversed)).toEqual(referenceParseNetstat(reversed));
  });

  it('agrees on texts of many chunks: lines across chunk ends, a line longer than a chunk, lone CRs', () => {
    // The scanner copies the text into a 65,536-unit buffer a chunk of whole lines at a time. Rows of every
    // length put the chunk ends at every place in a line; the same address recurs across chunks (its
    // remembered position belongs to the previous chunk); one line is longer than a chunk.
    const lines: string[] = ['Active Connections', '  Proto  Local Address  Foreign Address  State  PID'];
    for (let i = 0; i < 12_000; i++) {
      const pad = ' '.repeat(1 + (i % 37));
      const local = i % 5 === 0 ? `[fe80::${(i % 9).toString(16)}%${i % 3}]` : `192.168.${i % 4}.23`;
      lines.push(`  TCP${pad}${local}:${i % 65_536}${pad}10.${i % 256}.0.${i % 7}:443${pad}ESTABLISHED${pad}${i}`);
      if (i === 3_000) lines.push(`  TCP    1.2.3.4:5    6.7.8.9:10    ${'X'.repeat(70_000)}    4`);
      if (i === 6_000) lines.push(`  UDP    0.0.0.0:500    *:*    4\r  TCP    1.2.3.4:5    0.0.0.0:0    ABHÖREN    8`);
    }
    for (const newline of ['\r\n', '\n', '\r']) {
      const text = lines.join(newline);
      const expected = referenceParseNetstat(text);
      expect(expected.length).toBeGreaterThan(12_000);
      expect(parseNetstat(text)).toEqual(expected);
      // Without the last line end, and with a last line longer than a chunk.
      const unterminated = `${text}${newline}  UDP    [::]:${'5'.repeat(70_000)}    *:*    4`;
      expect(parseNetstat(unterminated)).toEqual(referenceParseNetstat(unterminated));
    }
  });

  it("agrees where Node's Buffer is missing (code units copied one by one)", async () => {
    vi.resetModules();
    vi.stubGlobal('Buffer', undefined);
    try {
      const { parseNetstat: parseWithoutBuffer } = await import('./netstat');
      const text = [...listRealSamples().map(readRealSample), ...listFixtures().map(readFixture)].join('\r\n');
      expect(parseWithoutBuffer(text)).toEqual(referenceParseNetstat(text));
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it('returns [] for a non-string, like the previous parser', () => {
    expect(parseNetstat(undefined as unknown as string)).toEqual([]);
    expect(referenceParseNetstat(undefined as unknown as string)).toEqual([]);
  });
});
