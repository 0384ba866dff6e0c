#!/usr/bin/env node
// Draws the app icon (resources/icon.svg: two arrows, up and down, on a rounded blue square) as
// resources/icon.png, 1024×1024, the size electron-builder turns into the macOS .icns, the Windows .ico
// and the Linux icon set. The square fills the central 824×824 of the canvas, as in Apple's icon grid, so
// the icon does not look oversized in the Dock next to others (the margin is harmless elsewhere). No image library: the shapes are rendered from their signed distance
// (one sample per pixel, edge coverage = 0.5 − distance in pixels, which antialiases as well as 4×4
// supersampling for shapes this simple) and written as an RGBA PNG with node:zlib.
// Run after changing the drawing: `node scripts/make-icons.mjs [SIZE] [OUT.png]`.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

/** The drawing, in the 64×64 units of resources/icon.svg. */
const VIEWBOX = 64
/** Transparent margin on each side, as a fraction of the canvas (100 of 1024 pixels). */
const MARGIN = 100 / 1024
const SQUARE = { radius: 14, rgb: [0x4c, 0x6e, 0xf5] }
const STROKE = { width: 5, rgb: [0xff, 0xff, 0xff] }
/** Stroke segments of the SVG path `M20 44V20m0 0-7 7m7-7 7 7M44 20v24m0 0-7-7m7 7 7-7`. */
const SEGMENTS = [
  [20, 44, 20, 20],
  [20, 20, 13, 27],
  [20, 20, 27, 27],
  [44, 20, 44, 44],
  [44, 44, 37, 37],
  [44, 44, 51, 37],
]

/** Signed distance from (x, y) to the rounded square filling the view box (negative inside). */
function squareDistance(x, y) {
  const half = VIEWBOX / 2
  const qx = Math.abs(x - half) - (half - SQUARE.radius)
  const qy = Math.abs(y - half) - (half - SQUARE.radius)
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - SQUARE.radius
}

/** Signed distance to the union of the round-capped strokes (round joins come with the caps). */
function strokeDistance(x, y) {
  let best = Infinity
  for (const [ax, ay, bx, by] of SEGMENTS) {
    const dx = bx - ax
    const dy = by - ay
    const t = Math.min(Math.max(((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0), 1)
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)))
  }
  return best - STROKE.width / 2
}

/** Coverage of a pixel whose centre lies `distance` pixels from an edge. */
const coverage = (distance) => Math.min(Math.max(0.5 - distance, 0), 1)

/** RGBA pixels of the icon at `size`×`size`. */
function renderIcon(size) {
  const offset = size * MARGIN
  const scale = (size - 2 * offset) / VIEWBOX
  const pixels = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5 - offset) / scale
      const y = (py + 0.5 - offset) / scale
      const fill = coverage(squareDistance(x, y) * scale)
      if (fill === 0) continue
      const stroke = coverage(strokeDistance(x, y) * scale)
      const at = (py * size + px) * 4
      for (let c = 0; c < 3; c++)
        pixels[at + c] = Math.round(SQUARE.rgb[c] * (1 - stroke) + STROKE.rgb[c] * stroke)
      pixels[at + 3] = Math.round(fill * 255)
    }
  }
  return pixels
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An 8-bit RGBA PNG of `pixels` (each scanline with filter type 0). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const size = Number(process.argv[2] ?? 1024)
const out = process.argv[3] ?? join(import.meta.dirname, '../resources/icon.png')
if (!Number.isInteger(size) || size < 16 || size > 4096) {
  console.error(`SIZE must be a whole number of pixels from 16 to 4096, got ${process.argv[2]}`)
  process.exit(2)
}
writeFileSync(out, encodePng(size, renderIcon(size)))
console.log(`wrote ${out} (${size}×${size})`)
