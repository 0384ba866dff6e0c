import type { Readable } from 'node:stream'
import type { SwiftConnection } from './connection'
import { discard } from './http'
import { containerPath, objectPath, query } from './paths'

/**
 * Writes to Swift. A migration only reads its source; these exist for the demo data set, the
 * benchmark and tests that build fixtures (SLOs, DLOs, tricky names) on a real server.
 */
export interface PutObjectOptions {
  headers?: Record<string, string>
  /** `multipart-manifest=put` for an SLO manifest, for example. */
  query?: Record<string, string>
  signal?: AbortSignal
}

/** Header values go out as latin1 bytes; Swift metadata is UTF-8, so encode before sending. */
function utf8Headers(headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) out[key] = Buffer.from(value, 'utf8').toString('latin1')
  return out
}

export async function putObject(
  connection: SwiftConnection,
  container: string,
  name: string,
  body: string | Buffer | Readable,
  options: PutObjectOptions = {},
): Promise<{ etag: string }> {
  const response = await connection.request({
    method: 'PUT',
    path: `${objectPath(container, name)}${query(options.query ?? {})}`,
    container,
    object: name,
    headers: utf8Headers(options.headers),
    body,
    idempotent: true,
    ...(options.signal ? { signal: options.signal } : {}),
  })
  discard(response)
  return { etag: (response.headers.etag ?? '').replace(/^"(.*)"$/, '$1') }
}

export async function putContainer(
  connection: SwiftConnection,
  container: string,
  headers?: Record<string, string>,
): Promise<void> {
  discard(
    await connection.request({
      method: 'PUT',
      path: containerPath(container),
      container,
      headers: utf8Headers(headers),
      idempotent: true,
    }),
  )
}

/** Deleting what is already gone is success: the caller wanted it gone. */
export async function deleteObject(
  connection: SwiftConnection,
  container: string,
  name: string,
): Promise<void> {
  discard(
    await connection.request({
      method: 'DELETE',
      path: objectPath(container, name),
      container,
      object: name,
      idempotent: true,
      accept: [404],
    }),
  )
}

export async function deleteContainer(connection: SwiftConnection, container: string): Promise<void> {
  discard(
    await connection.request({
      method: 'DELETE',
      path: containerPath(container),
      container,
      idempotent: true,
      accept: [404],
    }),
  )
}
