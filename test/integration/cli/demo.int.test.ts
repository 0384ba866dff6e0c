import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** `npm run demo` is a newcomer's first look: it must end with every object verified. */

const root = join(import.meta.dirname, '..', '..', '..')

describe('npm run demo', () => {
  it('fills a demo container, migrates it and verifies every object', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'demo.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    })
    expect(run.stderr).not.toMatch(/ERROR|WARNING/)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/Verified: \d+ by MD5, \d+ by recorded source ETag; 0 mismatched, 0 missing/)
    expect(run.stdout).toContain('Demo complete: every object verified.')
    expect(run.stdout).toMatch(/Reports: .*\.html/)
  }, 300_000)
})
