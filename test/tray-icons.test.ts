/**
 * The tray icon set (issue 5: normal and warning states, 16/24/32 px, light and dark taskbar). The
 * Windows tray uses the .ico (one image per scaling: 100/150/200 %); each image must be readable on
 * both taskbar colours, which the icons do with a filled badge (blue on light) and a white glyph
 * (on dark): checked here as WCAG non-text contrast (3:1) of a real share of each icon's pixels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const TRAY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../build/tray');

/** Windows 11 taskbar backgrounds (light and dark mode). */
const TASKBARS = { light: [243, 243, 243], dark: [32, 32, 32] } as const;

interface Image {
  readonly size: number;
  /** RGBA, row by row. */
  readonly pixels: Buffer;
}

/** Decodes the PNGs make-icons.mjs writes: 8-bit RGBA, non-interlaced (any filter type). */
const decodePng = (png: Buffer): Image => {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let size = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('ascii');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      size = data.readUInt32BE(0);
      expect(data.readUInt32BE(4)).toBe(size);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = size * 4;
  const pixels = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { size, pixels };
};

/** The PNG images inside an .ico (make-icons.mjs stores PNG entries). */
const icoImages = (file: string): Image[] => {
  const ico = readFileSync(file);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const bytes = ico.readUInt32LE(entry + 8);
    const start = ico.readUInt32LE(entry + 12);
    const image = decodePng(ico.subarray(start, start + bytes));
    expect(ico[entry] === 0 ? 256 : ico[entry]).toBe(image.size);
    return image;
  });
};

const luminance = ([r, g, b]: readonly number[]) => {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
};
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Share of the icon's area (opaque pixels, blended over the taskbar) that stands out from it at 3:1. */
const visibleShare = (image: Image, taskbar: readonly number[]) => {
  let opaque = 0;
  let visible = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    const alpha = image.pixels[i + 3]! / 255;
    if (alpha < 0.5) continue;
    opaque += 1;
    const color = [0, 1, 2].map((c) => image.pixels[i + c]! * alpha + taskbar[c]! * (1 - alpha));
    if (contrast(color, taskbar) >= 3) visible += 1;
  }
  return { opaque, share: opaque === 0 ? 0 : visible / opaque };
};

describe('tray icons', () => {
  for (const kind of ['normal', 'warning'] as const) {
    it(`${kind}: the .ico holds 16, 24 and 32 px, and the PNG set matches`, () => {
      expect(icoImages(path.join(TRAY, `tray-${kind}.ico`)).map((i) => i.size)).toEqual([16, 24, 32]);
      const pngs = ['', '@1.5x', '@2x'].map((scale) =>
        decodePng(readFileSync(path.join(TRAY, `tray-${kind}${scale}.png`))),
      );
      expect(pngs.map((i) => i.size)).toEqual([16, 24, 32]);
    });

    it(`${kind}: every size is readable on the light and the dark taskbar`, () => {
      for (const image of icoImages(path.join(TRAY, `tray-${kind}.ico`))) {
        for (const [name, taskbar] of Object.entries(TASKBARS)) {
          const { opaque, share } = visibleShare(image, taskbar);
          expect(opaque, `${kind} ${image.size}px`).toBeGreaterThan(image.size * image.size * 0.4);
          expect(share, `${kind} ${image.size}px on the ${name} taskbar`).toBeGreaterThanOrEqual(0.15);
        }
      }
    });
  }

  it('the warning state looks different from the normal one at every size', () => {
    const normal = icoImages(path.join(TRAY, 'tray-normal.ico'));
    const warning = icoImages(path.join(TRAY, 'tray-warning.ico'));
    normal.forEach((image, i) => {
      const other = warning[i]!;
      let differing = 0;
      for (let p = 0; p < image.pixels.length; p += 4)
        if (image.pixels.compare(other.pixels, p, p + 4, p, p + 4) !== 0) differing += 1;
      expect(differing / (image.size * image.size), `${image.size}px`).toBeGreaterThan(0.1);
    });
  });
});
