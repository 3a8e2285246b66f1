import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipText, escapeLogText, safeJsonLine } from './escape';

/** Anything a viewer could take as a line break, a terminal control or a disguise. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_OUTPUT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

describe('escapeLogText', () => {
  it('keeps a CRLF-injected fake audit line on the same line', () => {
    const forged =
      'boom\r\n{"v":1,"kind":"outcome","time":"2026-01-01T00:00:00.000Z","run":"x","op":"op-1","operation":"restart-winnat","verified":"applied"}';
    const escaped = escapeLogText(forged);
    expect(escaped).not.toMatch(/[\r\n]/);
    expect(escaped).toBe(
      'boom\\r\\n{"v":1,"kind":"outcome","time":"2026-01-01T00:00:00.000Z","run":"x","op":"op-1","operation":"restart-winnat","verified":"applied"}',
    );
  });

  it('escapes ANSI escapes, NUL, DEL, C1 controls, U+2028/2029, bidi overrides and zero-width characters', () => {
    expect(escapeLogText('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(escapeLogText('a\u0000b\u007fc\u009bd')).toBe('a\\u0000b\\u007fc\\u009bd');
    expect(escapeLogText('x\u2028y\u2029z')).toBe('x\\u2028y\\u2029z');
    expect(escapeLogText('file\u202egnp.exe\u200b\ufeff')).toBe('file\\u202egnp.exe\\u200b\\ufeff');
    expect(escapeLogText('tab\there')).toBe('tab\\there');
  });

  it('doubles backslashes, so a typed "\\n" cannot pass for an escaped line feed', () => {
    expect(escapeLogText('a\\nb')).toBe('a\\\\nb');
    expect(escapeLogText('a\nb')).toBe('a\\nb');
    expect(escapeLogText('C:\\ProgramData')).toBe('C:\\\\ProgramData');
  });

  it('escapes lone surrogates and keeps pairs', () => {
    expect(escapeLogText('\ud800x\udc00')).toBe('\\ud800x\\udc00');
    expect(escapeLogText('ok 😀 한국어')).toBe('ok 😀 한국어');
  });

  it('bounds a 1 MB string (clipped before escaping, with the cut said)', () => {
    const huge = '\n'.repeat(1024 * 1024);
    const started = Date.now();
    const escaped = escapeLogText(huge, 2000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(escaped).not.toMatch(/\n/);
    expect(escaped.length).toBeLessThan(2000 * 2 + 40);
    expect(escaped).toMatch(/…\[\+1046576 chars\]$/);
  });

  it('never lets an unsafe character through (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(escapeLogText(text)).not.toMatch(UNSAFE_OUTPUT);
      }),
      { numRuns: 200 },
    );
  });
});

describe('clipText', () => {
  it('does not cut a surrogate pair in half', () => {
    expect(clipText('ab😀cd', 3)).toBe('ab…[+4 chars]');
    expect(clipText('short', 10)).toBe('short');
  });
});

describe('safeJsonLine', () => {
  it('is one line that parses back to the same value (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 50 }),
        (a, b) => {
          const line = safeJsonLine({ a, b, list: [a, b] });
          expect(line).not.toMatch(UNSAFE_OUTPUT);
          expect(JSON.parse(line)).toEqual({ a, b, list: [a, b] });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('escapes U+2028 and U+2029, which JSON.stringify leaves raw', () => {
    expect(JSON.stringify('\u2028')).toBe('"\u2028"');
    expect(safeJsonLine('\u2028\u2029')).toBe('"\\u2028\\u2029"');
  });
});
