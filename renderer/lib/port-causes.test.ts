import { describe, expect, it } from 'vitest';
import type { DoctorCause } from '../../shared/model';
import { isBlocking } from './port-causes';

const range = (administered: boolean) =>
  ({ protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered }) as const;

describe('isBlocking', () => {
  it.each<[string, DoctorCause, boolean]>([
    ['a system reservation', { kind: 'excluded', range: range(false) }, true],
    ['an administered exclusion (protection)', { kind: 'excluded', range: range(true) }, false],
    [
      'the dynamic range (a risk for later)',
      { kind: 'dynamic-range', range: { protocol: 'tcp', ipVersion: 'ipv4', start: 1024, count: 64511 } },
      false,
    ],
    [
      'a portproxy rule',
      {
        kind: 'forwarded',
        rule: {
          type: 'v4tov4',
          listenAddress: '0.0.0.0',
          listenPort: 2222,
          connectAddress: '172.28.241.140',
          connectPort: 22,
        },
      },
      true,
    ],
  ])('%s blocks: %s', (_name, cause, expected) => {
    expect(isBlocking(cause)).toBe(expected);
  });
});
