import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openableReport } from './file-offer'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'openable-report-'))
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('openableReport', () => {
  it('gives the real path of an HTML report, also behind a link', async () => {
    writeFileSync(join(dir, 'run.HTML'), '<!doctype html>')
    symlinkSync(join(dir, 'run.HTML'), join(dir, 'link.html'))
    expect(await openableReport(join(dir, 'run.HTML'))).toBe(realpathSync(join(dir, 'run.HTML')))
    expect(await openableReport(join(dir, 'link.html'))).toBe(realpathSync(join(dir, 'run.HTML')))
  })

  it('refuses anything the system would open with another program, and says when it is gone', async () => {
    writeFileSync(join(dir, 'evil.sh'), '#!/bin/sh\n')
    symlinkSync(join(dir, 'evil.sh'), join(dir, 'disguised.html'))
    mkdirSync(join(dir, 'folder.html'))
    for (const name of ['evil.sh', 'disguised.html', 'folder.html']) {
      await expect(openableReport(join(dir, name))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(openableReport(join(dir, 'gone.html'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
