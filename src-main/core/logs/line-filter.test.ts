import { truncate } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FilterScans, lineFilter } from './line-filter'
import { LogIndex } from './log-index'
import { appendText, sampleLevel, sampleLines, tempLogDir, writeLines } from './test-support'

let temp: ReturnType<typeof tempLogDir>
let index: LogIndex

beforeEach(async () => {
  temp = tempLogDir()
  index = new LogIndex(temp.file('run.log'))
})
afterEach(() => temp.cleanup())

/** A pause the test releases step by step, to see which scan runs when. */
function steppedPause() {
  const waiting: (() => void)[] = []
  let arrived: (() => void) | undefined
  return {
    pause: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve)
        arrived?.()
      }),
    /** Lets the scan waiting in its pause go on; false when none is waiting (both are done). */
    async release(): Promise<boolean> {
      if (waiting.length === 0) {
        await Promise.race([
          new Promise<void>((resolve) => (arrived = resolve)),
          new Promise((resolve) => setTimeout(resolve, 1000)),
        ])
      }
      const next = waiting.shift()
      next?.()
      return next !== undefined
    },
  }
}

const levelsOf = (count: number, level: string) =>
  Array.from({ length: count }, (_, i) => i).filter((i) => sampleLevel(i) === level)

describe('FilterScans', () => {
  it('keeps lines of the chosen levels, and all of them for an empty choice', async () => {
    await writeLines(index.path, sampleLines(300))
    await index.refresh()
    const scans = new FilterScans(index, { pause: async () => {} })
    const warnings = await scans.matching(lineFilter(['warn'], ''))
    expect([...warnings.lines.view()]).toEqual(levelsOf(300, 'warn'))
    expect((await scans.matching(lineFilter([], ''))).size).toBe(300)
  })

  it('searches case-insensitively as plain text, regex characters included', async () => {
    await writeLines(index.path, [
      ...sampleLines(20),
      '2030-01-02 03:04:05,000 - x - ERROR - Status [503] (a.b*)',
    ])
    await index.refresh()
    const scans = new FilterScans(index, { pause: async () => {} })
    expect([...(await scans.matching(lineFilter(undefined, 'PHOTOS/000001'))).lines.view()]).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ])
    expect([...(await scans.matching(lineFilter(undefined, '[503] (A.B*)'))).lines.view()]).toEqual([20])
  })

  it('extends a cached result when the file grows instead of scanning again', async () => {
    await writeLines(index.path, sampleLines(100))
    await index.refresh()
    const scans = new FilterScans(index, { pause: async () => {} })
    const first = await scans.matching(lineFilter(['error'], 'photos'))
    expect(first.size).toBe(4)
    await appendText(index.path, sampleLines(100, 100).join('\n') + '\n')
    await index.refresh()
    const second = await scans.matching(lineFilter(['error'], 'photos'))
    expect(second).toBe(first)
    expect(second.covered).toBe(200)
    expect([...second.lines.view()]).toEqual(levelsOf(200, 'error'))
  })

  it('runs the latest search first; the earlier one resumes where it stopped and still answers', async () => {
    // Big enough for several steps of text per scan.
    await writeLines(index.path, sampleLines(120_000))
    await index.refresh()
    const stepped = steppedPause()
    const scans = new FilterScans(index, { pause: stepped.pause })
    const order: string[] = []
    const slow = scans.matching(lineFilter(undefined, 'photos/00')).then((s) => (order.push('first'), s))
    await stepped.release()
    const fast = scans.matching(lineFilter(undefined, 'photos/01')).then((s) => (order.push('second'), s))
    while (await stepped.release()) {
      /* one step at a time until neither scan waits */
    }
    const [a, b] = await Promise.all([slow, fast])
    expect(order).toEqual(['second', 'first'])
    expect(a.size).toBe(100_000)
    expect(b.size).toBe(20_000)
  })

  it('starts over when the file is rebuilt under a scan', async () => {
    await writeLines(index.path, sampleLines(50))
    await index.refresh()
    const scans = new FilterScans(index, { pause: async () => {} })
    expect((await scans.matching(lineFilter(['error'], ''))).size).toBe(2)
    await truncate(index.path, 0)
    await writeLines(index.path, sampleLines(25))
    await index.refresh()
    expect((await scans.matching(lineFilter(['error'], ''))).size).toBe(1)
  })

  it('a search through 1,000,000 lines finishes in reasonable time and yields to the event loop meanwhile', async () => {
    const count = 1_000_000
    const chunk: string[] = []
    for (let i = 0; i < count; i++) {
      const level = i % 1000 === 999 ? 'ERROR' : 'INFO'
      chunk.push(
        `2030-01-02 03:04:05,${String(i % 1000).padStart(3, '0')} - swift2s3 - ${level} - Copied photos/${i}.jpg size=12345`,
      )
      if (chunk.length === 100_000) await appendText(index.path, chunk.splice(0).join('\n') + '\n')
    }
    const t0 = performance.now()
    await index.refresh()
    const indexed = performance.now() - t0
    expect(index.lines).toBe(count)

    const scans = new FilterScans(index)
    let turns = 0
    const ticker = setInterval(() => turns++, 5)
    const t1 = performance.now()
    const found = await scans.matching(lineFilter(undefined, 'PHOTOS/99999'))
    const searched = performance.now() - t1
    clearInterval(ticker)
    const errors = await scans.matching(lineFilter(['error'], ''))
    const t2 = performance.now()
    const page = await index.read(500_000, 1000)
    const paged = performance.now() - t2

    expect([...found.lines.view()]).toEqual([99_999, ...Array.from({ length: 10 }, (_, k) => 999_990 + k)])
    expect(errors.size).toBe(1000)
    expect(page[0]?.text).toContain('photos/500000.jpg')
    // The event loop ran during the search (a timer fired), which a single blocking pass would prevent.
    expect(turns).toBeGreaterThan(0)
    // Only a guard against a complexity blow-up (e.g. quadratic); the timings are printed below.
    expect(indexed + searched + paged).toBeLessThan(60_000)
    console.info(
      `1M lines: index ${indexed.toFixed(0)} ms, search ${searched.toFixed(0)} ms, page ${paged.toFixed(1)} ms`,
    )
  }, 120_000)
})
