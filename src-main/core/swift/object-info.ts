/**
 * What a HEAD or GET tells us about an object, every header kept. Swift has three kinds of object and
 * their ETags mean different things (client-facts A.5): only a normal object's ETag is the MD5 of its
 * bytes; an SLO's is the MD5 of its segments' ETags, a DLO's that of its segment listing.
 */
export type ObjectKind = 'normal' | 'slo' | 'dlo'

export interface ObjectInfo {
  container: string
  name: string
  kind: ObjectKind
  /** Content length of the whole object (for SLO/DLO, the sum of the segments). */
  bytes: number
  /** ETag without quotes. The content MD5 only when `kind === 'normal'`. */
  etag: string
  contentType?: string
  contentEncoding?: string
  contentDisposition?: string
  lastModified?: string
  /** X-Timestamp: Swift's own modification time, finer than Last-Modified. */
  timestamp?: string
  /** DLO: `<container>/<prefix>` of its segments. */
  manifest?: string
  /** X-Object-Meta-* with the prefix removed, names lower-cased, values decoded as UTF-8. */
  metadata: Record<string, string>
  /** Every response header, lower-case names, as received. */
  headers: Record<string, string>
}

const META = 'x-object-meta-'

export function classify(headers: Record<string, string>): ObjectKind {
  if ((headers['x-static-large-object'] ?? '').toLowerCase() === 'true') return 'slo'
  if (headers['x-object-manifest'] !== undefined) return 'dlo'
  return 'normal'
}

/** Header bytes arrive as latin1; Swift stores metadata as UTF-8, so re-decode the values. */
export function utf8Header(value: string): string {
  return /[\u0080-\u00ff]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value
}

export function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
}

export function objectInfoFrom(container: string, name: string, headers: Record<string, string>): ObjectInfo {
  const metadata: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) {
    if (key.startsWith(META)) metadata[key.slice(META.length)] = utf8Header(value)
  }
  const info: ObjectInfo = {
    container,
    name,
    kind: classify(headers),
    bytes: Number(headers['content-length'] ?? 0),
    etag: unquote(headers.etag),
    metadata,
    headers,
  }
  const optional = {
    contentType: headers['content-type'],
    contentEncoding: headers['content-encoding'],
    contentDisposition: headers['content-disposition'],
    lastModified: headers['last-modified'],
    timestamp: headers['x-timestamp'],
    manifest: headers['x-object-manifest'],
  }
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(info, { [key]: value })
  return info
}
