/**
 * What WinNAT does to the excluded-range tables. Starting it reserves blocks (usually 100 ports) inside
 * the dynamic range, at positions that change every start, often several adjacent blocks
 * (49673-49772 ... 50060-50159 in excludedportrange-tcp.en.1.txt); stopping it drops its own rows and keeps
 * the administered `*` ones and other system holders (session-excludedportrange-winnat-restart.ko.1.txt: only `50000 50059 *` is left).
 * Reservations are made for the protocol as a whole, so they appear in the ipv4 and the ipv6 table.
 */
import { randomInt } from './random';
import { isPortInUse } from './sockets';
import type { Machine, SimProtocol } from './state';

const overlapsAny = (machine: Machine, protocol: SimProtocol, start: number, end: number): boolean =>
  (['ipv4', 'ipv6'] as const).some((v) => machine.excluded[v][protocol].some((r) => r.start <= end && start <= r.end));

const isFree = (machine: Machine, protocol: SimProtocol, start: number, end: number): boolean =>
  !overlapsAny(machine, protocol, start, end) &&
  !isPortInUse(machine, 'ipv4', protocol, start, end) &&
  !isPortInUse(machine, 'ipv6', protocol, start, end);

const reserve = (machine: Machine, protocol: SimProtocol, start: number, end: number): void => {
  for (const v of ['ipv4', 'ipv6'] as const) machine.excluded[v][protocol].push({ start, end, administered: false });
};

/** Seeded: the positions come from machine.rng, so the same seed gives the same blocks. */
export const reserveWinnatBlocks = (machine: Machine): void => {
  const { blockSize } = machine.winnat;
  for (const protocol of ['tcp', 'udp'] as const) {
    const dynamic = machine.dynamic.ipv4[protocol];
    const lastStart = dynamic.start + dynamic.count - blockSize;
    let remaining = protocol === 'tcp' ? machine.winnat.tcpBlocks : machine.winnat.udpBlocks;
    // Bounded attempts: a crowded range may not fit every block, like a real machine that reserves fewer.
    for (let attempt = 0; remaining > 0 && attempt < 200 && lastStart >= dynamic.start; attempt++) {
      let start = randomInt(machine, dynamic.start, lastStart);
      let run = randomInt(machine, 1, 3);
      while (
        run > 0 &&
        remaining > 0 &&
        start <= lastStart &&
        isFree(machine, protocol, start, start + blockSize - 1)
      ) {
        reserve(machine, protocol, start, start + blockSize - 1);
        start += blockSize;
        run--;
        remaining--;
      }
    }
  }
};

export const dropWinnatBlocks = (machine: Machine): void => {
  for (const v of ['ipv4', 'ipv6'] as const) {
    for (const p of ['tcp', 'udp'] as const)
      machine.excluded[v][p] = machine.excluded[v][p].filter((r) => r.administered || r.holder === 'system');
  }
};
