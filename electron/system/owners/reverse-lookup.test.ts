import { describe, expect, it, vi } from 'vitest';
import { HOSTILE_ADDRESSES } from '../../../test/helpers/hostile-inputs';
import { reverseLookupSchema } from '../../../shared/validate';
import { createSimulatedWindows } from '../run/choose-windows';
import { createReverseLookup, pickName } from './reverse-lookup';

/** A resolver that answers from a table and counts its queries. */
const tableResolver = (names: Record<string, string[]>) => {
  const asked: string[] = [];
  const resolve = async (address: string) => {
    asked.push(address);
    const found = names[address];
    if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return found;
  };
  return { asked, resolve };
};

describe('reverse lookup cache', () => {
  it('answers from the cache within the TTL and asks again after it', async () => {
    let clock = 0;
    const { asked, resolve } = tableResolver({ '140.82.112.4': ['lb-140-82-112-4-iad.github.com.'] });
    const lookup = createReverseLookup({ resolve, ttlMs: 1000, negativeTtlMs: 100, now: () => clock });
    expect(await lookup.lookup(['140.82.112.4', '10.0.0.9'])).toEqual([
      { address: '140.82.112.4', name: 'lb-140-82-112-4-iad.github.com' },
      { address: '10.0.0.9', name: null },
    ]);
    clock = 99;
    await lookup.lookup(['140.82.112.4', '10.0.0.9']);
    expect(asked).toEqual(['140.82.112.4', '10.0.0.9']);
    // "No name" expires sooner than a name: a server may answer later.
    clock = 150;
    await lookup.lookup(['140.82.112.4', '10.0.0.9']);
    expect(asked).toEqual(['140.82.112.4', '10.0.0.9', '10.0.0.9']);
    clock = 1001;
    await lookup.lookup(['140.82.112.4']);
    expect(asked).toEqual(['140.82.112.4', '10.0.0.9', '10.0.0.9', '140.82.112.4']);
  });

  it('holds at most maxEntries addresses, dropping the oldest', async () => {
    const { asked, resolve } = tableResolver({});
    const lookup = createReverseLookup({ resolve, maxEntries: 3 });
    await lookup.lookup(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5']);
    expect(lookup.size()).toBe(3);
    asked.length = 0;
    await lookup.lookup(['10.0.0.5', '10.0.0.1']);
    expect(asked).toEqual(['10.0.0.1']);
    expect(lookup.size()).toBe(3);
  });

  it('asks once for an address requested twice at the same time, and never runs more than `concurrency` queries', async () => {
    let running = 0;
    let most = 0;
    const resolve = vi.fn(async (address: string) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return [`host-${address.replaceAll('.', '-')}.example`];
    });
    const lookup = createReverseLookup({ resolve, concurrency: 3 });
    const addresses = Array.from({ length: 12 }, (_, i) => `10.0.1.${i + 1}`);
    const [a, b] = await Promise.all([lookup.lookup(addresses), lookup.lookup(['10.0.1.1'])]);
    expect(a).toHaveLength(12);
    expect(b).toEqual([{ address: '10.0.1.1', name: 'host-10-0-1-1.example' }]);
    expect(resolve).toHaveBeenCalledTimes(12);
    expect(most).toBeLessThanOrEqual(4);
  });
});

describe('reverse lookup timeout', () => {
  it('gives up on a query that does not answer in time, answers null and does not wait for it', async () => {
    vi.useFakeTimers();
    try {
      const resolve = (address: string) =>
        address === '10.9.9.9' ? new Promise<string[]>(() => undefined) : Promise.resolve(['fast.example']);
      const lookup = createReverseLookup({ resolve, timeoutMs: 500, now: () => Date.now() });
      const pending = lookup.lookup(['10.9.9.9', '10.0.0.1']);
      let settled = false;
      void pending.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(499);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toEqual([
        { address: '10.9.9.9', name: null },
        { address: '10.0.0.1', name: 'fast.example' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats a resolver that throws synchronously like no answer', async () => {
    const lookup = createReverseLookup({
      resolve: () => {
        throw new Error('boom');
      },
    });
    expect(await lookup.lookup(['10.0.0.1'])).toEqual([{ address: '10.0.0.1', name: null }]);
  });
});

describe('reverse lookup names', () => {
  it('keeps only well-formed host names from a PTR answer (its owner chooses it)', () => {
    expect(pickName(['<img src=x onerror=alert(1)>', 'a b.example', 'good.example.'])).toBe('good.example');
    expect(pickName(['1.2.3.4', 'x'.repeat(300)])).toBeNull();
    expect(pickName([])).toBeNull();
  });

  it('answers from the simulator table for the scenarios’ remote hosts, else no name', async () => {
    const windows = createSimulatedWindows({ scenario: 'forwarding', locale: 'en' });
    const lookup = createReverseLookup({ resolve: windows.host.resolveNames! });
    expect(await lookup.lookup(['140.82.112.4', '192.168.1.50', '172.28.241.140'])).toEqual([
      { address: '140.82.112.4', name: 'lb-140-82-112-4-iad.github.com' },
      { address: '192.168.1.50', name: 'devbox.lan' },
      { address: '172.28.241.140', name: null },
    ]);
  });
});

describe('reverse lookup input (owners:reverse-lookup)', () => {
  it('accepts canonical IPv4 and bare lower-case IPv6 addresses', () => {
    expect(reverseLookupSchema.safeParse({ addresses: ['140.82.112.4', '2606:4700::6810:84e5', '::1'] }).success).toBe(
      true,
    );
  });

  it.each([...HOSTILE_ADDRESSES, 'localhost', 'github.com', '2606:4700::6810:84E5', 'fe80::1%7'])(
    'rejects %j',
    (address) => {
      const parsed = reverseLookupSchema.safeParse({ addresses: [address] });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('lookup-addresses');
    },
  );

  it('rejects an empty list, more than 256 addresses and duplicates', () => {
    const many = Array.from({ length: 257 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);
    for (const addresses of [[], many, ['10.0.0.1', '10.0.0.1']]) {
      expect(reverseLookupSchema.safeParse({ addresses }).error?.issues[0]?.message).toBe('lookup-addresses');
    }
    expect(reverseLookupSchema.safeParse({ addresses: many.slice(0, 256) }).success).toBe(true);
  });
});
