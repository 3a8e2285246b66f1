import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { MapLayers } from '../../lib/port-causes';
import { mapHeight, portAtPoint, type MapLayout } from '../../lib/port-map-geometry';
import { useColorScheme } from '../../theme/use-color-scheme';
import { drawPortMap } from './draw-port-map';
import { readThemeColors } from './read-theme-colors';

const useStyles = makeStyles({
  canvas: { display: 'block', width: '100%', cursor: 'crosshair', borderRadius: tokens.borderRadiusMedium },
});

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
}

export const PortMapCanvas = ({ layers, label, onHover, onPick }: PortMapCanvasProps) => {
  const styles = useStyles();
  const scheme = useColorScheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, viewport: window.innerHeight });

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
    drawPortMap(ctx, layers, layout, readThemeColors(canvas), size.width, height);
    // layout is derived from size and pitch, both listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layers, size, pitch, height, scheme]);

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
      role="img"
      aria-label={label}
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
