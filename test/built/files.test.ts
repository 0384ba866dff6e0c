import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OUT, requireBuilt } from './out-dir'

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('build output', () => {
  it('has main (ESM), preload (CJS) and renderer', () => {
    requireBuilt('main', 'index.js')
    requireBuilt('main', 'web.js')
    requireBuilt('preload', 'index.cjs')
    requireBuilt('renderer', 'index.html')
  })

  it('passes `node --check` for every main and preload file', () => {
    const files = [...jsFiles(join(OUT, 'main')), ...jsFiles(join(OUT, 'preload'))]
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const file of files) execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' })
  })

  it('keeps electron out of the browser-mode server and its chunks', () => {
    const web = readFileSync(requireBuilt('main', 'web.js'), 'utf8')
    const imported = [...web.matchAll(/from\s*"(\.\/chunks\/[^"]+)"/g)].map((m) => m[1]!)
    for (const source of [web, ...imported.map((p) => readFileSync(join(OUT, 'main', p), 'utf8'))]) {
      expect(source).not.toMatch(/from\s*["']electron["']|require\(["']electron["']\)/)
    }
  })

  it('references only renderer assets that exist', () => {
    const html = readFileSync(requireBuilt('renderer', 'index.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+)"/g)].map((m) => m[1]!)
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true)
    for (const asset of assets) requireBuilt('renderer', asset)
  })
})
