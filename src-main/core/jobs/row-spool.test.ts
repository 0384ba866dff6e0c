import { afterEach, describe, expect, it } from 'vitest'
import type { ObjectReportRow } from '../reports/types'
import { RowSpool } from './row-spool'

const row = (name: string): ObjectReportRow => ({
  name,
  key: name,
  status: 'copied',
  verification: 'verified-md5',
  integrity: 'content-md5',
  sourceBytes: 1,
  targetBytes: 1,
  sourceMd5: null,
  targetMd5: null,
  attempts: 1,
  reason: null,
})

const spools: RowSpool[] = []
afterEach(async () => {
  for (const spool of spools.splice(0)) await spool.dispose()
})

describe('row spool', () => {
  it('keeps every row when workers add them at the same time, even the very first ones', async () => {
    const spool = new RowSpool()
    spools.push(spool)
    const names = Array.from({ length: 20 }, (_, i) => `data/${i}.bin`)
    await Promise.all(names.map((name) => spool.add(row(name))))
    const back: string[] = []
    for await (const r of spool.rows()) back.push(r.name)
    expect(back.sort()).toEqual([...names].sort())
    expect(spool.count).toBe(20)
  })

  it('gives the rows back in the order written', async () => {
    const spool = new RowSpool()
    spools.push(spool)
    for (const name of ['b', 'a', 'c']) await spool.add(row(name))
    const back: string[] = []
    for await (const r of spool.rows()) back.push(r.name)
    expect(back).toEqual(['b', 'a', 'c'])
  })
})
