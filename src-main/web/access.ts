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

/** The addresses browser mode may listen on: the names {@link hostAllowed} accepts. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const

/**
 * The address to listen on, checked before anything starts. Browser mode is loopback-only by design:
 * every request must name a loopback host (see hostAllowed), so a server on another address would
 * answer nothing but 421, and it would put the token-guarded engine on the network. `source` is the
 * flag or variable the value came from, to say what to change.
 */
export function checkWebHost(host: string, source: string): string {
  if ((LOOPBACK_HOSTS as readonly string[]).includes(host)) return host
  throw new Error(
    `${source} must be a loopback address (${LOOPBACK_HOSTS.join(', ')}): browser mode only serves this machine, got "${host}". To reach it from elsewhere, forward a port over SSH (ssh -L).`,
  )
}

/** Whether a WebSocket's Origin is this server's own page; browsers always send Origin on WebSockets. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (!origin) return false
  return hostAllowed(origin.replace(/^http:\/\//, ''), port) && origin.startsWith('http://')
}
