import { describe, expect, it } from 'vitest';
import { parseServiceState } from '../parse/service-state';
import { serviceStatusOfState } from './service-states';

describe('serviceStatusOfState', () => {
  it.each([1, 2, 3, 4, 5, 6, 7])('maps dwCurrentState %d as the sc query parser maps the same number', (state) => {
    const scQuery = `SERVICE_NAME: winnat\r\n        TYPE               : 1  KERNEL_DRIVER\r\n        STATE              : ${state}  WORD\r\n                                (NOT_STOPPABLE)\r\n`;
    expect(serviceStatusOfState(state)).toBe(parseServiceState(scQuery));
  });

  it.each([0, 8, 0xffff_ffff])('gives unknown for %d', (state) => {
    expect(serviceStatusOfState(state)).toBe('unknown');
  });
});
