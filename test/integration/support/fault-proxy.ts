import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * An HTTP proxy in front of a real server that injects the faults a real server cannot be made to
 * produce on demand: canned error answers, rewritten requests (e.g. short listing pages), responses cut
 * off mid-body. Everything else is forwarded byte for byte.
 */
export interface FaultDecision {
  /** Answer with this instead of forwarding. */
  respond?: { status: number; headers?: Record<string, string>; body?: string }
  /** Forward to this path (with query) instead of the one asked. */
  path?: string
  /** Forward, but destroy the client socket after this many body bytes. */
  cutAfterBytes?: number
  /** Never answer: the request hangs until the client gives up. */
  stall?: boolean
}

export interface FaultProxy {
  url: string
  /** Requests seen, as "METHOD path". */
  seen: string[]
  close(): Promise<void>
}

export async function startFaultProxy(
  target: string,
  decide: (request: { method: string; path: string; index: number }) => FaultDecision | undefined = () =>
    undefined,
): Promise<FaultProxy> {
  const upstream = new URL(target)
  const seen: string[] = []
  const server = http.createServer((req, res) => {
    const index = seen.push(`${req.method} ${req.url}`) - 1
    const decision = decide({ method: req.method ?? 'GET', path: req.url ?? '/', index }) ?? {}
    if (decision.stall) return
    if (decision.respond) {
      req.resume()
      res.writeHead(decision.respond.status, decision.respond.headers ?? {})
      res.end(decision.respond.body ?? '')
      return
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: decision.path ?? req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
        let sent = 0
        answer.on('data', (chunk: Buffer) => {
          const cut = decision.cutAfterBytes
          if (cut !== undefined && sent + chunk.length > cut) {
            res.write(chunk.subarray(0, cut - sent))
            answer.destroy()
            res.socket?.destroy()
            return
          }
          sent += chunk.length
          res.write(chunk)
        })
        answer.on('end', () => res.end())
      },
    )
    forward.on('error', () => res.socket?.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
