import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../../test/helpers/fake-api';
import { commandLine, groupByOperation, recordAsText } from './command-line';

describe('commandLine', () => {
  it('prints the exact argv, quoting only what needs it', () => {
    expect(commandLine(sampleRecord(1))).toBe('netsh interface ipv4 show excludedportrange protocol=tcp');
    expect(commandLine({ command: 'sc', args: ['query', 'a b', ''] })).toBe('sc query "a b" ""');
  });

  it('copies command, exit code and output as text', () => {
    const text = recordAsText({ ...sampleRecord(1), stderr: 'boom', exitCode: null, timedOut: true });
    expect(text).toContain('> netsh interface ipv4 show excludedportrange protocol=tcp');
    expect(text).toContain('exit code: none (timed out)');
    expect(text).toContain('--- stdout ---\nok');
    expect(text).toContain('--- stderr ---\nboom');
  });
});

describe('groupByOperation', () => {
  it('groups by operation id, newest operation first, commands in run order', () => {
    const groups = groupByOperation([sampleRecord(3, 'op-2'), sampleRecord(1, 'op-1'), sampleRecord(2, 'op-1')]);
    expect(groups.map((g) => [g.operationId, g.records.map((r) => r.id)])).toEqual([
      ['op-2', [3]],
      ['op-1', [1, 2]],
    ]);
  });
});
