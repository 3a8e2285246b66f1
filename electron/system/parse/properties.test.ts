import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDynamicPortRange,
  parseExcludedRanges,
  parseNetstat,
  parseOemCodePage,
  parsePortProxyShow,
  parseServiceState,
  parseTasklist,
  type ParsedExcludedRange,
  type ParsedPortProxyRule,
} from './index';
import { renderExcludedRangeTable, renderPortProxyShowAll } from '../../../test/helpers/render-netsh-tables';

const PARSERS = {
  parseExcludedRanges,
  parseDynamicPortRange,
  parsePortProxyShow,
  parseNetstat,
  parseTasklist,
  parseServiceState,
  parseOemCodePage,
};

/** Strings built from the pieces real outputs are made of, so the generator reaches the parsers' branches. */
const consoleLikeText = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        '\r\n',
        '\n',
        '\r',
        ' ',
        '\t',
        '*',
        ':',
        '：',
        '[',
        ']',
        '"',
        ',',
        '-',
        '----------    --------',
        '[verify] ',
        'C:\\>',
        'PS>',
        '$ ',
        'TCP',
        'UDP',
        '0.0.0.0:0',
        '[::]:0',
        '*:*',
        'ipv4',
        'ipv6',
        '[SC]',
        '1060:',
        'STATE : 4  RUNNING',
        '(STOPPABLE)',
        'OEMCP    REG_SZ    ',
        '"N/A"',
        'ABH™REN',
        '\uFFFD',
      ),
      fc.integer({ min: 0, max: 70_000 }).map(String),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parsers never throw', () => {
  it.each(Object.entries(PARSERS))('%s on arbitrary strings', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), consoleLikeText), (text) => {
        expect(() => parse(text)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it.each(Object.entries(PARSERS))('%s on non-strings at runtime', (_name, parse) => {
    for (const value of [undefined, null, 0, {}, [], Symbol('x')]) {
      expect(() => (parse as (text: unknown) => unknown)(value)).not.toThrow();
    }
  });
});

/** Sorted, non-overlapping ranges, as netsh lists them. */
const excludedRangeList = fc
  .uniqueArray(fc.integer({ min: 1, max: 65_535 }), { maxLength: 30 })
  .chain((starts) =>
    fc.tuple(
      fc.constant([...starts].sort((a, b) => a - b)),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.boolean()), {
        minLength: starts.length,
        maxLength: starts.length,
      }),
    ),
  )
  .map(([starts, shapes]): ParsedExcludedRange[] =>
    starts.map((start, index) => {
      const [length = 0, administered = false] = shapes[index] ?? [];
      const nextStart = starts[index + 1] ?? 65_536;
      return { start, end: Math.min(start + length, nextStart - 1, 65_535), administered };
    }),
  );

describe('excluded-range tables round-trip', () => {
  it('renders in en/ko, CRLF/LF, padded or not, and parses back to the same rows', () => {
    fc.assert(
      fc.property(
        excludedRangeList,
        fc.constantFrom('en' as const, 'ko' as const),
        fc.constantFrom('\r\n' as const, '\n' as const),
        fc.boolean(),
        fc.constantFrom('tcp' as const, 'udp' as const),
        (rows, language, newline, padded, protocol) => {
          const text = renderExcludedRangeTable(rows, { language, newline, padded, protocol });
          expect(parseExcludedRanges(text)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the round trip through indentation and a command prompt before the table', () => {
    fc.assert(
      fc.property(excludedRangeList, fc.integer({ min: 0, max: 4 }), (rows, indent) => {
        const table = renderExcludedRangeTable(rows, {
          language: 'ko',
          newline: '\r\n',
          padded: true,
          protocol: 'tcp',
        });
        const session = `C:\\WINDOWS\\system32>netsh int ipv4 show excludedportrange protocol=tcp\r\n${table}`;
        const indented = session
          .split('\r\n')
          .map((line) => ' '.repeat(indent) + line)
          .join('\r\n');
        expect(parseExcludedRanges(indented)).toEqual(rows);
      }),
      { numRuns: 100 },
    );
  });
});

const ipv4Address = fc.ipV4();
const ipv6Address = fc.ipV6();
const hostName = fc.constantFrom('wsl.local', 'build-01', 'db.example.com');
const port = fc.integer({ min: 1, max: 65_535 });

const portProxyRule: fc.Arbitrary<ParsedPortProxyRule> = fc
  .constantFrom('v4tov4' as const, 'v4tov6' as const, 'v6tov4' as const, 'v6tov6' as const)
  .chain((type) => {
    const listen = type.startsWith('v4') ? fc.oneof(ipv4Address, hostName, fc.constant('*')) : ipv6Address;
    const connect = type.endsWith('v4') ? fc.oneof(ipv4Address, hostName) : ipv6Address;
    return fc.record({
      type: fc.constant(type),
      listenAddress: listen,
      listenPort: port,
      connectAddress: connect,
      connectPort: port,
    });
  });

describe('portproxy show all round-trips', () => {
  it('renders every section type in en/ko, CRLF/LF, and parses back to the same rules', () => {
    fc.assert(
      fc.property(
        // One rule per type and listen key: the registry holds one value per listen address/port.
        fc.uniqueArray(portProxyRule, {
          maxLength: 12,
          selector: (rule) => `${rule.type} ${rule.listenAddress}/${rule.listenPort}`,
        }),
        fc.constantFrom('en' as const, 'ko' as const),
        fc.constantFrom('\r\n' as const, '\n' as const),
        (rules, language, newline) => {
          // One section per type, in netsh's order of types (v4tov4, v4tov6, v6tov4, v6tov6).
          const expected = (['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6'] as const).flatMap((type) =>
            rules.filter((rule) => rule.type === type),
          );
          expect(parsePortProxyShow(renderPortProxyShowAll(rules, { language, newline }))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
