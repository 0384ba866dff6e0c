import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { LogLevel } from '../log/logger'
import { REDACTED, Redactor } from '../log/redact'
import { parseLine } from './log-line'
import { openRunLog } from './run-log'
import { RunLogWriter } from './run-log-writer'

const startedAt = new Date(2026, 10, 24, 10, 0, 0)
const now = () => new Date(2026, 10, 24, 10, 0, 1, 5)

const tempDirs: string[] = []
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swift2s3-runlog-'))
  tempDirs.push(dir)
  return dir
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, -1)
}

describe('openRunLog', () => {
  it('creates the directory and a file named like the original tool', async () => {
    const dir = join(tempDir(), 'nested', 'logs')
    const log = await openRunLog({ dir, startedAt, containers: ['photos'], bucket: 'dst', now })
    expect(log.path).toBe(join(dir, '2026-11-24-_10-00-00_photos_to_dst.log'))
    log.log('info', 'Transfer started', { objects: 3 })
    await log.close()
    expect(readFileSync(log.path, 'utf8')).toBe(
      '2026-11-24 10:00:01,005 - swift2s3 - INFO - Transfer started objects=3\n',
    )
  })

  it('numbers the file when the name is taken', async () => {
    const dir = tempDir()
    const options = { dir, startedAt, containers: ['a', 'b'], bucket: 'dst' }
    const paths: string[] = []
    for (let i = 0; i < 3; i++) {
      const log = await openRunLog(options)
      paths.push(basename(log.path))
      await log.close()
    }
    expect(paths).toEqual([
      '2026-11-24-_10-00-00_2-containers_to_dst.log',
      '2026-11-24-_10-00-00_2-containers_to_dst-2.log',
      '2026-11-24-_10-00-00_2-containers_to_dst-3.log',
    ])
  })

  it('gives runs opened at the same moment a file each', async () => {
    const dir = tempDir()
    const runs = 25
    const logs = await Promise.all(
      Array.from({ length: runs }, () => openRunLog({ dir, startedAt, containers: ['c'], bucket: 'b' })),
    )
    logs.forEach((log, i) => log.log('info', `run ${i}`))
    await Promise.all(logs.map((log) => log.close()))
    expect(new Set(logs.map((l) => l.path)).size).toBe(runs)
    expect(readdirSync(dir)).toHaveLength(runs)
    logs.forEach((log, i) => expect(lines(log.path).map((l) => parseLine(l)?.message)).toEqual([`run ${i}`]))
  })

  it('writes every line, in order, before close() resolves', async () => {
    const log = await openRunLog({ dir: tempDir(), startedAt, containers: ['c'], bucket: 'b' })
    for (let i = 0; i < 10_000; i++) log.log('debug', `line ${i}`, { i, pad: 'x'.repeat(100) })
    await log.close()
    const written = lines(log.path)
    expect(written).toHaveLength(10_000)
    written.forEach((line, i) => expect(parseLine(line)?.fields.i).toBe(i))
  })

  it('is safe to close twice and to log after closing', async () => {
    const mirrored: string[] = []
    const log = await openRunLog({
      dir: tempDir(),
      startedAt,
      containers: ['c'],
      bucket: 'b',
      console: (line) => mirrored.push(line),
    })
    log.log('info', 'before')
    await Promise.all([log.close(), log.close()])
    log.log('info', 'after')
    await log.close()
    expect(lines(log.path).map((l) => parseLine(l)?.message)).toEqual(['before'])
    expect(mirrored.map((l) => parseLine(l)?.message)).toEqual(['before', 'after'])
  })

  it('mirrors exactly the file lines to the console with their level', async () => {
    const mirrored: [string, LogLevel][] = []
    const log = await openRunLog({
      dir: tempDir(),
      startedAt,
      containers: ['c'],
      bucket: 'b',
      loggerName: '__main__',
      console: (line, level) => mirrored.push([line, level]),
    })
    log.log('info', 'one')
    log.log('warn', 'two\nlines', { retry: 2 })
    log.log('error', 'three')
    await log.close()
    expect(mirrored.map(([line]) => line)).toEqual(lines(log.path))
    expect(mirrored.map(([, level]) => level)).toEqual(['info', 'warn', 'error'])
    expect(parseLine(mirrored[1]![0])).toMatchObject({ logger: '__main__', message: 'two\nlines' })
  })

  it('masks secrets in the file and the console', async () => {
    const redactor = new Redactor()
    redactor.add('sk-live-123456')
    const mirrored: string[] = []
    const log = await openRunLog({
      dir: tempDir(),
      startedAt,
      containers: ['c'],
      bucket: 'b',
      redactor,
      console: (line) => mirrored.push(line),
    })
    log.log('info', 'using sk-live-123456', { token: 'other', bucket: 'b' })
    await log.close()
    const text = readFileSync(log.path, 'utf8')
    expect(text).not.toMatch(/sk-live|other/)
    expect(parseLine(lines(log.path)[0]!)?.fields).toEqual({ token: REDACTED, bucket: 'b' })
    expect(mirrored.join('\n')).toBe(text.trimEnd())
  })

  it('rejects when the file cannot be created', async () => {
    const file = join(tempDir(), 'not-a-dir')
    writeFileSync(file, '')
    await expect(openRunLog({ dir: file, startedAt, containers: ['c'], bucket: 'b' })).rejects.toThrow()
  })
})

/** A stream that fails on its nth write, like a disk filling up. */
function failingStream(failAt: number): Writable {
  let writes = 0
  return new Writable({
    write(_chunk, _encoding, callback) {
      writes++
      if (writes >= failAt)
        callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))
      else setImmediate(callback)
    },
  })
}

describe('RunLogWriter', () => {
  it('holds lines while the stream is slow and writes them all, in order, in fewer chunks', async () => {
    const chunks: string[] = []
    const slow = new Writable({
      highWaterMark: 64,
      decodeStrings: false,
      write(chunk: string, _encoding, callback) {
        chunks.push(chunk)
        setTimeout(callback, 1)
      },
    })
    const log = new RunLogWriter(slow, { path: 'mem', loggerName: 't', now })
    for (let i = 0; i < 2000; i++) log.log('info', `line ${i}`)
    await log.close()
    const written = chunks.join('').split('\n').slice(0, -1)
    expect(written.map((l) => parseLine(l)?.message)).toEqual(
      Array.from({ length: 2000 }, (_, i) => `line ${i}`),
    )
    expect(chunks.length).toBeLessThan(100)
  })

  it('reports a write error once and keeps the run going', async () => {
    const mirrored: [string, LogLevel][] = []
    const log = new RunLogWriter(failingStream(3), {
      path: '/logs/run.log',
      loggerName: 't',
      now,
      console: (line, level) => mirrored.push([line, level]),
    })
    for (let i = 0; i < 5; i++) log.log('info', `line ${i}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
    for (let i = 5; i < 10; i++) expect(() => log.log('info', `line ${i}`)).not.toThrow()
    await log.close()
    await log.close()
    const reports = mirrored.filter(([line]) => line.includes('Cannot write the log file'))
    expect(reports).toHaveLength(1)
    expect(reports[0]![1]).toBe('error')
    expect(reports[0]![0]).toContain('/logs/run.log: ENOSPC')
    expect(mirrored.filter(([, level]) => level === 'info')).toHaveLength(10)
    expect(log.failure?.message).toContain('ENOSPC')
  })

  it('without a console, reports the error as a process warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    try {
      const log = new RunLogWriter(failingStream(1), { path: 'p', loggerName: 't', now })
      log.log('info', 'x')
      await log.close()
      expect(warn).toHaveBeenCalledTimes(1)
      expect(log.failure).toBeDefined()
    } finally {
      warn.mockRestore()
    }
  })

  it.skipIf(!existsSync('/dev/full'))('survives a real full disk', async () => {
    const mirrored: string[] = []
    const log = new RunLogWriter(createWriteStream('/dev/full'), {
      path: '/dev/full',
      loggerName: 't',
      now,
      console: (line) => mirrored.push(line),
    })
    for (let i = 0; i < 100; i++) log.log('info', 'x'.repeat(1000))
    await log.close()
    expect((log.failure as NodeJS.ErrnoException | undefined)?.code).toBe('ENOSPC')
    expect(mirrored.filter((l) => l.includes('Cannot write'))).toHaveLength(1)
  })
})
