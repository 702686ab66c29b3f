// Draws the app icons (two linked rings, white on the 界联 red) as PNG files in src/web/public/icons, with Node's
// zlib only: `npx tsx src/web/pwa/make-icons.ts`. The PNGs are committed; rerun after changing the drawing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RED = [0xb7, 0x1c, 0x1c];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGBA PNG from a per-pixel colour function (coordinates in 0..1, sampled 4× for smooth edges). */
function png(size: number, pixel: (x: number, y: number) => [number[], number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ]) {
        const [c, al] = pixel((x + dx) / size, (y + dy) / size);
        r += c[0] * al;
        g += c[1] * al;
        b += c[2] * al;
        a += al;
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / 4) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Two rings side by side, overlapping: the member and the people they stand for. `scale` shrinks it to a safe zone. */
function rings(x: number, y: number, scale: number): boolean {
  const u = (x - 0.5) / scale;
  const v = (y - 0.5) / scale;
  const ring = (cx: number) => {
    const d = Math.hypot(u - cx, v);
    return d > 0.17 && d < 0.25;
  };
  return ring(-0.12) || ring(0.12);
}

function roundedSquare(x: number, y: number): boolean {
  const r = 0.18;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return Math.hypot(dx, dy) <= r;
}

const out = path.resolve(import.meta.dirname, '../public/icons');
fs.mkdirSync(out, { recursive: true });
for (const size of [192, 512]) {
  const icon = png(size, (x, y) => (!roundedSquare(x, y) ? [RED, 0] : rings(x, y, 1) ? [WHITE, 1] : [RED, 1]));
  fs.writeFileSync(path.join(out, `icon-${size}.png`), icon);
}
// Maskable: full bleed, the drawing inside the central 80 % safe zone.
fs.writeFileSync(
  path.join(out, 'icon-maskable-512.png'),
  png(512, (x, y) => (rings(x, y, 0.75) ? [WHITE, 1] : [RED, 1])),
);
fs.writeFileSync(
  path.join(out, 'apple-touch-icon.png'),
  png(180, (x, y) => (rings(x, y, 0.85) ? [WHITE, 1] : [RED, 1])),
);
