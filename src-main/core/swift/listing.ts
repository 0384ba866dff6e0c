import type { SwiftConnection } from './connection'
import { isAbort, ServerError } from './errors'
import { discard } from './http'
import { toNetworkError } from './network-errors'
import { containerPath, query } from './paths'

/**
 * Paged listings as async iterators. A page is requested by marker and the listing ends only on an
 * EMPTY page: Swift caps `limit` at its container_listing_limit and Ceph RGW returns short pages in the
 * middle of a listing, so a short page proves nothing. Memory stays at one page whatever the size.
 */
export interface ListOptions {
  prefix?: string
  delimiter?: string
  /** Start after this name. */
  marker?: string
  /** Stop before this name. */
  endMarker?: string
  /** Rows asked per request; the server may return fewer. */
  pageSize?: number
  signal?: AbortSignal
}

export interface ObjectEntry {
  kind: 'object'
  name: string
  bytes: number
  /** Listing hash: content MD5 for normal objects, manifest MD5 for SLO/DLO. */
  hash: string
  contentType: string
  lastModified: string
  /** SLO only: the content ETag of the large object, unquoted. */
  sloEtag?: string
}

export interface SubdirEntry {
  kind: 'subdir'
  /** The common prefix, ending in the delimiter. */
  name: string
}

export type ListingEntry = ObjectEntry | SubdirEntry

export interface ContainerEntry {
  name: string
  count: number
  bytes: number
  lastModified?: string
}

export const DEFAULT_PAGE_SIZE = 1000

async function* pages<T extends { name: string }>(
  connection: SwiftConnection,
  path: string,
  target: { container?: string },
  options: ListOptions,
  parse: (row: unknown, where: string) => T,
): AsyncGenerator<T> {
  let marker = options.marker
  for (;;) {
    const where = target.container ? `the listing of container "${target.container}"` : 'the container list'
    const rows = await connection.requestJson({
      ...target,
      method: 'GET',
      path: `${path}${query({
        format: 'json',
        limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
        marker,
        end_marker: options.endMarker,
        prefix: options.prefix,
        delimiter: options.delimiter,
      })}`,
      headers: { accept: 'application/json' },
      idempotent: true,
      ...(options.signal ? { signal: options.signal } : {}),
    })
    if (!Array.isArray(rows)) throw malformed(where, 'it is not a JSON array')
    if (rows.length === 0) return
    let last: string | undefined
    for (const row of rows) {
      const entry = parse(row, where)
      last = entry.name
      yield entry
    }
    // A server that ignores the marker would repeat the page forever; stop with an error instead.
    // Swift sorts by UTF-8 bytes, which differs from JS string order for astral characters.
    if (
      last === undefined ||
      (marker !== undefined && Buffer.compare(Buffer.from(last), Buffer.from(marker)) <= 0)
    ) {
      throw malformed(where, `the page after "${marker}" did not move forward`)
    }
    marker = last
  }
}

function malformed(where: string, why: string): ServerError {
  return new ServerError(502, '', undefined, `Swift returned a malformed page in ${where}: ${why}.`)
}

function parseObjectRow(row: unknown, where: string): ListingEntry {
  const r = row as Record<string, unknown>
  if (typeof r.subdir === 'string') return { kind: 'subdir', name: r.subdir }
  if (typeof r.name !== 'string' || typeof r.bytes !== 'number' || typeof r.hash !== 'string') {
    throw malformed(where, `a row lacks name, bytes or hash (${JSON.stringify(row).slice(0, 200)})`)
  }
  const entry: ObjectEntry = {
    kind: 'object',
    name: r.name,
    bytes: r.bytes,
    hash: r.hash,
    contentType: typeof r.content_type === 'string' ? r.content_type : 'application/octet-stream',
    lastModified: typeof r.last_modified === 'string' ? r.last_modified : '',
  }
  if (typeof r.slo_etag === 'string') entry.sloEtag = r.slo_etag.replace(/^"(.*)"$/, '$1')
  return entry
}

function parseContainerRow(row: unknown, where: string): ContainerEntry {
  const r = row as Record<string, unknown>
  if (typeof r.name !== 'string') throw malformed(where, 'a row has no name')
  const entry: ContainerEntry = {
    name: r.name,
    count: typeof r.count === 'number' ? r.count : 0,
    bytes: typeof r.bytes === 'number' ? r.bytes : 0,
  }
  if (typeof r.last_modified === 'string') entry.lastModified = r.last_modified
  return entry
}

export function listObjects(
  connection: SwiftConnection,
  container: string,
  options: ListOptions = {},
): AsyncGenerator<ListingEntry> {
  return pages(connection, containerPath(container), { container }, options, parseObjectRow)
}

export function listContainers(
  connection: SwiftConnection,
  options: Omit<ListOptions, 'delimiter'> = {},
): AsyncGenerator<ContainerEntry> {
  return pages(connection, '', {}, options, parseContainerRow)
}

/** The first containers of an account with the account's totals, as one GET of its listing gives them. */
export interface AccountPage {
  /** X-Account-Container-Count; undefined when the server did not send it. */
  containerCount: number | undefined
  /** The first containers by name, at most the limit asked for. */
  containers: ContainerEntry[]
}

/**
 * One GET of the account listing (`?format=json&limit=N`): proves the token may list containers,
 * which a HEAD does not, and reads the totals from the same answer. For "Test connection".
 */
export async function accountPage(
  connection: SwiftConnection,
  options: { limit: number; signal?: AbortSignal },
): Promise<AccountPage> {
  const response = await connection.request({
    method: 'GET',
    path: query({ format: 'json', limit: options.limit }),
    headers: { accept: 'application/json' },
    idempotent: true,
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const header = Number(response.headers['x-account-container-count'])
  const containerCount = Number.isFinite(header) && header >= 0 ? header : undefined
  if (response.status === 204) {
    discard(response)
    return { containerCount, containers: [] }
  }
  let rows: unknown
  try {
    rows = await response.body.json()
  } catch (error) {
    if (isAbort(error)) throw error
    if (error instanceof SyntaxError) throw malformed('the container list', 'it is not JSON')
    throw toNetworkError(error, 'the container list')
  }
  if (!Array.isArray(rows)) throw malformed('the container list', 'it is not a JSON array')
  const containers = rows.slice(0, options.limit).map((row) => parseContainerRow(row, 'the container list'))
  return { containerCount, containers }
}
