/**
 * Geometry of the port map: 0–65535 as 64 bands of 1024 ports. Pure, so hit-testing and drawing agree
 * and are tested without a canvas.
 */
import type { PortRange } from '../../shared/model';

export const PORTS_PER_ROW = 1024;
export const ROWS = 64;
export const MAX_PORT = PORTS_PER_ROW * ROWS - 1;

export interface Cell {
  readonly row: number;
  readonly column: number;
}

export const portToCell = (port: number): Cell => ({
  row: Math.floor(port / PORTS_PER_ROW),
  column: port % PORTS_PER_ROW,
});

export const cellToPort = ({ row, column }: Cell): number => row * PORTS_PER_ROW + column;

/** One band's part of a range, columns inclusive. */
export interface Segment {
  readonly row: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

/** A range split at band edges: 1000–2100 is 1000–1023 in band 0, 1024–2047 in band 1, 2048–2100 in band 2. */
export const rangeSegments = ({ start, end }: PortRange): Segment[] => {
  const first = Math.max(0, start);
  const last = Math.min(MAX_PORT, end);
  const segments: Segment[] = [];
  for (
    let row = Math.floor(first / PORTS_PER_ROW);
    row <= Math.floor(last / PORTS_PER_ROW) && first <= last;
    row += 1
  ) {
    const rowStart = row * PORTS_PER_ROW;
    segments.push({
      row,
      startColumn: Math.max(first, rowStart) - rowStart,
      endColumn: Math.min(last, rowStart + PORTS_PER_ROW - 1) - rowStart,
    });
  }
  return segments;
};

/** Where the bands sit inside the canvas, in CSS pixels. */
export interface MapLayout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly rowHeight: number;
  readonly rowGap: number;
}

export const rowTop = (row: number, layout: MapLayout): number => layout.top + row * (layout.rowHeight + layout.rowGap);

export const columnX = (column: number, layout: MapLayout): number =>
  layout.left + (column * layout.width) / PORTS_PER_ROW;

export const mapHeight = (layout: MapLayout): number => layout.top + ROWS * (layout.rowHeight + layout.rowGap);

/** The port under a point, or null in the margins and the gaps between bands' labels. Gaps count as the band above. */
export const portAtPoint = (x: number, y: number, layout: MapLayout): number | null => {
  if (x < layout.left || x >= layout.left + layout.width || y < layout.top) return null;
  const row = Math.floor((y - layout.top) / (layout.rowHeight + layout.rowGap));
  if (row >= ROWS) return null;
  const column = Math.min(PORTS_PER_ROW - 1, Math.floor(((x - layout.left) * PORTS_PER_ROW) / layout.width));
  return cellToPort({ row, column });
};
