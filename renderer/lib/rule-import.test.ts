import { describe, expect, it } from 'vitest';
import { parseImportText, readImportRows } from './rule-import';

const row = (extra: object = {}) => ({
  listenAddress: '0.0.0.0',
  listenPort: 8080,
  connectAddress: '172.28.241.140',
  connectPort: 8080,
  ...extra,
});

describe('import parser', () => {
  it('reads the export format and strips the firewall flag', () => {
    const text = JSON.stringify({
      version: 1,
      exportedAt: '2025-01-01T00:00:00Z',
      rules: [row({ type: 'v4tov4', firewall: true })],
    });
    expect(readImportRows(text)).toEqual({ ok: true, rows: [row({ type: 'v4tov4' })] });
    expect(parseImportText(text)).toEqual({ ok: true, rules: [row({ type: 'v4tov4' })] });
  });

  it('reads a bare array and derives missing types', () => {
    const text = JSON.stringify([row(), row({ listenAddress: '::', listenPort: '9000' })]);
    expect(parseImportText(text)).toEqual({
      ok: true,
      rules: [
        row({ type: 'v4tov4' }),
        { type: 'v6tov4', listenAddress: '::', listenPort: 9000, connectAddress: '172.28.241.140', connectPort: 8080 },
      ],
    });
  });

  it('accepts an empty list (replace mode then removes every rule; the preview says so)', () => {
    expect(parseImportText('[]')).toEqual({ ok: true, rules: [] });
  });

  it('says when the text is not JSON or not a list of rules', () => {
    expect(parseImportText('{ rules: ')).toMatchObject({ ok: false, problem: 'json' });
    expect(parseImportText('{"items": []}')).toEqual({ ok: false, problem: 'shape' });
    expect(parseImportText('"text"')).toEqual({ ok: false, problem: 'shape' });
    expect(parseImportText(JSON.stringify(Array.from({ length: 1001 }, () => row())))).toEqual({
      ok: false,
      problem: 'too-many',
    });
  });

  it('names every invalid row, 1-based, one issue per field', () => {
    const text = JSON.stringify([
      row(),
      row({ listenPort: '08080', connectAddress: 'http://x' }),
      'not a rule',
      row({ type: 'v6tov6' }),
      row({ comment: 'extra' }),
    ]);
    expect(parseImportText(text)).toEqual({
      ok: false,
      issues: [
        { row: 2, field: 'listenPort', key: 'port-format' },
        { row: 2, field: 'connectAddress', key: 'address' },
        { row: 3, field: '(arguments)', key: 'required' },
        { row: 4, field: 'type', key: 'type-mismatch' },
        { row: 5, field: 'comment', key: 'unknown-field' },
      ],
    });
  });
});
