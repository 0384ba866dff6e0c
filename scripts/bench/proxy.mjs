// A TCP proxy for the benchmark: it can hold every chunk for a fixed delay (a far-away server on
// loopback) and it counts bytes and HTTP requests in each direction, so the report can prove that a tool
// really went through it and say how many requests it needed per object.
import net from 'node:net'

/** Counts HTTP/1.1 requests in a client → server byte stream, skipping bodies by their framing. */
export class RequestCounter {
  constructor(onRequest) {
    this.onRequest = onRequest
    this.state = 'head'
    this.pending = Buffer.alloc(0)
    this.remaining = 0
  }

  push(chunk) {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk
    this.pending = Buffer.alloc(0)
    let offset = 0
    while (offset < data.length) {
      const next = this.step(data, offset)
      if (next === -1) {
        // Not enough bytes to finish a header or chunk-size line: keep the tail for the next chunk.
        this.pending = Buffer.from(data.subarray(offset))
        return
      }
      offset = next
    }
  }

  /** Consumes what it can from data[offset…]; returns the new offset, or -1 when it needs more bytes. */
  step(data, offset) {
    if (this.state === 'body') {
      const take = Math.min(this.remaining, data.length - offset)
      this.remaining -= take
      if (this.remaining === 0) this.state = this.afterBody ?? 'head'
      return offset + take
    }
    if (this.state === 'head') return this.readHead(data, offset)
    if (this.state === 'chunk-size') return this.readChunkSize(data, offset)
    // 'trailers': until the empty line that ends a chunked body.
    const end = data.indexOf('\r\n', offset)
    if (end === -1) return -1
    if (end === offset) this.state = 'head'
    return end + 2
  }

  readHead(data, offset) {
    // Stray CRLFs between requests are allowed by RFC 9112.
    if (data[offset] === 0x0d || data[offset] === 0x0a) return offset + 1
    const end = data.indexOf('\r\n\r\n', offset)
    if (end === -1) return -1
    const lines = data.toString('latin1', offset, end).split('\r\n')
    const [method, target = ''] = lines[0].split(' ')
    const headers = new Map()
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':')
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
    }
    this.onRequest(method, target)
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
      this.state = 'chunk-size'
    } else {
      this.remaining = Number(headers.get('content-length') ?? 0)
      this.afterBody = 'head'
      this.state = this.remaining > 0 ? 'body' : 'head'
    }
    return end + 4
  }

  readChunkSize(data, offset) {
    const end = data.indexOf('\r\n', offset)
    if (end === -1) return -1
    const size = parseInt(data.toString('latin1', offset, end).split(';')[0], 16)
    if (size === 0) {
      this.state = 'trailers'
    } else {
      // The chunk's data is followed by its own CRLF, which the next size line then skips as empty.
      this.remaining = size + 2
      this.afterBody = 'chunk-size'
      this.state = 'body'
    }
    return end + 2
  }
}

function emptyStats() {
  return { connections: 0, requests: 0, objectRequests: 0, methods: {}, bytesUp: 0, bytesDown: 0 }
}

/** Does the request address one object, i.e. has at least `depth` path segments (query left off)? */
export function isObjectRequest(target, depth) {
  return target.split('?')[0].split('/').filter(Boolean).length >= depth
}

/**
 * Starts a proxy on 127.0.0.1:<ephemeral> to target {host, port}. With delayMs > 0 every chunk, in both
 * directions, is delivered delayMs after it arrived (order kept; a 50 ms delay makes a 100 ms round trip).
 * objectDepth tells object requests from per-run ones (login, listings, bucket checks): 4 for Swift
 * (/v1/AUTH_x/container/object), 2 for path-style S3 (/bucket/key).
 */
export async function startProxy({ host, port, delayMs = 0, objectDepth }) {
  let stats = emptyStats()
  const sockets = new Set()
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    stats.connections++
    const upstream = net.connect({ host, port, allowHalfOpen: true, noDelay: true })
    const counter = new RequestCounter((method, target) => {
      const object = isObjectRequest(target, objectDepth)
      const key = object ? `${method} object` : method
      stats.requests++
      if (object) stats.objectRequests++
      stats.methods[key] = (stats.methods[key] ?? 0) + 1
    })
    sockets.add(client).add(upstream)
    relay(client, upstream, delayMs, (chunk) => {
      stats.bytesUp += chunk.length
      counter.push(chunk)
    })
    relay(upstream, client, delayMs, (chunk) => (stats.bytesDown += chunk.length))
    const close = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', close).on('close', () => setTimeout(close, delayMs))
    upstream.on('error', close).on('close', () => setTimeout(close, delayMs))
  })
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    port: server.address().port,
    /** The counters since the last reset; reset() returns them and starts new ones. */
    reset() {
      const old = stats
      stats = emptyStats()
      return old
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** Copies from → to, each chunk after delayMs, with backpressure so a slow side cannot balloon memory. */
function relay(from, to, delayMs, observe) {
  const deliver = (fn) => (delayMs > 0 ? setTimeout(fn, delayMs) : fn())
  from.on('data', (chunk) => {
    observe(chunk)
    deliver(() => {
      if (!to.destroyed && !to.write(chunk)) {
        from.pause()
        to.once('drain', () => from.resume())
      }
    })
  })
  from.on('end', () => deliver(() => to.destroyed || to.end()))
}
