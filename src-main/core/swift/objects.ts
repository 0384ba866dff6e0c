import type { Readable } from 'node:stream'
import type { SwiftConnection } from './connection'
import { ServerError } from './errors'
import { discard } from './http'
import { objectInfoFrom, type ObjectInfo } from './object-info'
import { containerPath, objectPath } from './paths'

export interface ByteRange {
  /** First byte, inclusive. */
  start: number
  /** Last byte, inclusive; to the end when omitted. */
  end?: number
}

export interface ObjectDownload {
  /** Headers of the GET; `bytes` is the whole object's size even for a Range GET. */
  info: ObjectInfo
  /** The stored bytes, exactly (no Content-Encoding decoding), with backpressure. */
  body: Readable
  /** The range actually served; undefined when the whole object came back. */
  range?: { start: number; end: number }
}

export async function headObject(
  connection: SwiftConnection,
  container: string,
  name: string,
  signal?: AbortSignal,
): Promise<ObjectInfo> {
  const response = await connection.request({
    method: 'HEAD',
    path: objectPath(container, name),
    container,
    object: name,
    idempotent: true,
    ...(signal ? { signal } : {}),
  })
  discard(response)
  return objectInfoFrom(container, name, response.headers)
}

/**
 * Streams an object. With a range the server must answer 206 with that range; a 200 would silently
 * restart from byte 0 and duplicate data in a resumed upload, so it is refused.
 */
export async function getObject(
  connection: SwiftConnection,
  container: string,
  name: string,
  options: { range?: ByteRange; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<ObjectDownload> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.range) headers.range = `bytes=${options.range.start}-${options.range.end ?? ''}`
  const response = await connection.request({
    method: 'GET',
    path: objectPath(container, name),
    container,
    object: name,
    headers,
    idempotent: true,
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const info = objectInfoFrom(container, name, response.headers)
  if (!options.range) return { info, body: response.body }
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers['content-range'] ?? '')
  if (response.status !== 206 || !match) {
    response.body.destroy()
    throw new ServerError(
      response.status,
      '',
      response.headers['x-trans-id'],
      `Swift ignored the byte range asked for object "${name}" in container "${container}" (HTTP ${response.status}).`,
    )
  }
  if (match[3] !== '*') info.bytes = Number(match[3])
  return { info, body: response.body, range: { start: Number(match[1]), end: Number(match[2]) } }
}

export interface ContainerStats {
  name: string
  objectCount: number
  bytesUsed: number
  headers: Record<string, string>
}

export async function headContainer(
  connection: SwiftConnection,
  container: string,
  signal?: AbortSignal,
): Promise<ContainerStats> {
  const response = await connection.request({
    method: 'HEAD',
    path: containerPath(container),
    container,
    idempotent: true,
    ...(signal ? { signal } : {}),
  })
  discard(response)
  return {
    name: container,
    objectCount: Number(response.headers['x-container-object-count'] ?? 0),
    bytesUsed: Number(response.headers['x-container-bytes-used'] ?? 0),
    headers: response.headers,
  }
}

export interface AccountStats {
  containerCount: number
  objectCount: number
  bytesUsed: number
  headers: Record<string, string>
}

export async function headAccount(connection: SwiftConnection, signal?: AbortSignal): Promise<AccountStats> {
  const response = await connection.request({
    method: 'HEAD',
    path: '',
    idempotent: true,
    ...(signal ? { signal } : {}),
  })
  discard(response)
  return {
    containerCount: Number(response.headers['x-account-container-count'] ?? 0),
    objectCount: Number(response.headers['x-account-object-count'] ?? 0),
    bytesUsed: Number(response.headers['x-account-bytes-used'] ?? 0),
    headers: response.headers,
  }
}
