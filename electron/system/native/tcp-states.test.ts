import { describe, expect, it } from 'vitest';
import { normalizeTcpState } from '../parse/netstat-states';
import { tcpStateWord } from './tcp-states';

describe('tcpStateWord', () => {
  it.each([
    [1, 'CLOSED'],
    [2, 'LISTENING'],
    [3, 'SYN_SENT'],
    [4, 'SYN_RECEIVED'],
    [5, 'ESTABLISHED'],
    [6, 'FIN_WAIT_1'],
    [7, 'FIN_WAIT_2'],
    [8, 'CLOSE_WAIT'],
    [9, 'CLOSING'],
    [10, 'LAST_ACK'],
    [11, 'TIME_WAIT'],
    [12, 'DELETE_TCB'],
  ])('MIB_TCP_STATE %d is %s, a word parseNetstat keeps as is', (state, word) => {
    expect(tcpStateWord(state)).toBe(word);
    expect(normalizeTcpState(word)).toBe(word);
  });

  it.each([0, 13, 100, 0xffff_ffff])('an unknown number %d gives UNKNOWN_<n>', (state) => {
    expect(tcpStateWord(state)).toBe(`UNKNOWN_${state}`);
  });
});
