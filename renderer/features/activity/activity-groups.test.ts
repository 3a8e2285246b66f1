import { describe, expect, it } from 'vitest';
import type { CommandRecord } from '../../../shared/model';
import { sinceText, splitActivity } from './activity-groups';

let nextId = 1;
const record = (operationId: string, overrides: Partial<CommandRecord> = {}): CommandRecord => ({
  id: nextId++,
  operationId,
  operation: 'list-owners',
  command: 'netstat',
  args: ['-ano'],
  exitCode: 0,
  stdout: '',
  stderr: '',
  timedOut: false,
  durationMs: 5,
  startedAt: new Date(Date.UTC(2026, 11, 5, 14, 0, nextId)).toISOString(),
  ...overrides,
});

describe('splitActivity', () => {
  it('keeps changes apart and collapses background reads into one line per command', () => {
    const reads = Array.from({ length: 37 }, (_, i) => record(`owners-${i}`));
    const change = [
      record('add', { operation: 'add-rule', command: 'netsh', args: ['interface', 'portproxy'], verified: 'applied' }),
      record('add', { operation: 'add-rule', command: 'netsh', args: ['show', 'all'], verified: 'applied' }),
    ];
    const tasklist = record('owners-x', { command: 'tasklist', args: ['/FO', 'CSV'], exitCode: 1 });
    const parts = splitActivity([...reads, ...change, tasklist]);

    expect(parts.changes.map((g) => [g.operation, g.records.length])).toEqual([['add-rule', 2]]);
    expect(parts.reads.map((r) => [r.line, r.count, r.failures])).toEqual([
      ['tasklist /FO CSV', 1, 1],
      ['netstat -ano', 37, 0],
    ]);
    expect(parts.reads[1]!.latest).toBe(reads[36]);
    expect(parts.earlier).toEqual([]);
  });

  it('puts changes of earlier runs in their own part', () => {
    const parts = splitActivity([record('old', { operation: 'reset-rules', verified: 'applied', earlierRun: true })]);
    expect(parts.earlier).toHaveLength(1);
    expect(parts.changes).toHaveLength(0);
    expect(parts.reads).toHaveLength(0);
  });
});

describe('sinceText', () => {
  it('says how long ago in the UI language', () => {
    const now = Date.parse('2026-12-05T14:00:10Z');
    expect(sinceText('2026-12-05T14:00:08Z', now, 'en')).toBe('2 sec. ago');
    expect(sinceText('2026-12-05T13:55:10Z', now, 'en')).toBe('5 min. ago');
    expect(sinceText('2026-12-05T14:00:08Z', now, 'ko')).toBe('2초 전');
  });
});
