#!/usr/bin/env node
// Draws Portwarden's icons with Node built-ins only (zlib for PNG): no image tooling to install, and
// the output is reproducible. Run `node scripts/make-icons.mjs`; the results are committed in build/.
//   build/icon.ico, build/icon.png           app / installer icon (16..256)
//   build/tray/tray-<kind>.ico                Windows tray, 16/24/32 px (100/150/200 % scaling)
//   build/tray/tray-<kind>[@1.5x|@2x].png     other platforms (nativeImage picks the scale siblings)
// <kind> is normal (WinNAT running) or warning (stopped, absent or unknown).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const trayDir = path.join(buildDir, 'tray');

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const AMBER = [247, 168, 0];
const DARK = [36, 36, 36];

// --- PNG encoding -------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const encodePng = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

// ICO with PNG entries (Windows Vista and later read them; sizes of 256 are stored as 0).
const encodeIco = (images) => {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
};

// --- Drawing: shapes in a unit square, 4x4 supersampled for smooth edges --------------------------
const roundedSquare = (x, y, inset, radius) => {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
};
const circle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** A blue tile with a white "port": a socket outline with two pins. The warning adds an amber badge. */
const colorAt = (x, y, warning) => {
  if (warning) {
    if (circle(x, y, 0.74, 0.74, 0.26)) {
      const mark = rect(x, y, 0.71, 0.58, 0.77, 0.78) || circle(x, y, 0.74, 0.86, 0.035);
      return mark ? DARK : AMBER;
    }
    if (circle(x, y, 0.74, 0.74, 0.31)) return null; // a transparent gap around the badge
  }
  if (!roundedSquare(x, y, 0.04, 0.2)) return null;
  const socketOuter = rect(x, y, 0.22, 0.3, 0.78, 0.72);
  const socketInner = rect(x, y, 0.3, 0.38, 0.7, 0.64);
  const pins = rect(x, y, 0.37, 0.44, 0.44, 0.58) || rect(x, y, 0.56, 0.44, 0.63, 0.58);
  if ((socketOuter && !socketInner) || pins) return WHITE;
  return BLUE;
};

const render = (size, warning) => {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const color = colorAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, warning);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return encodePng(size, rgba);
};

mkdirSync(trayDir, { recursive: true });
const written = [];
const write = (file, data) => {
  writeFileSync(file, data);
  written.push(path.relative(root, file));
};

for (const kind of ['normal', 'warning']) {
  const warning = kind === 'warning';
  const traySizes = [16, 24, 32];
  write(
    path.join(trayDir, `tray-${kind}.ico`),
    encodeIco(traySizes.map((size) => ({ size, png: render(size, warning) }))),
  );
  write(path.join(trayDir, `tray-${kind}.png`), render(16, warning));
  write(path.join(trayDir, `tray-${kind}@1.5x.png`), render(24, warning));
  write(path.join(trayDir, `tray-${kind}@2x.png`), render(32, warning));
}
const appSizes = [16, 24, 32, 48, 64, 128, 256];
write(path.join(buildDir, 'icon.ico'), encodeIco(appSizes.map((size) => ({ size, png: render(size, false) }))));
write(path.join(buildDir, 'icon.png'), render(512, false));
console.log(`Portwarden icons: ${written.join(', ')}`);
