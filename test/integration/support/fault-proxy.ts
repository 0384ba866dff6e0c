import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { copyBody, resetSocket, type BodyEnd } from './fault-proxy/body'
import { combine } from './fault-proxy/rules'
import type { BodyFaults, CannedResponse, Decide, SeenRequest } from './fault-proxy/types'

/**
 * An HTTP proxy in front of a real server that injects the faults a real server cannot be made to
 * produce on demand: canned error answers (S3 SlowDown bursts, any status), flipped body bytes in
 * either direction, TCP resets and clean closes mid-body, latency and throttling, stalls, rewritten
 * paths (e.g. short listing pages). Everything else is forwarded as is: bodies stream both ways with
 * backpressure, Expect: 100-continue is relayed (so the client sends its body only once the real
 * server asks for it), chunked uploads stay chunked, and HEAD works. Only hop-by-hop headers
 * (Connection, Keep-Alive) are not copied, because each side keeps its own connection.
 *
 * Faults are chosen per request by `decide`, or by rules from {@link faults}:
 *
 *   const proxy = await startFaultProxy(servers.tempauth.url, [
 *     faults.slowDown({ match: (r) => r.method === 'PUT', times: 2 }),
 *     faults.flipResponseByte({ match: (r) => r.path.endsWith('/big.bin'), offset: 1000 }),
 *   ])
 *   const storageUrl = proxy.via(servers.tempauth.storageUrl)
 */
export interface FaultProxy {
  /** Base URL of the proxy, e.g. http://127.0.0.1:40123. */
  url: string
  /** Requests seen, as "METHOD path". */
  seen: string[]
  /** Requests seen, with status, body byte counts and outcome, filled in as each exchange goes on. */
  requests: SeenRequest[]
  /** The same URL through the proxy: `url` with the target's origin replaced by the proxy's. */
  via(url: string): string
  close(): Promise<void>
}

export {
  faults,
  rule,
  awsErrorResponse,
  type AwsError,
  type Body,
  type Rule,
  type When,
} from './fault-proxy/rules'
export type {
  BodyFaults,
  CannedResponse,
  Decide,
  FaultDecision,
  Outcome,
  RequestInfo,
  SeenRequest,
} from './fault-proxy/types'

/**
 * @param target Base URL of the real server (only its host and port are used).
 * @param decide One function, or several rules whose decisions are merged (see `combine`).
 */
export async function startFaultProxy(
  target: string,
  decide: Decide | readonly Decide[] = [],
): Promise<FaultProxy> {
  const upstream = new URL(target)
  const decideFor = combine(decide)
  const seen: string[] = []
  const requests: SeenRequest[] = []
  // Tracked so close() can drop them: a stalled exchange would otherwise hold an upstream connection.
  const upstreamRequests = new Set<http.ClientRequest>()

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const index = seen.push(`${method} ${path}`) - 1
    const decision = decideFor({ method, path, headers: req.headers, index }) ?? {}
    const record: SeenRequest = {
      index,
      method,
      path,
      headers: req.headers,
      decision,
      status: undefined,
      bytesIn: 0,
      bytesOut: 0,
      outcome: 'pending',
    }
    requests.push(record)
    const responseFaults: BodyFaults = { closeAfterBytes: decision.cutAfterBytes, ...decision.response }

    if (decision.stall) {
      record.outcome = 'stalled'
      return
    }
    if (decision.respond) {
      void answer(req, res, record, decision.respond, responseFaults, decision.delayMs, expectsContinue)
      return
    }

    const forward = http.request({
      host: upstream.hostname,
      port: upstream.port,
      method,
      path: decision.path ?? path,
      headers: endToEnd(req.rawHeaders),
      // One upstream connection per exchange: a pooled one could be stale, or poisoned by an injected cut.
      agent: false,
    })
    upstreamRequests.add(forward)
    forward.once('close', () => upstreamRequests.delete(forward))
    // Only the real server's 100 Continue releases the client's body, so an early refusal (401, 413,
    // SlowDown) reaches the client before it sends anything, as it would without the proxy.
    if (expectsContinue) forward.on('continue', () => res.writeContinue())
    forward.on('error', () => {
      if (record.outcome !== 'pending') return
      record.outcome = 'failed'
      res.destroy()
    })
    res.once('close', () => {
      if (record.outcome !== 'pending') return
      record.outcome = 'failed'
      forward.destroy()
    })

    forward.on('response', async (reply) => {
      if (decision.delayMs) await sleep(decision.delayMs)
      if (record.outcome !== 'pending' || res.destroyed) {
        reply.destroy()
        return
      }
      res.sendDate = false
      res.writeHead(reply.statusCode ?? 502, reply.statusMessage ?? '', endToEnd(reply.rawHeaders))
      // Sent now, not with the first body byte, so a cut at 0 bytes still delivers the status line.
      res.flushHeaders()
      record.status = reply.statusCode
      const end = await copyBody(reply, res, responseFaults, (n) => (record.bytesOut += n))
      settle(record, end, 'forwarded', req, res, () => reply.destroy())
    })

    void copyBody(req, forward, decision.request ?? {}, (n) => (record.bytesIn += n)).then((end) => {
      if (end === 'ended') forward.end()
      else if (record.outcome !== 'pending') return
      else if (end === 'failed') forward.destroy()
      else settle(record, end, 'forwarded', req, res, () => forward.destroy())
    })
  }

  const server = http.createServer((req, res) => handle(req, res, false))
  // With a 'checkContinue' listener Node leaves the 100 Continue to us instead of sending it at once.
  server.on('checkContinue', (req, res) => handle(req, res, true))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    seen,
    requests,
    via: (address) => {
      if (!address.startsWith(upstream.origin)) {
        throw new Error(`${address} is not on the proxied server ${upstream.origin}`)
      }
      return url + address.slice(upstream.origin.length)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const request of upstreamRequests) request.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  record: SeenRequest,
  canned: CannedResponse,
  faults: BodyFaults,
  delayMs: number | undefined,
  expectsContinue: boolean,
): Promise<void> {
  // Read and dropped, so a keep-alive connection can carry the next request.
  req.on('data', (chunk: Buffer) => (record.bytesIn += chunk.length))
  req.resume()
  if (delayMs) await sleep(delayMs)
  if (res.destroyed) {
    record.outcome = 'failed'
    return
  }
  const body = Buffer.from(canned.body ?? '')
  const framed = Object.keys(canned.headers ?? {}).some((name) =>
    ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
  )
  res.writeHead(canned.status, {
    ...(framed ? {} : { 'content-length': String(body.length) }),
    // A client waiting for 100 Continue never sends its body now, so the connection cannot be reused.
    ...(expectsContinue ? { connection: 'close' } : {}),
    ...canned.headers,
  })
  res.flushHeaders()
  record.status = canned.status
  const hasBody = req.method !== 'HEAD' && body.length > 0
  const end = await copyBody(Readable.from(hasBody ? [body] : []), res, faults, (n) => (record.bytesOut += n))
  settle(record, end, 'answered', req, res, () => {})
}

const RESET_GRACE_MS = 50

/** Acts on where a body copy (either direction) stopped, and records it. */
function settle(
  record: SeenRequest,
  end: BodyEnd,
  whole: 'forwarded' | 'answered',
  req: http.IncomingMessage,
  res: http.ServerResponse,
  dropOther: () => void,
): void {
  if (record.outcome !== 'pending') return
  switch (end) {
    case 'ended':
      record.outcome = whole
      res.end()
      return
    case 'reset':
      record.outcome = 'reset'
      // An RST makes the receiving kernel drop data the client has not read yet, so resetting at once
      // would often lose the bytes before the cut point (or even the status line) and make "after K
      // bytes" a race; the pause lets a reading client take them first, as over a real network.
      setTimeout(() => {
        resetSocket(res.socket)
        dropOther()
      }, RESET_GRACE_MS)
      return
    case 'closed':
      record.outcome = 'closed'
      // end() sends the FIN after what is queued; the rest of an upload is read and dropped, because
      // closing with unread data makes the kernel send an RST instead.
      req.resume()
      res.socket?.end()
      dropOther()
      return
    case 'stalled':
      record.outcome = 'stalled'
      return
    case 'failed':
      record.outcome = 'failed'
      res.destroy()
      dropOther()
  }
}

/**
 * Raw headers minus the hop-by-hop ones: Connection, Keep-Alive, Proxy-Connection and any that
 * Connection names. Raw (not Node's parsed object) so names, case, order and repeats reach the other
 * side as sent, which matters to anything that signs headers.
 */
function endToEnd(raw: readonly string[]): string[] {
  const hop = new Set(['connection', 'keep-alive', 'proxy-connection'])
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === 'connection') {
      for (const name of raw[i + 1]?.split(',') ?? []) hop.add(name.trim().toLowerCase())
    }
  }
  const kept: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    if (!hop.has(name.toLowerCase())) kept.push(name, raw[i + 1]!)
  }
  return kept
}
