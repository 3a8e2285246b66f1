/** Paints the port map on a 2D context; colours come from the theme (read-theme-colors), geometry from lib. */
import type { PortRange } from '../../../shared/model';
import type { MapLayers } from '../../lib/port-causes';
import {
  columnX,
  PORTS_PER_ROW,
  portToCell,
  rangeSegments,
  ROWS,
  rowTop,
  type MapLayout,
} from '../../lib/port-map-geometry';

export interface MapColors {
  readonly band: string;
  readonly dynamic: string;
  readonly system: string;
  readonly administered: string;
  readonly listener: string;
  readonly forwarded: string;
  readonly label: string;
  readonly focus: string;
  readonly font: string;
}

const fillRanges = (
  ctx: CanvasRenderingContext2D,
  ranges: readonly PortRange[],
  layout: MapLayout,
  color: string,
  /** The part of the band's height to fill, top to bottom (0–1). */
  from = 0,
  to = 1,
) => {
  ctx.fillStyle = color;
  for (const range of ranges) {
    for (const segment of rangeSegments(range)) {
      const x = columnX(segment.startColumn, layout);
      // At least one pixel wide: a one-port exclusion must still show.
      const width = Math.max(1, columnX(segment.endColumn + 1, layout) - x);
      ctx.fillRect(x, rowTop(segment.row, layout) + layout.rowHeight * from, width, layout.rowHeight * (to - from));
    }
  }
};

const ticks = (
  ctx: CanvasRenderingContext2D,
  ports: readonly number[],
  layout: MapLayout,
  color: string,
  width: number,
  from: number,
  to: number,
  halo = 0,
) => {
  ctx.fillStyle = color;
  for (const port of ports) {
    const { row, column } = portToCell(port);
    const x = columnX(column + 0.5, layout) - width / 2 - halo;
    const top = rowTop(row, layout);
    ctx.fillRect(x, top + layout.rowHeight * from, width + 2 * halo, layout.rowHeight * (to - from));
  }
};

/** The keyboard cursor: a ring around the port's column of its band, in the focus colour. */
const focusRing = (ctx: CanvasRenderingContext2D, port: number, layout: MapLayout, color: string) => {
  const { row, column } = portToCell(port);
  const x = columnX(column + 0.5, layout);
  const top = rowTop(row, layout);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.strokeRect(x - 4, top - 3, 8, layout.rowHeight + 6);
};

export const drawPortMap = (
  ctx: CanvasRenderingContext2D,
  layers: MapLayers,
  layout: MapLayout,
  colors: MapColors,
  cssWidth: number,
  cssHeight: number,
  /** The keyboard cursor's port while the map has focus. */
  cursor: number | null = null,
) => {
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  ctx.font = colors.font;
  ctx.fillStyle = colors.label;
  ctx.textBaseline = 'middle';

  // Column offsets along the top, band starts down the left every 4 bands (4096 ports).
  ctx.textAlign = 'center';
  for (const column of [0, 256, 512, 768, 1023]) {
    ctx.textAlign = column === 0 ? 'left' : column === 1023 ? 'right' : 'center';
    ctx.fillText(`+${column}`, columnX(column === 1023 ? PORTS_PER_ROW : column, layout), layout.top / 2);
  }
  ctx.textAlign = 'right';
  for (let row = 0; row < ROWS; row += 4) {
    ctx.fillText(String(row * PORTS_PER_ROW), layout.left - 6, rowTop(row, layout) + layout.rowHeight / 2);
  }

  ctx.fillStyle = colors.band;
  for (let row = 0; row < ROWS; row += 1)
    ctx.fillRect(layout.left, rowTop(row, layout), layout.width, layout.rowHeight);

  // The dynamic range as a strip along the bottom of the band: it often covers most of the map, and in a
  // colour strong enough to see (3:1) a full fill drowned the reservations that matter.
  if (layers.dynamic) fillRanges(ctx, [layers.dynamic], layout, colors.dynamic, 0.6, 1);
  fillRanges(ctx, layers.system, layout, colors.system);
  fillRanges(ctx, layers.administered, layout, colors.administered);
  // Listeners as ticks over the lower part, forwarded ports as taller, wider marks: a forwarded port
  // is also a listener (svchost), and both must stay visible.
  // A one-pixel halo in the band colour first: a tick then always sits on the band, never straight on a
  // range colour, so its contrast is the one measured against the band (map-tokens.ts).
  ticks(ctx, layers.forwarded, layout, colors.band, 3, -0.15, 1.15, 1);
  ticks(ctx, layers.listeners, layout, colors.band, 2, 0.25, 1, 1);
  ticks(ctx, layers.forwarded, layout, colors.forwarded, 3, -0.15, 1.15);
  ticks(ctx, layers.listeners, layout, colors.listener, 2, 0.25, 1);
  if (cursor !== null) focusRing(ctx, cursor, layout, colors.focus);
};
