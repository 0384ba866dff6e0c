// Just enough of the Swift API to create, inspect and remove the benchmark's data. S3 buckets made by
// s3api are Swift containers of the same account, so targets are created and removed through here too,
// identically for both tools and outside the timed runs.
import { createHash, randomBytes } from 'node:crypto'

export async function swiftLogin({ authUrl, user, key }) {
  const response = await fetch(authUrl, { headers: { 'X-Auth-User': user, 'X-Auth-Key': key } })
  if (!response.ok) throw new Error(`Swift login at ${authUrl} failed: HTTP ${response.status}`)
  await response.arrayBuffer()
  return new Swift(response.headers.get('x-storage-url'), response.headers.get('x-auth-token'))
}

/** Runs work(item) for every item, at most `limit` at once. */
export async function eachLimit(items, limit, work) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

/** A small seeded PRNG (mulberry32): the same sizes every run, so runs and machines compare. */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const enc = (name) => name.split('/').map(encodeURIComponent).join('/')

export class Swift {
  constructor(storageUrl, token) {
    this.storageUrl = storageUrl
    this.token = token
  }

  async request(method, path, { body, headers = {}, ok = [200, 201, 202, 204] } = {}) {
    const response = await fetch(`${this.storageUrl}${path}`, {
      method,
      body,
      headers: { 'X-Auth-Token': this.token, ...headers },
    })
    const text = method === 'HEAD' ? '' : await response.text()
    if (!ok.includes(response.status)) {
      throw new Error(`Swift ${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`)
    }
    return { status: response.status, headers: response.headers, text }
  }

  createContainer(name) {
    return this.request('PUT', `/${enc(name)}`)
  }

  putObject(container, name, body, headers = {}) {
    return this.request('PUT', `/${enc(container)}/${enc(name)}`, { body, headers })
  }

  /** Every object of a container, as Swift's JSON listing rows ({name, bytes, hash, …}). */
  async list(container) {
    const rows = []
    for (;;) {
      const marker = rows.length ? `&marker=${encodeURIComponent(rows.at(-1).name)}` : ''
      const page = await this.request('GET', `/${enc(container)}?format=json&limit=10000${marker}`, {
        ok: [200, 204, 404],
      })
      if (page.status === 404) return undefined
      const batch = page.text ? JSON.parse(page.text) : []
      if (batch.length === 0) return rows
      rows.push(...batch)
    }
  }

  async listContainers(prefix) {
    const page = await this.request('GET', `?format=json&limit=10000&prefix=${encodeURIComponent(prefix)}`)
    return page.text ? JSON.parse(page.text).map((row) => row.name) : []
  }

  /**
   * Empties and deletes a container. 16 DELETEs at a time beat the bulk middleware here (about 110 against
   * 70 objects/s: bulk-delete works through its list two at a time), and cleanup is a large part of the
   * bench's own time.
   */
  async deleteContainer(container) {
    const rows = await this.list(container)
    if (rows === undefined) return
    await eachLimit(rows, 16, (row) =>
      this.request('DELETE', `/${enc(container)}/${enc(row.name)}`, { ok: [204, 404] }),
    )
    await this.request('DELETE', `/${enc(container)}`, { ok: [204, 404] })
  }
}

/** W1's source: `count` objects of 1–64 KiB random bytes, uploaded 32 at a time. */
export async function createSmallObjects(swift, container, count) {
  await swift.createContainer(container)
  const random = seededRandom(20240601)
  const objects = Array.from({ length: count }, (_, i) => ({
    name: `dir-${String(i % 20).padStart(2, '0')}/object-${String(i).padStart(5, '0')}.bin`,
    size: 1024 + Math.floor(random() * 63 * 1024),
  }))
  await eachLimit(objects, 32, (object) =>
    swift.putObject(container, object.name, randomBytes(object.size), {
      'Content-Type': 'application/octet-stream',
    }),
  )
  return { objects: count, bytes: objects.reduce((sum, object) => sum + object.size, 0) }
}

/** W2's source: `plain` objects of `size` bytes, plus one SLO of the same size in 4 segments. */
export async function createLargeObjects(swift, container, segments, { plain = 4, size = 64 * 1024 * 1024 }) {
  await swift.createContainer(container)
  await swift.createContainer(segments)
  const uploads = Array.from({ length: plain }, (_, i) => ({ name: `large-${i}.bin` }))
  await eachLimit(uploads, 2, (upload) => swift.putObject(container, upload.name, randomBytes(size)))
  const segmentSize = size / 4
  const manifest = []
  for (let i = 0; i < 4; i++) {
    const body = randomBytes(segmentSize)
    const path = `slo.bin/${String(i).padStart(8, '0')}`
    await swift.putObject(segments, path, body)
    const etag = createHash('md5').update(body).digest('hex')
    manifest.push({ path: `/${segments}/${path}`, etag, size_bytes: segmentSize })
  }
  await swift.request('PUT', `/${enc(container)}/slo.bin?multipart-manifest=put`, {
    body: JSON.stringify(manifest),
    headers: { 'Content-Type': 'application/json' },
  })
  return { objects: plain + 1, bytes: (plain + 1) * size }
}
