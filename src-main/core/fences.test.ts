import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The engine must run in plain Node (tests, CLI, browser mode, a future utility process).
 * Lint enforces this too; this test keeps the rule even if the lint config drifts.
 */
const SRC_MAIN = join(import.meta.dirname, '..')
const FENCED = ['core', 'cli']
const FORBIDDEN = [/^electron(\/|$)/, /^electron-store$/, /(^|\/)(ipc|adapters|window|desktop)(\/|$)/]

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [] // cli/ arrives with the CLI issue
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\./.test(entry.name) ? [path] : []
  })
}

function importsOf(source: string): string[] {
  const specifiers: string[] = []
  const pattern =
    /\b(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/g
  for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? match[3] ?? '')
  return specifiers
}

describe('core and cli import fences', () => {
  const files = FENCED.flatMap((dir) => sourceFiles(join(SRC_MAIN, dir)))

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it('import neither electron, electron-store, nor the Electron shell folders', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)))
        .map((spec) => `${relative(SRC_MAIN, file)} imports ${spec}`),
    )
    expect(offenders).toEqual([])
  })

  it('recognises the forbidden imports it looks for', () => {
    // Assembled from parts so that greps for real Electron imports do not flag this test.
    const quote = (name: string): string => `'${name}'`
    const sample = [
      `import { app } from ${quote('electron')}`,
      `import Store from "electron-store"`,
      `export * from '../ipc/router'`,
      `const w = await import('../window/x')`,
    ].join('\n')
    expect(importsOf(sample).filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)))).toHaveLength(4)
  })
})
