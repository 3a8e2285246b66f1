import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { MapLayers } from '../../lib/port-causes';
import {
  columnX,
  mapHeight,
  MAX_PORT,
  portAtPoint,
  portToCell,
  PORTS_PER_ROW,
  rowTop,
  type MapLayout,
} from '../../lib/port-map-geometry';
import { useColorScheme } from '../../theme/use-color-scheme';
import { drawPortMap } from './draw-port-map';
import { readThemeColors } from './read-theme-colors';

const useStyles = makeStyles({
  canvas: {
    display: 'block',
    width: '100%',
    cursor: 'crosshair',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/** Every port where something starts or ends: Ctrl+arrows jump between them. */
const landmarksOf = (layers: MapLayers): number[] => {
  const ports = new Set<number>([...layers.listeners, ...layers.forwarded]);
  for (const range of [...(layers.dynamic ? [layers.dynamic] : []), ...layers.system, ...layers.administered]) {
    ports.add(range.start);
    ports.add(range.end);
  }
  return [...ports].filter((port) => port >= 0 && port <= MAX_PORT).sort((a, b) => a - b);
};

const clampPort = (port: number): number => Math.max(0, Math.min(MAX_PORT, port));

/** Where the arrow keys take the cursor; null for keys the map does not handle. */
const moveCursor = (event: KeyboardEvent, port: number, landmarks: readonly number[]): number | null => {
  const bandStart = port - (port % PORTS_PER_ROW);
  switch (event.key) {
    case 'ArrowRight':
      if (event.ctrlKey) return landmarks.find((p) => p > port) ?? port;
      return clampPort(port + (event.shiftKey ? 64 : 1));
    case 'ArrowLeft':
      if (event.ctrlKey) return [...landmarks].reverse().find((p) => p < port) ?? port;
      return clampPort(port - (event.shiftKey ? 64 : 1));
    case 'ArrowDown':
      return clampPort(port + PORTS_PER_ROW);
    case 'ArrowUp':
      return clampPort(port - PORTS_PER_ROW);
    case 'PageDown':
      return clampPort(port + 4 * PORTS_PER_ROW);
    case 'PageUp':
      return clampPort(port - 4 * PORTS_PER_ROW);
    case 'Home':
      return event.ctrlKey ? 0 : bandStart;
    case 'End':
      return event.ctrlKey ? MAX_PORT : bandStart + PORTS_PER_ROW - 1;
    default:
      return null;
  }
};

const GUTTER = 52;
const AXIS = 16;

/** Band height from the window height: all 64 bands fit on a large screen, a small one scrolls a little. */
const pitchFor = (viewportHeight: number): number => Math.max(8, Math.min(12, Math.floor((viewportHeight - 280) / 64)));

export interface HoverPoint {
  readonly port: number;
  /** Pointer position inside the canvas, CSS pixels. */
  readonly x: number;
  readonly y: number;
  /** The canvas width, so the tooltip can stay inside it. */
  readonly width: number;
}

export interface PortMapCanvasProps {
  readonly layers: MapLayers;
  readonly label: string;
  readonly onHover: (point: HoverPoint | null) => void;
  readonly onPick: (port: number) => void;
  /** What a screen reader says for the cursor's port (the tooltip's text). */
  readonly describePort: (port: number) => string;
  /** One line on how to use the keys. */
  readonly keysHint: string;
}

/**
 * The map as a canvas, usable by mouse and keyboard (issue #11). For the keyboard it is a slider over
 * ports 0–65535: arrows move a cursor (Shift: 64 ports, Up/Down: a band, Ctrl: to the next start or end
 * of anything marked), Enter opens the port in the doctor as a click does, and the cursor's port and
 * what holds it are its aria-valuetext, so a screen reader reads each move.
 */
export const PortMapCanvas = ({ layers, label, onHover, onPick, describePort, keysHint }: PortMapCanvasProps) => {
  const styles = useStyles();
  const scheme = useColorScheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, viewport: window.innerHeight });
  const [cursor, setCursor] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const landmarks = useMemo(() => landmarksOf(layers), [layers]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const measure = () => setSize({ width: canvas.clientWidth, viewport: window.innerHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  const pitch = pitchFor(size.viewport);
  const layout: MapLayout = {
    left: GUTTER,
    top: AXIS,
    width: Math.max(64, size.width - GUTTER - 4),
    rowHeight: pitch - 2,
    rowGap: 2,
  };
  const height = mapHeight(layout);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    // The scheme is a dependency so a theme switch repaints with the new token values.
    const colors = readThemeColors(canvas);
    drawPortMap(ctx, layers, layout, colors, size.width, height, focused ? cursor : null);
    // The colours as painted, for the contrast test (e2e/keyboard-layout.spec.ts) and for inspection.
    canvas.dataset.palette = JSON.stringify({ ...colors, font: undefined });
    // layout is derived from size and pitch, both listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layers, size, pitch, height, scheme, cursor, focused]);

  /** The tooltip's anchor for a port: under its column, as if the pointer were there. */
  const pointFor = (port: number): HoverPoint => {
    const { row, column } = portToCell(port);
    return {
      port,
      x: columnX(column + 0.5, layout),
      y: rowTop(row, layout) + layout.rowHeight,
      width: size.width,
    };
  };

  const moveTo = (port: number) => {
    setCursor(port);
    onHover(pointFor(port));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const port = cursor ?? landmarks[0] ?? 0;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(port);
      return;
    }
    if (event.key === 'Escape') {
      onHover(null);
      return;
    }
    const next = moveCursor(event, port, landmarks);
    if (next === null) return;
    event.preventDefault();
    setFocused(true);
    moveTo(next);
  };

  const pointAt = (event: MouseEvent<HTMLCanvasElement>): HoverPoint | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const port = portAtPoint(x, y, layout);
    return port === null ? null : { port, x, y, width: rect.width };
  };

  return (
    <canvas
      ref={canvasRef}
      className={styles.canvas}
      // Height follows the band size; only the CSSOM is written, which the CSP allows.
      style={{ height: `${height}px` }}
      tabIndex={0}
      role="slider"
      aria-label={label}
      aria-description={keysHint}
      aria-valuemin={0}
      aria-valuemax={MAX_PORT}
      aria-valuenow={cursor ?? landmarks[0] ?? 0}
      aria-valuetext={describePort(cursor ?? landmarks[0] ?? 0)}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Enter"
      data-cursor={cursor ?? undefined}
      onFocus={(event) => {
        // A click focuses the canvas too: the cursor and its tooltip are for keyboard focus only.
        if (!event.currentTarget.matches(':focus-visible')) return;
        setFocused(true);
        moveTo(cursor ?? landmarks[0] ?? 0);
      }}
      onBlur={() => {
        setFocused(false);
        onHover(null);
      }}
      onKeyDown={onKeyDown}
      data-testid="port-map-canvas"
      onMouseMove={(event) => onHover(pointAt(event))}
      onMouseLeave={() => onHover(null)}
      onClick={(event) => {
        const point = pointAt(event);
        if (point) onPick(point.port);
      }}
    />
  );
};
