#!/usr/bin/env node
// @ts-check
// Draws the app icon, build/icon.png (1024x1024 RGBA), with no dependency but node:zlib: two systems
// (Onshape and Arena) joined by a pulse line, on a rounded blue square. build/icon.svg is the same
// drawing as a vector source; electron-builder makes .ico and .icns from the PNG.
//
//   node build/make-icon.mjs            writes build/icon.png
//   node build/make-icon.mjs out.png    writes elsewhere
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;

/**
 * The drawing, shared with icon.svg (keep both in step).
 * @type {{
 *   square: {x: number, y: number, size: number, radius: number, top: [number, number, number], bottom: [number, number, number]},
 *   nodes: {cx: number, cy: number, r: number}[],
 *   pulse: {width: number, points: [number, number][]},
 * }}
 */
export const ICON = {
  square: { x: 100, y: 100, size: 824, radius: 185, top: [0x1f, 0x8f, 0xe8], bottom: [0x0a, 0x3d, 0x7a] },
  nodes: [
    { cx: 262, cy: 512, r: 74 },
    { cx: 762, cy: 512, r: 74 },
  ],
  pulse: {
    width: 46,
    points: [
      [336, 512],
      [424, 512],
      [472, 372],
      [548, 668],
      [604, 440],
      [636, 512],
      [688, 512],
    ],
  },
};

/**
 * Signed distance from (px, py) to a rounded square: negative inside.
 * @param {number} px @param {number} py @param {{x: number, y: number, size: number, radius: number}} square
 */
function roundedSquareDistance(px, py, { x, y, size, radius }) {
  const half = size / 2;
  const qx = Math.abs(px - (x + half)) - (half - radius);
  const qy = Math.abs(py - (y + half)) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * Distance from (px, py) to the segment a-b.
 * @param {number} px @param {number} py @param {number[]} a @param {number[]} b
 */
function segmentDistance(px, py, [ax = 0, ay = 0], [bx = 0, by = 0]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Anti-aliased coverage (0..1) of a shape from its signed distance at a pixel centre. */
const coverage = (/** @type {number} */ distance) => Math.max(0, Math.min(1, 0.5 - distance));

/** @returns {Buffer} width*height*4 RGBA samples */
export function drawIcon(size = SIZE) {
  const scale = size / SIZE;
  const rgba = Buffer.alloc(size * size * 4);
  const { square, nodes, pulse } = ICON;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const px = (col + 0.5) / scale;
      const py = (row + 0.5) / scale;
      const background = coverage(roundedSquareDistance(px, py, square) * scale);
      if (background === 0) continue;
      const t = Math.max(0, Math.min(1, (py - square.y) / square.size));
      let r = square.top[0] + (square.bottom[0] - square.top[0]) * t;
      let g = square.top[1] + (square.bottom[1] - square.top[1]) * t;
      let b = square.top[2] + (square.bottom[2] - square.top[2]) * t;
      let white = 0;
      for (const node of nodes) white = Math.max(white, coverage((Math.hypot(px - node.cx, py - node.cy) - node.r) * scale));
      for (const [i, point] of pulse.points.entries()) {
        if (i === 0) continue;
        const d = segmentDistance(px, py, pulse.points[i - 1] ?? point, point) - pulse.width / 2;
        white = Math.max(white, coverage(d * scale));
      }
      r += (255 - r) * white;
      g += (255 - g) * white;
      b += (255 - b) * white;
      const at = (row * size + col) * 4;
      rgba[at] = Math.round(r);
      rgba[at + 1] = Math.round(g);
      rgba[at + 2] = Math.round(b);
      rgba[at + 3] = Math.round(background * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} buffer */
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = /** @type {number} */ (CRC_TABLE[(c ^ byte) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * Encodes RGBA samples as an 8-bit truecolour-with-alpha PNG.
 * @param {Buffer} rgba @param {number} width @param {number} height
 */
export function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let row = 0; row < height; row++) {
    raw[row * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, row * (width * 4 + 1) + 1, row * width * 4, (row + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2] ?? fileURLToPath(new URL('./icon.png', import.meta.url));
  writeFileSync(target, encodePng(drawIcon(SIZE), SIZE, SIZE));
  console.log(`wrote ${target} (${SIZE}x${SIZE})`);
}
