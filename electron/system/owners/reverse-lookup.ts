/**
 * Reverse DNS names for the owners table's remote addresses (TCPView's "resolve addresses"), off
 * unless the user turns it on. Done here, in the main process, because the sandboxed renderer has no
 * resolver; bounded so a hostile or busy page cannot make the elevated process hold unbounded state
 * or wait forever:
 * - every lookup has a timeout (a PTR query to an unreachable server can take many seconds);
 * - answers, including "no name", are cached with a TTL, and the cache holds at most `maxEntries`
 *   addresses (the oldest go first), so the 2-second refresh asks the network once per address;
 * - at most `concurrency` queries run at once, and the same address is asked once while in flight.
 * A PTR record is chosen by whoever owns the remote address, so a name is kept only when it is a
 * well-formed host name (no spaces, control characters or markup reach the window).
 */
import { Resolver } from 'node:dns/promises';
import type { ReverseName } from '../../../shared/model';
import { addressKind } from '../../../shared/addresses';

export type ResolveNames = (address: string) => Promise<readonly string[]>;

export interface ReverseLookupOptions {
  readonly resolve?: ResolveNames;
  readonly timeoutMs?: number;
  /** How long a name is kept. */
  readonly ttlMs?: number;
  /** How long "no name" (none, an error, a timeout) is kept: shorter, a server may answer later. */
  readonly negativeTtlMs?: number;
  readonly maxEntries?: number;
  readonly concurrency?: number;
  readonly now?: () => number;
}

export interface ReverseLookup {
  lookup(addresses: readonly string[]): Promise<readonly ReverseName[]>;
  /** Addresses cached now (for tests). */
  size(): number;
}

export const REVERSE_LOOKUP_DEFAULTS = {
  timeoutMs: 2_000,
  ttlMs: 10 * 60_000,
  negativeTtlMs: 60_000,
  maxEntries: 2_048,
  concurrency: 8,
} as const;

/** Node's resolver (c-ares) with one try and a timeout of its own; the race below is the backstop. */
export const systemResolveNames = (timeoutMs: number): ResolveNames => {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  return (address) => resolver.reverse(address);
};

/** The first answer that is a host name (trailing dot dropped), else null. */
export const pickName = (names: readonly string[]): string | null => {
  for (const raw of names) {
    const name = typeof raw === 'string' ? raw.replace(/\.$/, '') : '';
    if (name.length > 0 && name.length <= 253 && addressKind(name) === 'hostname') return name.toLowerCase();
  }
  return null;
};

const TIMED_OUT = Symbol('timed out');

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(TIMED_OUT);
      },
    );
  });
export const createReverseLookup = (options: ReverseLookupOptions = {}): ReverseLookup => {
  const timeoutMs = options.timeoutMs ?? REVERSE_LOOKUP_DEFAULTS.timeoutMs;
  const ttlMs = options.ttlMs ?? REVERSE_LOOKUP_DEFAULTS.ttlMs;
  const negativeTtlMs = options.negativeTtlMs ?? REVERSE_LOOKUP_DEFAULTS.negativeTtlMs;
  const maxEntries = options.maxEntries ?? REVERSE_LOOKUP_DEFAULTS.maxEntries;
  const concurrency = options.concurrency ?? REVERSE_LOOKUP_DEFAULTS.concurrency;
  const now = options.now ?? Date.now;
  const resolve = options.resolve ?? systemResolveNames(timeoutMs);
  const cache = new Map<string, { name: string | null; expires: number }>();
  const inFlight = new Map<string, Promise<string | null>>();

  const remember = (address: string, name: string | null) => {
    cache.delete(address);
    cache.set(address, { name, expires: now() + (name === null ? negativeTtlMs : ttlMs) });
    // Map keeps insertion order: the first keys are the oldest answers.
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  };

  const ask = (address: string): Promise<string | null> => {
    const pending = inFlight.get(address);
    if (pending) return pending;
    const query = withTimeout(
      Promise.resolve().then(() => resolve(address)),
      timeoutMs,
    ).then((answer) => {
      const name = answer === TIMED_OUT ? null : pickName(answer);
      remember(address, name);
      inFlight.delete(address);
      return name;
    });
    inFlight.set(address, query);
    return query;
  };

  return {
    async lookup(addresses) {
      const answers = new Map<string, string | null>();
      const missing: string[] = [];
      const at = now();
      for (const address of addresses) {
        const cached = cache.get(address);
        if (cached && cached.expires > at) answers.set(address, cached.name);
        else missing.push(address);
      }
      // A fixed number of workers over the missing addresses: never more than `concurrency` queries at once.
      let next = 0;
      const worker = async () => {
        while (next < missing.length) {
          const address = missing[next++] as string;
          answers.set(address, await ask(address));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker));
      return addresses.map((address) => ({ address, name: answers.get(address) ?? null }));
    },
    size: () => cache.size,
  };
};
