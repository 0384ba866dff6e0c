import http from 'node:http'
import type net from 'node:net'

/**
 * A reverse proxy in front of the real s3api that records every request as it goes on the wire. The
 * target's endpoint points at the proxy; the Host header is passed through unchanged, so the SigV4
 * signature (which covers Host) still verifies at s3api.
 */
export interface RecordedRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  /** Bytes of body that actually arrived. */
  bodyBytes: number
}

export interface RecordingProxy {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const target = new URL(upstream)
  const requests: RecordedRequest[] = []
  const server = http.createServer((req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: { ...req.headers },
      bodyBytes: 0,
    }
    requests.push(record)
    req.on('data', (chunk: Buffer) => (record.bodyBytes += chunk.length))
    const forward = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
        answer.pipe(res)
      },
    )
    forward.on('error', () => res.destroy())
    req.on('error', () => forward.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
