/**
 * Compact, exact notations for expected parser output, so a test can write out every row of a sample
 * on one line: `'1074-1173 50000-50059*'` is two excluded ranges, the second administered.
 */
import type { ParsedExcludedRange, ParsedNetstatEntry } from '../../electron/system/parse/index';

export const ranges = (spec: string): ParsedExcludedRange[] =>
  spec
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const match = /^([0-9]+)-([0-9]+)(\*?)$/.exec(token);
      if (!match) throw new Error(`bad range token ${token}`);
      return { start: Number(match[1]), end: Number(match[2]), administered: match[3] === '*' };
    });

export type NetstatTuple = [
  protocol: 'tcp' | 'udp',
  localAddress: string,
  localPort: number,
  remoteAddress: string | null,
  remotePort: number | null,
  state: string | null,
  pid: number | null,
];

export const netstatEntries = (tuples: readonly NetstatTuple[]): ParsedNetstatEntry[] =>
  tuples.map(([protocol, localAddress, localPort, remoteAddress, remotePort, state, pid]) => ({
    protocol,
    localAddress,
    localPort,
    remoteAddress,
    remotePort,
    state,
    pid,
  }));
