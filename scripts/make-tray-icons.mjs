#!/usr/bin/env node
// Draws the tray images into resources/tray/ from the app icon's drawing (scripts/make-icons.mjs):
// - tray.png (16 px) and tray@2x.png (32 px): the colour icon, for Windows (Electron picks the @2x
//   variant on high-density screens by its name);
// - tray-32.png: the colour icon for Linux panels, which scale one image themselves;
// - trayTemplate.png (16 px) and trayTemplate@2x.png (32 px): macOS template images, black arrows on
//   transparency that the menu bar tints for light and dark mode.
// Run after changing the drawing: `node scripts/make-tray-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodePng, renderIcon } from './make-icons.mjs'

const OUT = join(import.meta.dirname, '../resources/tray')
// The square's blue, red channel: how much of it a pixel keeps tells how much white stroke covers it.
const SQUARE_RED = 0x4c

/**
 * The template variant of the icon: only the arrows, black, with the stroke's coverage as alpha. The
 * coverage is read back from the colour rendering (red goes from the square's 0x4c to white's 0xff
 * as the stroke covers a pixel), so both variants come from one drawing.
 */
function templateOf(size) {
  const colour = renderIcon(size)
  const out = Buffer.alloc(colour.length)
  for (let at = 0; at < colour.length; at += 4) {
    const stroke = Math.min(Math.max((colour[at] - SQUARE_RED) / (0xff - SQUARE_RED), 0), 1)
    out[at + 3] = Math.round(stroke * colour[at + 3])
  }
  return out
}

mkdirSync(OUT, { recursive: true })
const images = {
  'tray.png': [16, renderIcon],
  'tray@2x.png': [32, renderIcon],
  'tray-32.png': [32, renderIcon],
  'trayTemplate.png': [16, templateOf],
  'trayTemplate@2x.png': [32, templateOf],
}
for (const [name, [size, draw]] of Object.entries(images)) {
  writeFileSync(join(OUT, name), encodePng(size, draw(size)))
  console.log(`wrote resources/tray/${name} (${size}×${size})`)
}
