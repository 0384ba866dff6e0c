/**
 * Swift object names are arbitrary UTF-8 up to 1,024 bytes, `/` included. Each segment is
 * percent-encoded on its own and the slashes are kept, so leading, trailing and doubled slashes survive.
 * `.` and `..` are encoded too, although nothing on our path normalises them, so no proxy in between
 * can fold `a/../b` into `b`.
 */
export function encodeSegment(segment: string): string {
  if (segment === '.') return '%2E'
  if (segment === '..') return '%2E%2E'
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

export function encodeObjectName(name: string): string {
  return name.split('/').map(encodeSegment).join('/')
}

/** Paths below the account URL. */
export function containerPath(container: string): string {
  return `/${encodeSegment(container)}`
}

export function objectPath(container: string, object: string): string {
  return `${containerPath(container)}/${encodeObjectName(object)}`
}

/** A query string; undefined values are left out. */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Splits a storage URL into the origin and the account path (`/v1/AUTH_x`, no trailing slash). */
export function splitStorageUrl(storageUrl: string): { origin: string; basePath: string } {
  const url = new URL(storageUrl)
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') }
}
