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
  it('reads the export format and keeps the firewall flags as ports to open (after a confirmation)', () => {
    const text = JSON.stringify({
      version: 1,
      exportedAt: '2025-01-01T00:00:00Z',
      rules: [
        row({ type: 'v4tov4', firewall: true }),
        row({ listenAddress: '127.0.0.1', firewall: true }),
        row({ listenPort: 2222, firewall: false }),
        row({ listenPort: 22 }),
      ],
    });
    expect(readImportRows(text)).toMatchObject({
      ok: true,
      rows: [row({ type: 'v4tov4', firewall: true }), {}, {}, {}],
    });
    expect(parseImportText(text)).toEqual({
      ok: true,
      rules: [
        row({ type: 'v4tov4' }),
        row({ type: 'v4tov4', listenAddress: '127.0.0.1' }),
        row({ type: 'v4tov4', listenPort: 2222 }),
        row({ type: 'v4tov4', listenPort: 22 }),
      ],
      // One Portwarden firewall rule per listen port, however many rules share it.
      firewallPorts: [8080],
    });
  });

  it('names a firewall field that is not true or false, and imports nothing', () => {
    const text = JSON.stringify([
      row({ firewall: 'yes' }),
      row({ listenPort: 2222, firewall: 1 }),
      row({ firewall: null }),
    ]);
    expect(parseImportText(text)).toEqual({
      ok: false,
      issues: [
        { row: 1, field: 'firewall', key: 'boolean' },
        { row: 2, field: 'firewall', key: 'boolean' },
        { row: 3, field: 'firewall', key: 'boolean' },
      ],
    });
  });

  it('reads a bare array and derives missing types', () => {
    const text = JSON.stringify([row(), row({ listenAddress: '::', listenPort: '9000' })]);
    expect(parseImportText(text)).toEqual({
      ok: true,
      rules: [
        row({ type: 'v4tov4' }),
        { type: 'v6tov4', listenAddress: '::', listenPort: 9000, connectAddress: '172.28.241.140', connectPort: 8080 },
      ],
      firewallPorts: [],
    });
  });

  it('accepts an empty list (replace mode then removes every rule; the preview says so)', () => {
    expect(parseImportText('[]')).toEqual({ ok: true, rules: [], firewallPorts: [] });
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
