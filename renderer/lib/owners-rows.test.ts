import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../shared/model';
import { sampleEndpoint } from '../../test/helpers/fake-api';
import { endpointMatches } from './owners';
import {
  buildOwnerRows,
  createOwnersFilter,
  ipv4Number,
  naturalKey,
  OWNER_COLUMNS,
  sortedOrder,
  type OwnerRow,
  type RemoteNames,
} from './owners-rows';

const rowsOf = (endpoints: readonly Endpoint[], removed: readonly Endpoint[] = [], names?: RemoteNames) =>
  buildOwnerRows(endpoints, removed, new Set(), (e) => (e.owner === 'docker' ? 'Docker Desktop' : ''), names);

/** Reverse DNS answers for some of endpointArb's remote addresses: a name, a name starting with a digit, none. */
const NAMES: RemoteNames = new Map([
  ['10.0.0.2', 'build.lan'],
  ['9.255.0.1', '1e100.net'],
  ['10.0.0.10', null],
]);

const endpointArb: fc.Arbitrary<Endpoint> = fc
  .record({
    protocol: fc.constantFrom('tcp', 'udp'),
    localAddress: fc.constantFrom('0.0.0.0', '127.0.0.1', '::', 'fe80::1%12', '10.0.0.9', '10.0.0.10'),
    localPort: fc.oneof(fc.constantFrom(80, 8080, 0, 443, 65535), fc.integer({ min: 0, max: 65535 })),
    // Addresses that take the numeric sort and texts that must keep it off (a name starting with a digit).
    remote: fc.option(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('10.0.0.2', '::1', '10.0.0.10', '9.255.0.1', '010.0.0.2', 'github.com', '[fe80::1]'),
          fc.constantFrom('1e100.net', '300.1.1.1', '0.0.0.0'),
          fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `${a}.${b}.0.1`),
        ),
        fc.constantFrom(80, 443, 50123, 0),
      ),
      { nil: null },
    ),
    state: fc.constantFrom('LISTENING', 'ESTABLISHED', null),
    pid: fc.option(fc.constantFrom(4, 80, 4242, 1000, 30000), { nil: null }),
    image: fc.option(fc.constantFrom('node.exe', 'Node2.exe', 'node10.exe', 'svchost.exe', 'System', 'Code.exe'), {
      nil: null,
    }),
    services: fc.array(fc.constantFrom('RpcSs', 'iphlpsvc', 'Dnscache'), { maxLength: 2 }),
    // Only the native layer gives these: present on some rows, absent on others.
    path: fc.option(fc.constantFrom('C:\\Tools\\node.exe', 'C:\\Windows\\System32\\svchost.exe'), { nil: undefined }),
    user: fc.option(fc.constantFrom('NT AUTHORITY\\SYSTEM', 'DEVBOX\\dev'), { nil: undefined }),
  })
  .map(({ remote, path, user, ...rest }) =>
    sampleEndpoint({
      ...rest,
      remoteAddress: remote?.[0] ?? null,
      remotePort: remote?.[1] ?? null,
      ...(path ? { path } : {}),
      ...(user ? { user } : {}),
    }),
  );

const queryArb = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '80',
    '080',
    '4242',
    'node',
    'NODE',
    'node.exe:80',
    ' svc',
    '0.0.0.0:8',
    'rpc',
    'e ',
    'x',
    'tools\\',
    'system',
  ),
  // Across two rows' texts in the joined search string: must never match.
  fc.constantFrom('dnscache\nnode', '3000\nnode', 'e\ns'),
  fc.string({ maxLength: 4 }),
);

const matching = (rows: readonly OwnerRow[], order: Int32Array, text: string) =>
  [...order].filter((index) => endpointMatches((rows[index] as OwnerRow).endpoint, text));

describe('owners rows: the filter', () => {
  it('keeps exactly the rows endpointMatches keeps, in sorted order, whatever was typed before', () => {
    fc.assert(
      fc.property(
        fc.array(endpointArb, { maxLength: 40 }),
        fc.array(queryArb, { minLength: 1, maxLength: 8 }),
        (endpoints, typed) => {
          const rows = rowsOf(endpoints);
          const order = sortedOrder(rows, [{ id: 'image', desc: false }]);
          const filter = createOwnersFilter();
          // Each query extends, shortens or replaces the previous one, as typing and Backspace do.
          for (const text of typed) expect([...filter.apply(rows, order, text)]).toEqual(matching(rows, order, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('narrows from the previous result while typing and answers Backspace from its cache (the same array)', () => {
    const rows = rowsOf([
      sampleEndpoint({ image: 'node.exe', localPort: 3000 }),
      sampleEndpoint({ image: 'nginx.exe', localPort: 80 }),
      sampleEndpoint({ image: 'svchost.exe', localPort: 135 }),
    ]);
    const order = sortedOrder(rows, []);
    const filter = createOwnersFilter();
    const n = filter.apply(rows, order, 'n');
    const no = filter.apply(rows, order, 'no');
    expect([...no]).toEqual([0]);
    expect(filter.apply(rows, order, 'n')).toBe(n);
    expect(filter.apply(rows, order, '')).toBe(order);
    // New rows (a refresh) start afresh.
    const next = rowsOf([sampleEndpoint({ image: 'svchost.exe' }), sampleEndpoint({ image: 'nano.exe' })]);
    expect([...filter.apply(next, sortedOrder(next, []), 'no')]).toEqual([1]);
  });

  it('matches a number as a whole port, PID or remote port only', () => {
    const rows = rowsOf([
      sampleEndpoint({ localPort: 8080, pid: 1 }),
      sampleEndpoint({ localPort: 80, pid: 2 }),
      sampleEndpoint({ localPort: 1, pid: 80 }),
      sampleEndpoint({ localPort: 2, pid: 3, remoteAddress: '10.0.0.1', remotePort: 80, state: 'ESTABLISHED' }),
    ]);
    const order = sortedOrder(rows, []);
    expect([...createOwnersFilter().apply(rows, order, '80')]).toEqual([1, 2, 3]);
    expect([...createOwnersFilter().apply(rows, order, '080')]).toEqual([]);
  });
});

describe('owners rows: sorting', () => {
  const endpoints = [
    sampleEndpoint({ localPort: 8080, pid: 30, image: 'node10.exe', localAddress: '10.0.0.10' }),
    sampleEndpoint({ localPort: 80, pid: 4, image: 'System', localAddress: '10.0.0.9' }),
    sampleEndpoint({ localPort: 443, pid: null, image: null, localAddress: '0.0.0.0' }),
    sampleEndpoint({ localPort: 80, pid: 30, image: 'node2.exe', localAddress: '::' }),
  ];
  const rows = rowsOf(endpoints);
  const ports = (order: Int32Array) => [...order].map((i) => rows[i]?.endpoint.localPort);

  it('sorts numbers by value, ties in data order, both directions', () => {
    expect(ports(sortedOrder(rows, [{ id: 'localPort', desc: false }]))).toEqual([80, 80, 443, 8080]);
    expect([...sortedOrder(rows, [{ id: 'localPort', desc: false }])]).toEqual([1, 3, 2, 0]);
    expect([...sortedOrder(rows, [{ id: 'localPort', desc: true }])]).toEqual([0, 2, 1, 3]);
    // A missing PID sorts as -1, below every real one.
    expect([...sortedOrder(rows, [{ id: 'pid', desc: false }])]).toEqual([2, 1, 0, 3]);
  });

  it('sorts text naturally and case-insensitively (node2 before node10, 10.0.0.9 before 10.0.0.10)', () => {
    expect([...sortedOrder(rows, [{ id: 'image', desc: false }])].map((i) => rows[i]?.endpoint.image)).toEqual([
      null,
      'node2.exe',
      'node10.exe',
      'System',
    ]);
    expect(
      [...sortedOrder(rows, [{ id: 'localAddress', desc: false }])].map((i) => rows[i]?.endpoint.localAddress),
    ).toEqual(['0.0.0.0', '10.0.0.9', '10.0.0.10', '::']);
    expect(naturalKey('a007') < naturalKey('a10')).toBe(true);
    expect(naturalKey('Node') === naturalKey('node')).toBe(true);
  });

  it('reads IPv4 addresses with or without a port as numbers in natural order, and nothing else', () => {
    const texts = [
      '9.0.0.1',
      '10.0.0.1',
      '10.0.0.1:0',
      '10.0.0.1:80',
      '10.0.0.1:443',
      '10.0.0.2',
      '255.255.255.255:65535',
    ];
    const numbers = texts.map(ipv4Number);
    expect(numbers.every((n) => n >= 0)).toBe(true);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect([...texts].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1))).toEqual(texts);
    expect(ipv4Number('010.0.0.1:080')).toBe(ipv4Number('10.0.0.1:80'));
    for (const other of [
      '',
      '::1',
      '[::1]:80',
      'github.com:443',
      '256.0.0.1',
      '1.2.3',
      '1.2.3.4:',
      '1.2.3.4:65536',
      '1.2.3.4x',
    ])
      expect(ipv4Number(other)).toBe(-1);
  });

  it('sorts a remote by its name once the lookup has one, by its address otherwise', () => {
    const named = rowsOf(
      [
        ['10.0.0.2', 80],
        ['200.1.0.1', 80],
        ['10.0.0.1', 443],
        ['10.0.0.10', 22],
      ].map(([remoteAddress, remotePort]) =>
        sampleEndpoint({ remoteAddress: remoteAddress as string, remotePort: remotePort as number }),
      ),
      [],
      NAMES,
    );
    expect([...sortedOrder(named, [{ id: 'remote', desc: false }])].map((i) => named[i]?.remote)).toEqual([
      '10.0.0.1:443',
      '10.0.0.10:22',
      '200.1.0.1:80',
      'build.lan:80',
    ]);
  });

  it('sorts by several keys (Shift+click) and keeps no order without keys', () => {
    expect([
      ...sortedOrder(rows, [
        { id: 'pid', desc: true },
        { id: 'localPort', desc: false },
      ]),
    ]).toEqual([3, 0, 1, 2]);
    expect([...sortedOrder(rows, [])]).toEqual([0, 1, 2, 3]);
    expect([...sortedOrder(rows, [{ id: 'no-such-column', desc: false }])]).toEqual([0, 1, 2, 3]);
  });

  it('agrees with a plain comparator sort on every column and direction', () => {
    fc.assert(
      fc.property(
        fc.array(endpointArb, { maxLength: 60 }),
        fc.constantFrom(...OWNER_COLUMNS),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (list, id, desc, digitName, named) => {
          // Half the runs without the texts that keep addresses off the numeric sort, so it is taken.
          const data = rowsOf(
            digitName ? list : list.filter((e) => !/^(1e100|300|0\.0|9\.255)/.test(e.remoteAddress ?? '')),
            list.slice(0, 2),
            named ? NAMES : undefined,
          );
          const keyOf = (row: OwnerRow): string | number => {
            const e = row.endpoint;
            const values: Record<string, string | number> = {
              protocol: naturalKey(e.protocol),
              localAddress: naturalKey(e.localAddress),
              localPort: e.localPort,
              remote: naturalKey(row.remote),
              state: naturalKey(e.state ?? ''),
              pid: e.pid ?? -1,
              image: naturalKey(e.image ?? ''),
              path: naturalKey(e.path ?? ''),
              user: naturalKey(e.user ?? ''),
              services: naturalKey(row.services),
              explanation: naturalKey(row.explanation),
            };
            return values[id] as string | number;
          };
          const expected = data
            .map((_, i) => i)
            .sort((a, b) => {
              const [ka, kb] = [keyOf(data[a] as OwnerRow), keyOf(data[b] as OwnerRow)];
              const diff = ka < kb ? -1 : ka > kb ? 1 : 0;
              return (desc ? -diff : diff) || a - b;
            });
          expect([...sortedOrder(data, [{ id, desc }])]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
