import { describe, expect, it } from 'vitest';
import { parseServiceState } from './index';
import { readFixture, readRealSample } from '../../../test/helpers/sample-files';

describe('parseServiceState on the real captures', () => {
  it.each([
    // The analog: `sc start` on a kernel driver prints the same block as `sc query` (`STATE : 4 RUNNING`).
    ['sc-create-start-kernel-driver.en.1-analog.txt', 'running'],
    // net.exe output is not sc output: nothing to read.
    ['net-stop-start-winnat.en.1.txt', 'unknown'],
    ['net-stop-invalid-service-name.ko.1.txt', 'unknown'],
    ['error-elevation-advfirewall-add.en.1.txt', 'unknown'],
  ])('%s -> %s', (file, expected) => {
    expect(parseServiceState(readRealSample(file))).toBe(expected);
    expect(parseServiceState(readRealSample(file).replace(/\n/g, '\r\n'))).toBe(expected);
  });
});

describe('parseServiceState on the project fixtures', () => {
  it.each([
    ['sc-query-winnat.en.crlf-running.txt', 'running'],
    ['sc-query-winnat.en.crlf-stopped.txt', 'stopped'],
    // Localized labels (`STATUS`, `ÉTAT`): the state is read by its number.
    ['sc-query-iphlpsvc.de-style.crlf-start-pending.txt', 'starting'],
    ['sc-query-iphlpsvc.fr-style.crlf-stop-pending.txt', 'stopping'],
    ['sc-query-missing.en.crlf.txt', 'absent'],
    ['sc-query-missing.ko.crlf.txt', 'absent'],
    ['sc-query-access-denied.en.crlf.txt', 'unknown'],
  ])('%s -> %s', (file, expected) => {
    expect(parseServiceState(readFixture(file))).toBe(expected);
  });
});

describe('parseServiceState edge cases', () => {
  const query = (stateLine: string, withFlags = true): string =>
    [
      'SERVICE_NAME: winnat',
      '        TYPE               : 1  KERNEL_DRIVER',
      `        ${stateLine}`,
      ...(withFlags ? ['                                (STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)'] : []),
      '        WIN32_EXIT_CODE    : 0  (0x0)',
    ].join('\r\n');

  it.each([
    ['STATE              : 5  CONTINUE_PENDING', 'starting'],
    ['STATE              : 6  PAUSE_PENDING', 'stopping'],
    ['STATE              : 7  PAUSED', 'stopped'],
    ['状態               : 4  実行中', 'running'],
    ['STATE              : 9  WHATEVER', 'unknown'],
  ])('maps `%s` to %s', (line, expected) => {
    expect(parseServiceState(query(line))).toBe(expected);
  });

  it('finds the state line without the flags line (TYPE always comes first)', () => {
    expect(parseServiceState(query('상태               : 1  STOPPED', false))).toBe('stopped');
  });

  it('does not read TYPE as the state when only TYPE is there', () => {
    expect(parseServiceState('SERVICE_NAME: x\r\n        TYPE               : 1  KERNEL_DRIVER\r\n')).toBe('unknown');
  });

  it('returns unknown for garbage', () => {
    expect(parseServiceState('')).toBe('unknown');
    expect(parseServiceState('1060')).toBe('unknown');
    expect(parseServiceState(7 as unknown as string)).toBe('unknown');
  });
});
