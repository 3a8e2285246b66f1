/**
 * The one verdict, and proof that every view says the same thing about a port: the Reserved-ports box
 * (renderer/lib/port-verdict.ts), the doctor in the main process (over the simulated Windows), the
 * port map (layers the canvas paints and the hover), the watched ports and the tray. The property
 * tests check the places an off-by-one hides: range start, end, end + 1, start - 1, single-port
 * ranges and the last dynamic port.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type {
  DoctorCause,
  DoctorReport,
  DynamicRange,
  Endpoint,
  ExcludedRangeTable,
  IpVersion,
  Protocol,
} from './model';
import {
  IP_VERSIONS,
  dynamicEnd,
  inRange,
  indexPortFacts,
  isBlocking,
  portCauses,
  portStatus,
  type PortFacts,
} from './port-verdict';
import { portVerdict } from '../renderer/lib/port-verdict';
import { causesIn, mapLayers, marksAt } from '../renderer/lib/port-causes';
import { rangeSegments, portToCell } from '../renderer/lib/port-map-geometry';
import { watchStateOf } from '../electron/system/watch/status';
import { diagnosePorts } from '../electron/system/owners/doctor';
import { simulatedOperation } from '../test/helpers/simulated-services';
import { sampleEndpoint } from '../test/helpers/fake-api';

// The tray module imports electron; only its pure blockedPorts is used here.
vi.mock('electron', () => ({}));
const { blockedPorts } = await import('../electron/tray');

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

const endpoint = (protocol: Protocol, ipVersion: IpVersion, port: number, pid = 4242): Endpoint =>
  sampleEndpoint({
    protocol,
    ipVersion,
    localPort: port,
    localAddress: ipVersion === 'ipv4' ? '0.0.0.0' : '::',
    state: protocol === 'tcp' ? 'LISTENING' : null,
    pid,
  });

const facts = (over: Partial<PortFacts> = {}): PortFacts => ({
  excluded: [],
  dynamic: [],
  endpoints: [],
  rules: [],
  ...over,
});

const table = (protocol: Protocol, ipVersion: IpVersion, ranges: ExcludedRangeTable['ranges']): ExcludedRangeTable => ({
  protocol,
  ipVersion,
  ranges,
});

const at = (f: PortFacts, port: number, protocol: Protocol = 'tcp') => portCauses(indexPortFacts(f), port, protocol);

describe('portCauses', () => {
  it('one cause per fact: the same WinNAT block in IPv4 and IPv6 is one cause naming both', () => {
    const block = { start: 8031, end: 8130, administered: false };
    const verdict = at(facts({ excluded: [table('tcp', 'ipv4', [block]), table('tcp', 'ipv6', [block])] }), 8065);
    expect(verdict.causes).toEqual([
      { kind: 'excluded', range: { protocol: 'tcp', ipVersion: 'ipv4', ...block }, ipVersions: ['ipv4', 'ipv6'] },
    ]);
    expect(portStatus(verdict)).toBe('reserved');
  });

  it('an administered exclusion is protection, never a blocking cause, and hides the dynamic-range warning', () => {
    const row = { start: 50000, end: 50059, administered: true };
    const dynamic: DynamicRange[] = IP_VERSIONS.map((ipVersion) => ({
      protocol: 'tcp',
      ipVersion,
      start: 49152,
      count: 16384,
    }));
    const both = at(facts({ excluded: [table('tcp', 'ipv4', [row]), table('tcp', 'ipv6', [row])], dynamic }), 50000);
    expect(both.causes.map((c) => c.kind)).toEqual(['excluded']);
    expect(both.causes.some(isBlocking)).toBe(false);
    expect(portStatus(both)).toBe('protected');

    // Protected in IPv4 only: the IPv6 side is not "protected" and keeps its dynamic-range cause.
    const half = at(facts({ excluded: [table('tcp', 'ipv4', [row]), table('tcp', 'ipv6', [])], dynamic }), 50000);
    expect(half.causes.map((c) => [c.kind, c.ipVersions])).toEqual([
      ['excluded', ['ipv4']],
      ['dynamic-range', ['ipv6']],
    ]);
    expect(portStatus(half)).toBe('free');
  });

  it('one owned cause per process, with all its sockets', () => {
    const verdict = at(
      facts({
        endpoints: [endpoint('tcp', 'ipv4', 3000), endpoint('tcp', 'ipv6', 3000), endpoint('tcp', 'ipv4', 3000, 7)],
      }),
      3000,
    );
    expect(verdict.causes.map((c) => c.kind === 'owned' && [c.endpoint.pid, c.endpoints.length, c.ipVersions])).toEqual(
      [
        [4242, 2, ['ipv4', 'ipv6']],
        [7, 1, ['ipv4']],
      ],
    );
    expect(portStatus(verdict)).toBe('taken');
  });

  it('names what could not be read; a blocking cause still decides', () => {
    const verdict = at(
      facts({ excluded: [{ ...table('tcp', 'ipv4', []), error: 'netsh failed' }], endpoints: null, rules: null }),
      3000,
    );
    expect(verdict.unreadable).toEqual(['tcp/ipv4', 'netstat', 'portproxy']);
    expect(portStatus(verdict)).toBe('unknown');
    expect(at(facts({ rules: null }), 3000, 'udp').unreadable).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Every view agrees

interface World {
  readonly tables: ExcludedRangeTable[];
  readonly dynamic: DynamicRange[];
  readonly endpoints: Endpoint[];
}

const rangeArb = fc
  .tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 300 }), fc.boolean())
  .map(([start, extra, administered]) => ({ start, end: Math.min(65535, start + extra), administered }));

/** Single-port ranges are a third of the rows; dynamic ranges often end at 65535. */
const worldArb: fc.Arbitrary<World> = fc
  .record({
    ranges: fc.array(
      fc.tuple(
        fc.constantFrom(...PROTOCOLS),
        fc.constantFrom(...IP_VERSIONS),
        fc.oneof(
          rangeArb,
          rangeArb.map((r) => ({ ...r, end: r.start })),
        ),
      ),
      { maxLength: 8 },
    ),
    dynamicStart: fc.integer({ min: 1024, max: 65000 }),
    dynamicToEnd: fc.boolean(),
    listeners: fc.array(
      fc.tuple(fc.constantFrom(...PROTOCOLS), fc.constantFrom(...IP_VERSIONS), fc.integer({ min: 1, max: 65535 })),
      { maxLength: 4 },
    ),
  })
  .map(({ ranges, dynamicStart, dynamicToEnd, listeners }) => {
    const tables = PROTOCOLS.flatMap((protocol) =>
      IP_VERSIONS.map((ipVersion) =>
        table(
          protocol,
          ipVersion,
          ranges.filter(([p, v]) => p === protocol && v === ipVersion).map(([, , r]) => r),
        ),
      ),
    );
    const count = dynamicToEnd ? 65536 - dynamicStart : Math.max(1, Math.floor((65535 - dynamicStart) / 2));
    const dynamic = PROTOCOLS.flatMap((protocol) =>
      IP_VERSIONS.map((ipVersion) => ({ protocol, ipVersion, start: dynamicStart, count })),
    );
    return { tables, dynamic, endpoints: listeners.map(([p, v, port]) => endpoint(p, v, port)) };
  });

/** The ports where an off-by-one would show: every range's edges and one past them, the dynamic ends, 1 and 65535. */
const edgePorts = (world: World): number[] => {
  const ports = new Set<number>([1, 65535]);
  for (const t of world.tables)
    for (const r of t.ranges) for (const p of [r.start - 1, r.start, r.end, r.end + 1]) ports.add(p);
  for (const d of world.dynamic) for (const p of [d.start - 1, d.start, dynamicEnd(d), dynamicEnd(d) + 1]) ports.add(p);
  for (const e of world.endpoints) ports.add(e.localPort);
  return [...ports].filter((p) => p >= 1 && p <= 65535);
};

const factsOfWorld = (world: World): PortFacts =>
  facts({ excluded: world.tables, dynamic: world.dynamic, endpoints: world.endpoints });

const excludedKey = (c: DoctorCause) =>
  c.kind === 'excluded' ? `${c.range.start}-${c.range.end}-${c.range.administered}-${c.ipVersions.join('+')}` : '';

/** What the reference says, written the obvious way (the definition the views must agree with). */
const reference = (world: World, port: number, protocol: Protocol, ipVersion: IpVersion) => {
  const rows = world.tables.find((t) => t.protocol === protocol && t.ipVersion === ipVersion)!.ranges;
  const hit = rows.filter((r) => r.start <= port && port <= r.end);
  return { system: hit.some((r) => !r.administered), administered: hit.some((r) => r.administered) };
};

describe('every view agrees (fast-check)', () => {
  it('inRange is start <= port <= end, both ends inclusive', () => {
    fc.assert(
      fc.property(rangeArb, fc.integer({ min: 0, max: 65536 }), (range, port) => {
        expect(inRange(range, port)).toBe(range.start <= port && port <= range.end);
        expect(inRange(range, range.start) && inRange(range, range.end)).toBe(true);
        expect(inRange(range, range.end + 1) || inRange(range, range.start - 1)).toBe(false);
      }),
    );
  });

  it('box, doctor verdict, map layers, map paint, map hover, watch list and tray say the same at every edge', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const f = factsOfWorld(world);
        const index = indexPortFacts(f);
        for (const port of edgePorts(world)) {
          const box = portVerdict(String(port), world.tables);
          if (box.kind !== 'checked') throw new Error(`box did not check ${port}`);
          for (const protocol of PROTOCOLS) {
            const verdict = portCauses(index, port, protocol);
            // The box shows exactly the doctor's excluded causes.
            const boxCauses = box.protocols.find((p) => p.protocol === protocol)!.excluded;
            expect(boxCauses.map(excludedKey).sort()).toEqual(
              verdict.causes
                .filter((c) => c.kind === 'excluded')
                .map(excludedKey)
                .sort(),
            );
            for (const ipVersion of IP_VERSIONS) {
              const want = reference(world, port, protocol, ipVersion);
              const family = { protocol, ipVersion };
              const layers = mapLayers(family, f);
              const marks = marksAt(layers, port);
              const hover = causesIn(index, port, family);
              const has = (admin: boolean) =>
                hover.some((c) => c.kind === 'excluded' && c.range.administered === admin);
              expect([has(false), has(true)], `${protocol}/${ipVersion} ${port}`).toEqual([
                want.system,
                want.administered,
              ]);
              expect([marks.has('system'), marks.has('administered')]).toEqual([want.system, want.administered]);
              // What the canvas paints: the segments of the drawn ranges cover the port's cell.
              const cell = portToCell(port);
              const painted = layers.system.some((r) =>
                rangeSegments(r).some(
                  (s) => s.row === cell.row && s.startColumn <= cell.column && cell.column <= s.endColumn,
                ),
              );
              expect(painted).toBe(want.system);
              const d = world.dynamic.find((x) => x.protocol === protocol && x.ipVersion === ipVersion)!;
              const inDynamic = d.start <= port && port <= d.start + d.count - 1;
              expect(marks.has('dynamic')).toBe(inDynamic);
              expect(hover.some((c) => c.kind === 'dynamic-range')).toBe(inDynamic && !want.administered);
            }
            // Watch list and tray: the same word as the doctor.
            const report: DoctorReport = { port, protocol, ...verdict, checkedAt: '2026-01-01T00:00:00.000Z' };
            const status = portStatus(verdict);
            const watch = watchStateOf(report);
            expect(watch.status).toBe(status === 'protected' ? 'free' : status);
            expect(blockedPorts([watch]).length > 0).toBe(status === 'reserved' || status === 'taken');
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the doctor in the main process, over the simulated Windows, says what the verdict says', async () => {
    const env = simulatedOperation('clean');
    const machine = env.sim.machine;
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        for (const t of world.tables) machine.excluded[t.ipVersion][t.protocol] = t.ranges.map((r) => ({ ...r }));
        for (const d of world.dynamic) machine.dynamic[d.ipVersion][d.protocol] = { start: d.start, count: d.count };
        const ports = edgePorts(world).slice(0, 12);
        const queries = PROTOCOLS.flatMap((protocol) => ports.map((port) => ({ port, protocol })));
        const reports = await diagnosePorts(env.op, () => new Date(0), queries);
        for (const report of reports) {
          for (const ipVersion of IP_VERSIONS) {
            const want = reference(world, report.port, report.protocol, ipVersion);
            const excluded = report.causes.filter((c) => c.kind === 'excluded' && c.ipVersions.includes(ipVersion));
            expect(
              [
                excluded.some((c) => c.kind === 'excluded' && !c.range.administered),
                excluded.some((c) => c.kind === 'excluded' && c.range.administered),
              ],
              `${report.protocol}/${ipVersion} ${report.port}`,
            ).toEqual([want.system, want.administered]);
            const d = world.dynamic.find((x) => x.protocol === report.protocol && x.ipVersion === ipVersion)!;
            const inDynamic = d.start <= report.port && report.port <= d.start + d.count - 1;
            expect(report.causes.some((c) => c.kind === 'dynamic-range' && c.ipVersions.includes(ipVersion))).toBe(
              inDynamic && !want.administered,
            );
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
