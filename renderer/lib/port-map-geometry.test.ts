import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleEndpoint, sampleRule, sampleSnapshot } from '../../test/helpers/fake-api';
import { mapLayers, portCauses } from './port-causes';
import {
  cellToPort,
  columnX,
  MAX_PORT,
  portAtPoint,
  portToCell,
  rangeSegments,
  rowTop,
  type MapLayout,
} from './port-map-geometry';

const layout: MapLayout = { left: 52, top: 16, width: 1024, rowHeight: 6, rowGap: 2 };

describe('port map geometry', () => {
  it('port -> band/column and back, for every port', () => {
    expect(portToCell(0)).toEqual({ row: 0, column: 0 });
    expect(portToCell(1023)).toEqual({ row: 0, column: 1023 });
    expect(portToCell(1024)).toEqual({ row: 1, column: 0 });
    expect(portToCell(65535)).toEqual({ row: 63, column: 1023 });
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_PORT }), (port) => cellToPort(portToCell(port)) === port));
  });

  it('the point inside a port cell hits that port', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PORT }), (port) => {
        const { row, column } = portToCell(port);
        return portAtPoint(columnX(column + 0.5, layout), rowTop(row, layout) + 1, layout) === port;
      }),
    );
    expect(portAtPoint(10, 100, layout)).toBeNull();
    expect(portAtPoint(100, 5, layout)).toBeNull();
    expect(portAtPoint(100, rowTop(64, layout) + 1, layout)).toBeNull();
  });

  it('splits ranges at band edges', () => {
    expect(rangeSegments({ start: 8065, end: 8065 })).toEqual([{ row: 7, startColumn: 897, endColumn: 897 }]);
    expect(rangeSegments({ start: 1000, end: 2100 })).toEqual([
      { row: 0, startColumn: 1000, endColumn: 1023 },
      { row: 1, startColumn: 0, endColumn: 1023 },
      { row: 2, startColumn: 0, endColumn: 52 },
    ]);
    expect(rangeSegments({ start: 49152, end: 65535 })).toHaveLength(16);
    expect(rangeSegments({ start: 10, end: 5 })).toEqual([]);
  });

  it('segments cover exactly the ports of the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PORT }), fc.integer({ min: 0, max: 5000 }), (start, length) => {
        const end = Math.min(MAX_PORT, start + length);
        const covered = rangeSegments({ start, end }).reduce((sum, s) => sum + s.endColumn - s.startColumn + 1, 0);
        return covered === end - start + 1;
      }),
    );
  });
});

describe('local causes for the map', () => {
  const context = {
    snapshot: sampleSnapshot(),
    endpoints: [
      sampleEndpoint({ localPort: 8080 }),
      sampleEndpoint({ localPort: 8080, ipVersion: 'ipv6', localAddress: '::' }),
      sampleEndpoint({ localPort: 5353, protocol: 'udp', state: null }),
    ],
    rules: [sampleRule()],
  };

  it('lists the doctor causes for one port and family, in the doctor order', () => {
    const causes = portCauses(8080, { protocol: 'tcp', ipVersion: 'ipv4' }, context);
    expect(causes.map((c) => c.kind)).toEqual(['excluded', 'owned', 'forwarded', 'dynamic-range']);
    expect(portCauses(8080, { protocol: 'udp', ipVersion: 'ipv4' }, context)).toEqual([]);
    // portproxy is TCP, and v4tov4 listens on IPv4 only.
    expect(portCauses(8080, { protocol: 'tcp', ipVersion: 'ipv6' }, context).map((c) => c.kind)).toEqual([
      'excluded',
      'owned',
      'dynamic-range',
    ]);
  });

  it('precomputes layers per family', () => {
    const tcp4 = mapLayers({ protocol: 'tcp', ipVersion: 'ipv4' }, context);
    expect(tcp4.system).toEqual([{ start: 8031, end: 8130, administered: false }]);
    expect(tcp4.administered).toEqual([{ start: 50000, end: 50059, administered: true }]);
    expect(tcp4.dynamic).toEqual({ start: 1024, end: 65534 });
    expect(tcp4.listeners).toEqual([8080]);
    expect(tcp4.forwarded).toEqual([8080]);
    expect(mapLayers({ protocol: 'udp', ipVersion: 'ipv4' }, context).listeners).toEqual([5353]);
  });
});
