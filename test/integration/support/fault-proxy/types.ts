import type { IncomingHttpHeaders } from 'node:http'

/** What `decide` is told about each request, before any of its body is read. */
export interface RequestInfo {
  method: string
  /** Path with query, exactly as the client sent it. */
  path: string
  headers: IncomingHttpHeaders
  /** 0 for the first request the proxy saw, counting every request (matched or not). */
  index: number
}

/** A status, headers and body to answer with instead of forwarding. */
export interface CannedResponse {
  status: number
  headers?: Record<string, string>
  body?: string | Buffer
}

/**
 * Faults on one direction's body. Offsets count body bytes as the application sees them (after
 * chunked decoding), so they line up with object offsets. The first of the three "after bytes" cut
 * points to be reached wins; a body shorter than the cut point passes whole.
 */
export interface BodyFaults {
  /** XOR 0xff the byte at this offset: a bit flip that keeps the length, so only checksums catch it. */
  flipByteAt?: number
  /**
   * Send this many bytes, then TCP-reset the client connection (RST, not FIN) and drop the upstream one.
   * The reset comes 50 ms after the last byte, so a reading client gets all of them first.
   */
  resetAfterBytes?: number
  /** Send this many bytes, then close the client connection cleanly (FIN) and drop the upstream one. */
  closeAfterBytes?: number
  /** Send this many bytes, then move nothing more either way while keeping both connections open. */
  stallAfterBytes?: number
  /** Send at most `bytes` at a time with `everyMs` between sends: a slow link. */
  throttle?: { bytes: number; everyMs: number }
}

/**
 * What to do with one request. An empty decision (or undefined) forwards it untouched.
 * `respond` and `stall` replace forwarding, so request body faults do not apply with them.
 */
export interface FaultDecision {
  /** Answer with this instead of forwarding. Response body faults and `delayMs` still apply to it. */
  respond?: CannedResponse
  /** Forward to this path (with query) instead of the one asked. */
  path?: string
  /** Forward, but close the client socket after this many response body bytes (same as `response.closeAfterBytes`). */
  cutAfterBytes?: number
  /** Never answer: the request is not forwarded and hangs until the client gives up. */
  stall?: boolean
  /**
   * Hold the response headers this long. When forwarding, the upstream has already acted on the request
   * (as when a reply is slow on the way back), so a client that times out and retries meets its effect.
   */
  delayMs?: number
  /** Faults on the body the client sends (e.g. a PUT or UploadPart), applied on the way upstream. */
  request?: BodyFaults
  /** Faults on the body sent back to the client (e.g. a GET). */
  response?: BodyFaults
}

/** Decides per request; may keep state (e.g. count requests to fail only the first few). */
export type Decide = (request: RequestInfo) => FaultDecision | undefined

/** How an exchange ended, from the proxy's side. */
export type Outcome =
  /** Still in flight. */
  | 'pending'
  /** Upstream's answer was relayed whole. */
  | 'forwarded'
  /** A canned answer was sent whole. */
  | 'answered'
  /** The client connection was TCP-reset on purpose. */
  | 'reset'
  /** The client connection was closed on purpose mid-body. */
  | 'closed'
  /** Left hanging on purpose. */
  | 'stalled'
  /** Broken by something not asked for: the client or upstream went away, or upstream was unreachable. */
  | 'failed'

/** One request as the proxy saw it; the fields fill in as the exchange goes on. */
export interface SeenRequest {
  index: number
  method: string
  /** As the client asked, before any `path` rewrite. */
  path: string
  headers: IncomingHttpHeaders
  decision: FaultDecision
  /** Status sent to the client; undefined until headers go out, and for ever if they never do. */
  status: number | undefined
  /** Request body bytes read from the client. */
  bytesIn: number
  /** Response body bytes sent to the client (after any fault). */
  bytesOut: number
  outcome: Outcome
}
