import { rename, truncate, writeFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ERROR, INFO, WARN } from './line-level'
import { LogIndex, MAX_LINE_BYTES } from './log-index'
import { appendText, logLine, sampleLines, tempLogDir, writeLines } from './test-support'

let temp: ReturnType<typeof tempLogDir>
let path: string

beforeEach(() => {
  temp = tempLogDir()
  path = temp.file('run.log')
})
afterEach(() => temp.cleanup())

describe('LogIndex', () => {
  it('indexes every line and reads any page of it back exactly', async () => {
    const lines = sampleLines(2500)
    await writeLines(path, lines)
    const index = new LogIndex(path)
    expect(await index.refresh()).toMatchObject({ lines: 2500, changed: true })
    const page = await index.read(1200, 300)
    expect(page.map((l) => l.n)).toEqual(Array.from({ length: 300 }, (_, k) => 1200 + k))
    expect(page.map((l) => l.text)).toEqual(lines.slice(1200, 1500))
    expect(await index.read(2400, 1000)).toHaveLength(100)
    expect(await index.read(2500, 10)).toEqual([])
  })

  it('keeps up with appends by reading only what was added, a half-written line included', async () => {
    await writeLines(path, sampleLines(10))
    const index = new LogIndex(path)
    await index.refresh()
    expect(await index.refresh()).toMatchObject({ lines: 10, changed: false })

    const next = logLine(10, 'error', 'Failed photos/10.jpg')
    await appendText(path, next.slice(0, 30))
    expect(await index.refresh()).toMatchObject({ lines: 11, changed: true })
    // Shown while being written, but not yet complete: filters wait for its newline.
    expect(index.complete).toBe(10)
    expect((await index.read(10, 1))[0]?.text).toBe(next.slice(0, 30))

    await appendText(path, `${next.slice(30)}\n${logLine(11, 'info', 'Done')}\n`)
    expect(await index.refresh()).toMatchObject({ lines: 12, changed: true })
    expect(index.complete).toBe(12)
    expect(index.level(10)).toBe(ERROR)
    expect((await index.read(10, 2)).map((l) => l.text)).toEqual([next, logLine(11, 'info', 'Done')])
  })

  it('counts a last line without a newline as complete once its run is over', async () => {
    await writeLines(path, [logLine(0, 'info', 'start'), logLine(1, 'warn', 'cut short')], false)
    const index = new LogIndex(path)
    await index.refresh()
    expect([index.lines, index.complete]).toEqual([2, 1])
    expect(await index.refresh({ final: true })).toMatchObject({ lines: 2, changed: true })
    expect([index.lines, index.complete]).toEqual([2, 2])
    expect(index.level(1)).toBe(WARN)
    expect((await index.read(1, 1))[0]?.text).toBe(logLine(1, 'warn', 'cut short'))
  })

  it('gives traceback lines the level of the event above them', async () => {
    await writeLines(path, [
      logLine(0, 'error', 'Copy failed'),
      'Traceback (most recent call last):',
      '  File "migrate.py", line 3',
      logLine(1, 'info', 'next'),
    ])
    const index = new LogIndex(path)
    await index.refresh()
    expect([0, 1, 2, 3].map((n) => index.level(n))).toEqual([ERROR, ERROR, ERROR, INFO])
  })

  it('starts again when the file shrinks or is replaced, and says so through its epoch', async () => {
    await writeLines(path, sampleLines(50))
    const index = new LogIndex(path)
    await index.refresh()
    const epoch = index.epoch

    await truncate(path, 0)
    await writeLines(path, sampleLines(5))
    expect(await index.refresh()).toMatchObject({ lines: 5 })
    expect(index.epoch).toBe(epoch + 1)

    const other = temp.file('other.log')
    await writeLines(other, sampleLines(7))
    await rename(other, path)
    expect(await index.refresh()).toMatchObject({ lines: 7 })
    expect(index.epoch).toBe(epoch + 2)
  })

  it('reads lines across index chunks and multi-byte characters intact, CRLF endings without the CR', async () => {
    const long = logLine(0, 'info', `Copied ${'é'.repeat(700_000)}`) // longer than one 1 MiB chunk
    await writeFile(path, `${long}\n${logLine(1, 'error', 'ünïcode ✓')}\r\n`)
    const index = new LogIndex(path)
    await index.refresh()
    expect(index.lines).toBe(2)
    expect(index.level(1)).toBe(ERROR)
    const [first, second] = await index.read(0, 2)
    expect(first?.truncated).toBe(true)
    expect(Buffer.byteLength(first?.text ?? '')).toBeLessThanOrEqual(MAX_LINE_BYTES)
    expect(long.startsWith(first?.text ?? 'x')).toBe(true)
    expect(second).toMatchObject({ text: logLine(1, 'error', 'ünïcode ✓'), truncated: false })
  })

  it('reports a missing file as NOT_FOUND with a reason a person can act on', async () => {
    const index = new LogIndex(temp.file('gone.log'))
    await expect(index.refresh()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no longer on disk'),
    })
  })

  it('reads sparse line numbers in contiguous runs', async () => {
    const lines = sampleLines(100)
    await writeLines(path, lines)
    const index = new LogIndex(path)
    await index.refresh()
    const got = await index.readLines([3, 4, 5, 40, 99])
    expect(got.map((l) => [l.n, l.text])).toEqual([3, 4, 5, 40, 99].map((n) => [n, lines[n]]))
  })
})
