import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRendererFile } from './renderer-files'

describe('renderer files', () => {
  const parent = mkdtempSync(join(tmpdir(), 'rf-'))
  const root = join(parent, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), 'index')
  writeFileSync(join(root, 'assets', 'a.css'), 'css')
  writeFileSync(join(parent, 'renderer-secret.txt'), 'secret')

  it('serves index.html for / and files by path with their type', async () => {
    expect((await readRendererFile(root, '/'))?.body.toString()).toBe('index')
    expect(await readRendererFile(root, '/assets/a.css')).toMatchObject({
      contentType: 'text/css; charset=utf-8',
    })
  })

  it.each([
    '/../renderer-secret.txt',
    '/%2e%2e/renderer-secret.txt',
    '/..%5crenderer-secret.txt',
    '/a%00b',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect(await readRendererFile(root, path)).toBeNull()
  })

  it('answers null for a missing file', async () => {
    expect(await readRendererFile(root, '/nope.js')).toBeNull()
  })
})
