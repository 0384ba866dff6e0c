import { randomBytes } from 'node:crypto'
import type { BodyFaults, CannedResponse, Decide, FaultDecision, RequestInfo } from './types'

/** Which requests a rule applies to. */
export interface When {
  /** Only requests for which this is true count; all of them when omitted. */
  match?: (request: RequestInfo) => boolean
  /**
   * Only the first `times` matching requests get the fault, the later ones pass: a burst, as when S3
   * throttles for a moment and a client with retries should get through.
   */
  times?: number
}

/** A {@link Decide} that counts the requests it faulted, for asserting that a fault really fired. */
export interface Rule extends Decide {
  readonly hits: number
}

/** Which body a fault applies to. */
export type Body = 'request' | 'response'

/** Makes a rule from a fixed decision, or from one computed per request. */
export function rule(
  decision: FaultDecision | ((request: RequestInfo) => FaultDecision),
  when: When = {},
): Rule {
  let hits = 0
  const decide: Decide = (request) => {
    if (when.match && !when.match(request)) return undefined
    if (when.times !== undefined && hits >= when.times) return undefined
    hits++
    return typeof decision === 'function' ? decision(request) : decision
  }
  return Object.defineProperty(decide, 'hits', { get: () => hits, enumerable: true }) as Rule
}

const bodyRule = (body: Body, faults: BodyFaults, when: When): Rule =>
  rule(body === 'request' ? { request: faults } : { response: faults }, when)

/** An S3 error document, the shape AWS SDKs parse into an error named after `code`. */
export interface AwsError {
  status: number
  code: string
  /** Defaults to a message saying the error was injected. */
  message?: string
  /** Defaults to a fresh random id, also sent as x-amz-request-id as S3 does. */
  requestId?: string
  /** Extra headers, e.g. Retry-After. */
  headers?: Record<string, string>
}

export function awsErrorResponse(error: AwsError): CannedResponse {
  const requestId = error.requestId ?? randomBytes(8).toString('hex').toUpperCase()
  const message = error.message ?? `${error.code} injected by the test fault proxy.`
  return {
    status: error.status,
    headers: {
      'content-type': 'application/xml',
      'x-amz-request-id': requestId,
      'x-amz-id-2': randomBytes(24).toString('base64'),
      ...error.headers,
    },
    body:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<Error><Code>${xml(error.code)}</Code><Message>${xml(message)}</Message>` +
      `<RequestId>${xml(requestId)}</RequestId></Error>`,
  }
}

function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * Ready-made rules. Each takes {@link When} to pick requests (`match`) and make bursts (`times`), and
 * returns a {@link Rule}; pass several to `startFaultProxy` and they combine.
 */
export const faults = {
  rule,

  /** Answer with any raw status, headers and body instead of forwarding. */
  respond: (response: CannedResponse, when: When = {}): Rule => rule({ respond: response }, when),

  /** Answer with an S3 error document; a fresh RequestId per answer, like S3. */
  awsError: ({ status, code, message, requestId, headers, ...when }: AwsError & When): Rule =>
    rule(() => ({ respond: awsErrorResponse({ status, code, message, requestId, headers }) }), when),

  /** S3's throttling answer: 503 SlowDown, which SDKs retry with backoff. */
  slowDown: (when: When = {}): Rule =>
    faults.awsError({ status: 503, code: 'SlowDown', message: 'Please reduce your request rate.', ...when }),

  /** XOR 0xff one byte of the body the client uploads, before it reaches the server. */
  flipRequestByte: ({ offset, ...when }: { offset: number } & When): Rule =>
    bodyRule('request', { flipByteAt: offset }, when),

  /** XOR 0xff one byte of the body the server sends back. */
  flipResponseByte: ({ offset, ...when }: { offset: number } & When): Rule =>
    bodyRule('response', { flipByteAt: offset }, when),

  /** TCP-reset the client connection after `bytes` of the response body (default) or request body. */
  resetAfter: ({ bytes, body = 'response', ...when }: { bytes: number; body?: Body } & When): Rule =>
    bodyRule(body, { resetAfterBytes: bytes }, when),

  /** Close the client connection cleanly (FIN) after `bytes` of the response (default) or request body. */
  closeAfter: ({ bytes, body = 'response', ...when }: { bytes: number; body?: Body } & When): Rule =>
    bodyRule(body, { closeAfterBytes: bytes }, when),

  /** Hold the response headers for `ms`. */
  delay: ({ ms, ...when }: { ms: number } & When): Rule => rule({ delayMs: ms }, when),

  /** Send the response (default) or request body `bytes` at a time, `everyMs` apart. */
  throttle: ({
    bytes,
    everyMs,
    body = 'response',
    ...when
  }: { bytes: number; everyMs: number; body?: Body } & When): Rule =>
    bodyRule(body, { throttle: { bytes, everyMs } }, when),

  /**
   * Never answer; or, with `afterBytes`, go silent after that many bytes of the response (default)
   * or request body, with the connection left open, as a hung server or a dead link looks.
   */
  stall: ({
    afterBytes,
    body = 'response',
    ...when
  }: { afterBytes?: number; body?: Body } & When = {}): Rule =>
    afterBytes === undefined
      ? rule({ stall: true }, when)
      : bodyRule(body, { stallAfterBytes: afterBytes }, when),

  /** Forward to another path, e.g. to shrink a listing's `limit` like a server that pages short. */
  rewritePath: ({ to, ...when }: { to: (path: string) => string } & When): Rule =>
    rule((request) => ({ path: to(request.path) }), when),
}

/**
 * Every rule is asked about every request (so each keeps its own count) and their decisions are
 * merged, later rules winning a conflict; that way `delay` plus `flipResponseByte` does both.
 */
export function combine(decide: Decide | readonly Decide[]): Decide {
  if (typeof decide === 'function') return decide
  return (request) => {
    const merged: FaultDecision = {}
    for (const each of decide) {
      const decision = each(request)
      if (!decision) continue
      const { request: requestFaults, response: responseFaults, ...rest } = decision
      Object.assign(merged, rest)
      if (requestFaults) merged.request = { ...merged.request, ...requestFaults }
      if (responseFaults) merged.response = { ...merged.response, ...responseFaults }
    }
    return merged
  }
}
