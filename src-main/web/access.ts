import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh random access token for one browser-mode server (256 bits, URL-safe). */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Compares tokens in constant time, so response timing does not leak how much of a guess was right. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Whether a request's Host header names this server. Refusing other names defeats DNS rebinding:
 * a hostile page that points its own hostname at 127.0.0.1 still sends that hostname as Host.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`
}

/** Whether a WebSocket's Origin is this server's own page; browsers always send Origin on WebSockets. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (!origin) return false
  return hostAllowed(origin.replace(/^http:\/\//, ''), port) && origin.startsWith('http://')
}
