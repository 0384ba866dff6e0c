import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFoundError, type ListingEntry } from '../../../src-main/core/swift'
import { startFaultProxy } from '../support/fault-proxy'
import { client, removeContainer, servers, tempauth, unique } from '../support/swift-clients'

/** Paged listings over a real container: nothing lost, nothing repeated, in Swift's order. */

const swift = client({ auth: tempauth(), transport: { connections: 16 } })
const container = unique('listing')
const names: string[] = []
for (let i = 0; i < 300; i++)
  names.push(`${i % 3 === 0 ? 'logs/' : i % 3 === 1 ? 'img/' : ''}obj-${String(i).padStart(4, '0')}`)
// Swift orders by UTF-8 bytes, which for these ASCII names is plain string order.
const sorted = [...names].sort()

beforeAll(async () => {
  await swift.putContainer(container)
  for (let i = 0; i < names.length; i += 16) {
    await Promise.all(
      names.slice(i, i + 16).map((name) => swift.putObject(container, name, `body of ${name}`)),
    )
  }
}, 120_000)

afterAll(async () => {
  await removeContainer(swift, container)
  await swift.close()
}, 120_000)

async function collect(iterator: AsyncIterable<ListingEntry>): Promise<ListingEntry[]> {
  const out: ListingEntry[] = []
  for await (const entry of iterator) out.push(entry)
  return out
}

describe('object listing', () => {
  it('a page size of 7 returns every object exactly once, in order, with its fields', async () => {
    const entries = await collect(swift.listObjects(container, { pageSize: 7 }))
    expect(entries.map((e) => e.name)).toEqual(sorted)
    const first = entries[0]
    expect(first).toMatchObject({
      kind: 'object',
      bytes: `body of ${sorted[0]}`.length,
      contentType: expect.any(String),
    })
    if (first?.kind === 'object') {
      expect(first.hash).toMatch(/^[0-9a-f]{32}$/)
      expect(first.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/)
    }
  })

  it('prefix, marker and end_marker narrow the listing', async () => {
    const logs = await collect(swift.listObjects(container, { prefix: 'logs/', pageSize: 9 }))
    expect(logs.map((e) => e.name)).toEqual(sorted.filter((n) => n.startsWith('logs/')))
    const window = await collect(
      swift.listObjects(container, { marker: 'img/obj-0100', endMarker: 'img/obj-0200', pageSize: 5 }),
    )
    expect(window.map((e) => e.name)).toEqual(sorted.filter((n) => n > 'img/obj-0100' && n < 'img/obj-0200'))
  })

  it('a delimiter yields subdirectories next to top-level objects', async () => {
    const top = await collect(swift.listObjects(container, { delimiter: '/', pageSize: 10 }))
    const subdirs = top.filter((e) => e.kind === 'subdir').map((e) => e.name)
    expect(subdirs).toEqual(['img/', 'logs/'])
    expect(top.filter((e) => e.kind === 'object')).toHaveLength(names.filter((n) => !n.includes('/')).length)
  })

  it('stops early without reading further pages when the consumer breaks off', async () => {
    let seen = 0
    for await (const entry of swift.listObjects(container, { pageSize: 7 })) {
      expect(entry.kind).toBe('object')
      if (++seen === 10) break
    }
    expect(seen).toBe(10)
  })

  it('HEAD of the container gives the object count and bytes used', async () => {
    const stats = await swift.headContainer(container)
    expect(stats.objectCount).toBe(names.length)
    expect(stats.bytesUsed).toBe(names.reduce((sum, n) => sum + `body of ${n}`.length, 0))
  })

  it('the account listing pages through containers and includes this one', async () => {
    const found: string[] = []
    for await (const entry of swift.listContainers({ pageSize: 2 })) found.push(entry.name)
    expect(found).toContain(container)
    expect(found).toEqual([...found].sort())
    expect(new Set(found).size).toBe(found.length)
  })

  it('listing a container that does not exist is a NotFoundError naming it', async () => {
    const error = await collect(swift.listObjects('no-such-container-here')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).what).toBe('container')
    expect((error as Error).message).toContain('no-such-container-here')
  })
})

describe('object listing through a server that returns short pages (like Ceph RGW)', () => {
  it('keeps paging past short pages and loses nothing', async () => {
    let page = 0
    // Every listing request is answered with between 1 and 4 rows, whatever limit was asked.
    const proxy = await startFaultProxy(servers.tempauth.url, ({ path }) => {
      if (!path.includes('format=json')) return undefined
      return { path: path.replace(/limit=\d+/, `limit=${(page++ % 4) + 1}`) }
    })
    const storageUrl = servers.tempauth.storageUrl.replace(servers.tempauth.url, proxy.url)
    const { token } = await swift.connection.session.get()
    const viaProxy = client({ auth: { type: 'preauth', token, storageUrl } })
    try {
      const entries = await collect(viaProxy.listObjects(container, { pageSize: 50 }))
      expect(entries.map((e) => e.name)).toEqual(sorted)
      expect(page).toBeGreaterThan(names.length / 4)
    } finally {
      await viaProxy.close()
      await proxy.close()
    }
  })
})
