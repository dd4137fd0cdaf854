// Draws the add-in icon (a 3x3 matrix of cells shaded like a heatmap) at every size the manifest uses
// and writes assets/icon-<size>.png. Run once after changing the drawing: `node scripts/make-icons.js`.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Buffer } = require("buffer");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4; // samples per pixel edge, so the small sizes stay smooth
const BACKGROUND = [16, 124, 65]; // Excel green
const CELL = [255, 255, 255];
// Cell opacity by row and column: readiness rising to the bottom right, as on a heatmap.
const SHADES = [
  [0.45, 0.65, 0.85],
  [0.65, 0.85, 1],
  [0.85, 1, 1],
];

function insideRoundedRect(x, y, left, top, size, radius) {
  const right = left + size;
  const bottom = top + size;
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// Colour and opacity of one point of the icon, in a 0..1 square.
function sample(x, y) {
  if (!insideRoundedRect(x, y, 0, 0, 1, 0.18)) return [0, 0, 0, 0];
  const margin = 0.17;
  const gap = 0.06;
  const cell = (1 - 2 * margin - 2 * gap) / 3;
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      const left = margin + col * (cell + gap);
      const top = margin + row * (cell + gap);
      if (insideRoundedRect(x, y, left, top, cell, cell * 0.18)) {
        const a = SHADES[row][col];
        return [...CELL.map((c, i) => c * a + BACKGROUND[i] * (1 - a)), 1];
      }
    }
  }
  return [...BACKGROUND, 1];
}

function drawRgba(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [sr, sg, sb, sa] = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const o = (py * size + px) * 4;
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(outDir, `icon-${size}.png`), encodePng(size, drawRgba(size)));
}
console.log(`Wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
