import { createHash, randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { SwiftClient } from '../../../src-main/core/swift'

/**
 * A source container with every kind of object a migration meets: tricky names, empty objects, a
 * directory marker, gzip-encoded content, metadata, an SLO and a DLO (segments kept in a separate
 * container, as Swift tools do) and objects above the multipart threshold.
 */
export interface FixtureObject {
  name: string
  /** The content a reader of the object gets (for SLO/DLO: the concatenated segments). */
  content: Buffer
  headers: Record<string, string>
  kind: 'normal' | 'slo' | 'dlo'
}

export const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex')

export const MiB = 1024 * 1024

export async function buildFixture(
  swift: SwiftClient,
  container: string,
  options: { big?: boolean } = {},
): Promise<FixtureObject[]> {
  const segments = `${container}_segments`
  await swift.putContainer(container)
  await swift.putContainer(segments)
  const objects: FixtureObject[] = []
  const normal = async (name: string, content: Buffer, headers: Record<string, string> = {}) => {
    await swift.putObject(container, name, content, { headers })
    objects.push({ name, content, headers, kind: 'normal' })
  }
  for (const name of [
    'unicode/日本語/ファイル.txt',
    'emoji 😀 é.txt',
    'spaces and+plus%.txt',
    'q?hash#amp&.txt',
    'double//slash',
    'order/\uffef',
    'order/😀',
  ]) {
    await normal(name, Buffer.from(`content of ${name}`), { 'content-type': 'text/plain' })
  }
  await normal('empty.txt', Buffer.alloc(0))
  await normal('folder/', Buffer.alloc(0), { 'content-type': 'application/directory' })
  const text = Buffer.from(Array.from({ length: 5000 }, (_, i) => `line ${i}\n`).join(''))
  await normal('assets/app.js', gzipSync(text), {
    'content-type': 'application/javascript',
    'content-encoding': 'gzip',
    'content-disposition': 'inline; filename="app.js"',
    'cache-control': 'max-age=3600',
    'x-object-meta-owner': 'Zoë',
    'x-object-meta-team': 'data-platform',
  })
  const slo = async (name: string, parts: Buffer[]) => {
    for (const [i, part] of parts.entries()) await swift.putObject(segments, `${name}/${i}`, part)
    const manifest = parts.map((part, i) => ({
      path: `/${segments}/${name}/${i}`,
      etag: md5(part),
      size_bytes: part.length,
    }))
    await swift.putObject(container, name, JSON.stringify(manifest), {
      query: { 'multipart-manifest': 'put' },
      headers: { 'content-type': 'application/octet-stream' },
    })
    objects.push({ name, content: Buffer.concat(parts), headers: {}, kind: 'slo' })
  }
  await slo('large/slo.bin', [randomBytes(200_000), randomBytes(100_001)])
  const dloParts = [randomBytes(150_000), randomBytes(70_000)]
  for (const [i, part] of dloParts.entries()) await swift.putObject(segments, `dlo/part-${i}`, part)
  await swift.putObject(container, 'large/dlo.bin', '', {
    headers: { 'x-object-manifest': `${segments}/dlo/part-` },
  })
  objects.push({ name: 'large/dlo.bin', content: Buffer.concat(dloParts), headers: {}, kind: 'dlo' })
  if (options.big) {
    await normal('big/20mib.bin', randomBytes(20 * MiB), { 'content-type': 'application/octet-stream' })
    await slo('large/slo-10mib.bin', [randomBytes(5 * MiB), randomBytes(5 * MiB)])
  }
  return objects
}

export async function removeFixture(swift: SwiftClient, container: string): Promise<void> {
  for (const c of [container, `${container}_segments`]) {
    const names: string[] = []
    for await (const entry of swift.listObjects(c)) if (entry.kind === 'object') names.push(entry.name)
    for (const name of names) await swift.deleteObject(c, name)
    await swift.deleteContainer(c)
  }
}
