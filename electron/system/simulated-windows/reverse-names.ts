/**
 * Reverse DNS over the simulated network, for the owners table's optional name lookup: PTR names for
 * the remote hosts the scenarios connect to, plus the reverse of every remote host that resolves from
 * a name (`devbox.lan` -> 192.168.1.50). Any other address has no name, as most addresses on a LAN have
 * none; like dns.reverse, "no name" is a rejection (ENOTFOUND).
 */
import type { Machine } from './state';

/** Names as public DNS gives them for the scenarios' remote addresses. */
const PTR_NAMES: Readonly<Record<string, string>> = {
  '140.82.112.4': 'lb-140-82-112-4-iad.github.com',
};

export const createSimReverseNames =
  (machine: Machine, options: { latencyMs?: number } = {}) =>
  async (address: string): Promise<string[]> => {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const known =
      (Object.hasOwn(PTR_NAMES, address) ? PTR_NAMES[address] : undefined) ??
      machine.remoteHosts.find((h) => h.resolvesTo === address)?.address;
    if (known === undefined)
      throw Object.assign(new Error(`getHostByAddr ENOTFOUND ${address}`), { code: 'ENOTFOUND' });
    return [known];
  };
