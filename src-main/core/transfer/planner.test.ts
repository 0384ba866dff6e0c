import { describe, expect, it } from 'vitest'
import type { ObjectEntry } from '../swift/listing'
import { compareKeys } from './key-order'
import { EMPTY_MD5, plan, type PlanItem, type TargetEntry } from './planner'

const md5a = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const md5b = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'

function src(name: string, bytes = 10, hash = md5a, extra: Partial<ObjectEntry> = {}): ObjectEntry {
  return {
    kind: 'object',
    name,
    bytes,
    hash,
    contentType: 'x',
    lastModified: '2026-01-01T00:00:00',
    ...extra,
  }
}

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item
}

async function run(source: ObjectEntry[], target: TargetEntry[], targetPrefix = ''): Promise<PlanItem[]> {
  const out: PlanItem[] = []
  for await (const item of plan(from(source), from(target), { container: 'c', targetPrefix })) out.push(item)
  return out
}

const summary = (items: PlanItem[]) =>
  items.map((i) =>
    i.type === 'copy'
      ? `copy ${i.task.key} ${i.task.reason} ${i.task.check}`
      : i.type === 'skip'
        ? `skip ${i.key}`
        : i.type === 'extra'
          ? `extra ${i.key}`
          : 'fallback',
  )

describe('plan', () => {
  it('copies new objects, skips identical ones, reports extras, in key order', async () => {
    const items = await run(
      [src('a'), src('b'), src('d')],
      [
        { key: 'b', size: 10, etag: md5a },
        { key: 'c', size: 1, etag: md5b },
      ],
    )
    expect(summary(items)).toEqual(['copy a new none', 'skip b', 'extra c', 'copy d new none'])
  })

  it('copies again when the size differs', async () => {
    expect(summary(await run([src('a', 11)], [{ key: 'a', size: 10, etag: md5a }]))).toEqual([
      'copy a changed none',
    ])
  })

  it('never treats an ETag mismatch alone as a change: equal size asks for the recorded MD5', async () => {
    const items = await run([src('a')], [{ key: 'a', size: 10, etag: `${md5b}-3` }])
    expect(summary(items)).toEqual(['copy a unverified target-metadata'])
  })

  it('SLO sources carry the slo_etag and are checked by metadata', async () => {
    const items = await run(
      [src('big', 100, md5a, { sloEtag: md5b })],
      [{ key: 'big', size: 100, etag: 'x-2' }],
    )
    expect(items[0]).toMatchObject({
      type: 'copy',
      task: { kind: 'slo', etag: md5b, check: 'target-metadata' },
    })
  })

  it('a 0-byte row with the empty MD5 may be a DLO: its source is HEADed', async () => {
    const items = await run([src('dlo', 0, EMPTY_MD5)], [{ key: 'dlo', size: 0, etag: EMPTY_MD5 }])
    expect(items[0]).toMatchObject({ type: 'copy', task: { kind: 'maybe-dlo', check: 'source-head' } })
  })

  it('maps keys under a target prefix', async () => {
    const items = await run(
      [src('a'), src('b')],
      [
        { key: 'pre/a', size: 10, etag: md5a },
        { key: 'pre/z', size: 1, etag: md5a },
      ],
      'pre/',
    )
    expect(summary(items)).toEqual(['skip pre/a', 'copy pre/b new none', 'extra pre/z'])
  })

  it('joins unicode names in UTF-8 byte order, as both servers list them', async () => {
    const names = ['a', 'z', 'é', '\uffef', '😀', 'ﬀ', '\u{10000}'].sort(compareKeys)
    // JS sort would put the astral characters before U+FFEF; UTF-8 byte order puts them after.
    expect(names.indexOf('\uffef')).toBeLessThan(names.indexOf('😀'))
    const items = await run(
      names.map((n) => src(n)),
      names.map((n) => ({ key: n, size: 10, etag: md5a })),
    )
    expect(items.every((i) => i.type === 'skip')).toBe(true)
  })

  it('falls back safely when a listing is out of order: no extras, every object checked', async () => {
    const items = await run(
      [src('a'), src('b'), src('c')],
      [
        { key: 'b', size: 10, etag: md5a },
        { key: 'a', size: 10, etag: md5a },
      ],
    )
    // b matched exactly before the disorder showed; a was copied though the target had it: harmless.
    expect(summary(items)).toEqual([
      'copy a new none',
      'skip b',
      'fallback',
      'copy c unverified target-metadata',
    ])
  })

  it('streams: the first decision arrives before the listings end', async () => {
    let pulled = 0
    async function* endless(): AsyncGenerator<ObjectEntry> {
      for (let i = 0; ; i++) {
        pulled++
        yield src(`k${String(i).padStart(9, '0')}`)
      }
    }
    const it = plan(endless(), from([]), { container: 'c' })
    await it.next()
    await it.next()
    await it.return(undefined)
    expect(pulled).toBeLessThan(5)
  })
})
