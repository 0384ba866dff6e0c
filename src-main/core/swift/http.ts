import type { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import { isAbort } from './errors'
import { toNetworkError } from './network-errors'

/**
 * One HTTP exchange over undici's dispatcher API. Object bodies come back as raw bytes: unlike fetch,
 * `dispatcher.request` never decodes Content-Encoding, so a gzip object streams exactly as stored.
 * Paths are passed through untouched (no WHATWG URL parsing), so object names with `.`/`..` segments or
 * double slashes reach Swift as they are.
 */
export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'COPY'

export interface HttpRequest {
  method: HttpMethod
  origin: string
  /** Already percent-encoded path plus query. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer | Readable
  signal?: AbortSignal
  headersTimeoutMs?: number
  bodyTimeoutMs?: number
}

export interface HttpResponse {
  status: number
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>
  body: Readable & { text(): Promise<string>; json(): Promise<unknown> }
}

export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

export async function send(dispatcher: Dispatcher, request: HttpRequest): Promise<HttpResponse> {
  const url = `${request.origin}${request.path.split('?')[0]}`
  try {
    const response = await dispatcher.request({
      origin: request.origin,
      path: request.path,
      method: request.method,
      headers: request.headers ?? {},
      body: request.body ?? null,
      signal: request.signal ?? null,
      headersTimeout: request.headersTimeoutMs ?? 60_000,
      bodyTimeout: request.bodyTimeoutMs ?? 120_000,
    })
    return { status: response.statusCode, headers: flattenHeaders(response.headers), body: response.body }
  } catch (error) {
    if (isAbort(error)) throw error
    throw toNetworkError(error, url)
  }
}

/** Reads a short error body for the message, never more than a few KiB, and frees the connection. */
export async function readErrorText(response: HttpResponse, limit = 4096): Promise<string> {
  let text = ''
  try {
    for await (const chunk of response.body) {
      text += String(chunk)
      if (text.length >= limit) break
    }
  } catch {
    // A body that breaks off still leaves us the status for the message.
  } finally {
    response.body.destroy()
  }
  return text
    .slice(0, limit)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Drops a body we do not need without reading it (HEAD, PUT, DELETE answers). */
export function discard(response: HttpResponse): void {
  response.body.resume()
}
