import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { requireBuilt } from './out-dir'

/** Browser mode as `npm run web` starts it, asked to listen on an address it cannot serve. */
function startWeb(args: string[], env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'web-host-'))
  try {
    const run = spawnSync(process.execPath, [requireBuilt('main', 'web.js'), ...args], {
      env: { PATH: process.env['PATH'] ?? '', SWIFT2S3_DATA_DIR: dataDir, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    })
    return { ...run, wrote: readdirSync(dataDir) }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('browser mode on a non-loopback address', () => {
  it.each([
    [['--host', '0.0.0.0'], {}, '--host'],
    [[], { SWIFT2S3_WEB_HOST: '192.168.1.5' }, 'SWIFT2S3_WEB_HOST'],
  ])('refuses to start (%j %j), naming %s, before touching the data folder', (args, env, named) => {
    const run = startWeb(args, env)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`${named} must be a loopback address (127.0.0.1, localhost, ::1)`)
    expect(run.stdout).not.toContain('Browser mode ready')
    expect(run.wrote).toEqual([])
  })
})
