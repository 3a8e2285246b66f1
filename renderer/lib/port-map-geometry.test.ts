import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
