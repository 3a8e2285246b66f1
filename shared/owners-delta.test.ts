import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint, EndpointChanges } from './model';
import { applyEndpointChanges, diffEndpoints, sameValue } from './owners-delta';

/** Few distinct values per field, so keys collide, repeat and change the way netstat rows do. */
const endpoint: fc.Arbitrary<Endpoint> = fc
  .record({
    protocol: fc.constantFrom('tcp' as const, 'udp' as const),
    localAddress: fc.constantFrom('0.0.0.0', '127.0.0.1', '::', 'fe80::1%12'),
    localPort: fc.integer({ min: 0, max: 6 }),
    remote: fc.option(fc.tuple(fc.constantFrom('10.0.0.2', '::1'), fc.integer({ min: 0, max: 3 })), { nil: null }),
    state: fc.constantFrom('LISTENING', 'ESTABLISHED', 'TIME_WAIT', null),
    pid: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    image: fc.option(fc.constantFrom('svchost.exe', 'node.exe'), { nil: null }),
    services: fc.array(fc.constantFrom('RpcSs', 'iphlpsvc'), { maxLength: 2 }),
    owner: fc.constantFrom('process' as const, 'kernel' as const, 'portproxy' as const),
    path: fc.option(fc.constantFrom('C:\\a.exe', 'C:\\b.exe'), { nil: undefined }),
    rule: fc.option(
      fc.record({
        type: fc.constantFrom('v4tov4' as const, 'v4tov6' as const),
        listenAddress: fc.constantFrom('*', '0.0.0.0'),
        listenPort: fc.integer({ min: 1, max: 3 }),
        connectAddress: fc.constantFrom('10.0.0.2', 'wsl'),
        connectPort: fc.integer({ min: 1, max: 3 }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ remote, path, rule, ...rest }): Endpoint => {
    const base: Endpoint = {
      ...rest,
      ipVersion: rest.localAddress.includes(':') ? 'ipv6' : 'ipv4',
      remoteAddress: remote?.[0] ?? null,
      remotePort: remote?.[1] ?? null,
    };
    // Optional fields absent, as the main process leaves them, or present.
    return { ...base, ...(path === undefined ? {} : { path }), ...(rule === undefined ? {} : { rule }) };
  });

type Edit =
  | { kind: 'insert'; at: number; endpoint: Endpoint }
  | { kind: 'remove'; at: number }
  | { kind: 'change'; at: number; state: string | null; image: string | null }
  | { kind: 'swap'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), endpoint }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      at: fc.nat(),
      state: fc.constantFrom('ESTABLISHED', 'CLOSE_WAIT', null),
      image: fc.constantFrom('node.exe', 'chrome.exe', null),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }) },
);

const applyEdit = (list: Endpoint[], step: Edit): Endpoint[] => {
  const next = [...list];
  if (step.kind === 'insert') next.splice(step.at % (next.length + 1), 0, step.endpoint);
  else if (next.length === 0) return next;
  else if (step.kind === 'remove') next.splice(step.at % next.length, 1);
  else if (step.kind === 'change') {
    const at = step.at % next.length;
    next[at] = { ...(next[at] as Endpoint), state: step.state, image: step.image };
  } else {
    const at = step.at % next.length;
    const other = (at + 1) % next.length;
    [next[at], next[other]] = [next[other] as Endpoint, next[at] as Endpoint];
  }
  return next;
};

/** The renderer's side: starts from the first full list and only ever applies changes after it. */
const replay = (lists: readonly Endpoint[][]) => {
  let held: readonly Endpoint[] = lists[0] ?? [];
  let deltas = 0;
  for (const next of lists.slice(1)) {
    const changes = diffEndpoints(held, next);
    if (changes === null) {
      held = next; // main sends the full list
      continue;
    }
    const applied = applyEndpointChanges(held, changes);
    expect(applied).not.toBeNull();
    held = applied ?? [];
    deltas++;
    // Exactly what a full read gives: same order, same fields, nothing extra (JSON = what IPC carries).
    expect(held).toEqual(next);
    expect(JSON.stringify(held)).toBe(JSON.stringify(next));
  }
  return deltas;
};

describe('owners changes: delta applied = full list', () => {
  it('over random sequences of reads (insert, remove, change fields, reorder, duplicates)', () => {
    let deltas = 0;
    let reads = 0;
    fc.assert(
      fc.property(
        fc.array(endpoint, { maxLength: 12 }),
        fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (first, rounds) => {
          const lists = [first];
          for (const round of rounds) lists.push(round.reduce(applyEdit, lists.at(-1) ?? []));
          deltas += replay(lists);
          reads += rounds.length;
        },
      ),
      { numRuns: 1_000 },
    );
    // Most reads went as deltas: the property is not satisfied by sending everything in full.
    expect(deltas).toBeGreaterThan(reads * 0.7);
  });

  it('keeps the unchanged endpoints as the same objects and sends only what changed', () => {
    const list: Endpoint[] = Array.from({ length: 100 }, (_, i) => ({
      protocol: 'tcp',
      ipVersion: 'ipv4',
      localAddress: '192.168.1.23',
      localPort: 50_000 + i,
      remoteAddress: '10.0.0.2',
      remotePort: 443,
      state: 'ESTABLISHED',
      pid: 100 + (i % 7),
      image: 'chrome.exe',
      services: [],
      owner: 'process',
    }));
    const next = applyEdit(
      applyEdit(applyEdit(list, { kind: 'remove', at: 10 }), {
        kind: 'change',
        at: 50,
        state: 'TIME_WAIT',
        image: null,
      }),
      { kind: 'insert', at: 70, endpoint: { ...(list[0] as Endpoint), localPort: 60_000 } },
    );
    const changes = diffEndpoints(list, next) as EndpointChanges;
    expect(changes.removed).toEqual([10]);
    expect(changes.added.map((entry) => entry.index)).toEqual([70]);
    expect(changes.changed.map((entry) => entry.index)).toEqual([50]);
    const applied = applyEndpointChanges(list, changes) ?? [];
    expect(applied).toEqual(next);
    expect(applied[0]).toBe(list[0]);
    expect(applied[99]).toBe(list[99]);
  });

  it('a reordered list is not a delta (the full list goes instead)', () => {
    const a = { ...(fc.sample(endpoint, 1)[0] as Endpoint), localPort: 1 };
    const b = { ...a, localPort: 2 };
    expect(diffEndpoints([a, b], [b, a])).toBeNull();
  });

  it('refuses changes that do not fit the list held, instead of guessing', () => {
    const list = fc.sample(endpoint, 5).map((e, i) => ({ ...e, localPort: 100 + i }));
    const extra = { ...(list[0] as Endpoint), localPort: 9 };
    const fits: EndpointChanges = { count: 5, removed: [1], added: [{ index: 4, endpoint: extra }], changed: [] };
    expect(applyEndpointChanges(list, fits)).not.toBeNull();
    const misfits: EndpointChanges[] = [
      { ...fits, count: 6 },
      { ...fits, removed: [5] },
      { ...fits, removed: [1, 1] },
      { ...fits, removed: [-1] },
      { ...fits, added: [{ index: 5, endpoint: extra }] },
      { ...fits, changed: [{ index: 4, endpoint: extra }] },
      { ...fits, changed: [{ index: 1.5, endpoint: extra }] },
      { ...fits, count: -1 },
    ];
    for (const changes of misfits) expect(applyEndpointChanges(list, changes), JSON.stringify(changes)).toBeNull();
    // A delta against a list of another length does not fit either.
    expect(applyEndpointChanges(list.slice(1), fits)).toBeNull();
  });

  it('sameValue is strict about absent vs undefined keys and deep in arrays and objects', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
