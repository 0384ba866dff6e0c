import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { SECURITY_HEADERS } from '../common/csp'
import { readRendererFile } from '../common/renderer-files'
import type { Router } from '../ipc/router'
import { hostAllowed, originAllowed, tokenMatches } from './access'
import { FILES_PATH, serveOneTimeFile, type OneTimeFiles } from './one-time-files'
import { parseClientMessage, type ServerMessage } from './protocol'

/** Options of a browser-mode server. */
export interface WebServerOptions {
  router: Router
  rendererDir: string
  token: string
  /** Interface to bind; loopback unless the starter deliberately says otherwise. */
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** One-time downloads (exported logs and reports) handed out over the socket. */
  files?: OneTimeFiles
}

/** A running browser-mode server. */
export interface WebServer {
  /** The URL to open, token included. */
  readonly url: string
  readonly port: number
  /** Pushes an event to every connected page. */
  broadcast(event: string, payload: unknown): void
  close(): Promise<void>
}

/** Largest WebSocket frame accepted from a page; calls are small JSON objects. */
const MAX_FRAME_BYTES = 4 * 1024 * 1024

/**
 * Browser mode: serves the built renderer and carries the IPC contract over a WebSocket at `/ws`.
 * Security: the socket requires the random token of the printed URL and the server's own Origin;
 * every request must name this server in Host (DNS rebinding); assets carry the app's CSP.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  let port = 0
  const sockets = new Set<WebSocket>()

  const http = createServer((req, res) => {
    void serveAsset(req, res)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })

  async function serveAsset(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return deny(res, 421, 'Misdirected request')
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed')
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (options.files && path.startsWith(FILES_PATH)) return serveOneTimeFile(options.files, req, res, url)
    const file = await readRendererFile(options.rendererDir, path)
    if (!file) return deny(res, 404, 'Not found')
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const allowed =
      url.pathname === '/ws' &&
      hostAllowed(req.headers.host, port) &&
      originAllowed(req.headers.origin, port) &&
      tokenMatches(options.token, url.searchParams.get('token'))
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', (data, isBinary) => {
        if (isBinary) return
        const message = parseClientMessage(data.toString())
        if (!message) return ws.close(1003, 'Malformed message')
        void options.router.dispatch(message.channel, message.input).then((result) => {
          send(ws, { type: 'reply', id: message.id, result })
        })
      })
    })
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  port = (http.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host

  return {
    url: `http://${urlHost}:${port}/?token=${encodeURIComponent(options.token)}`,
    port,
    broadcast(event, payload) {
      for (const ws of sockets) send(ws, { type: 'event', event, payload })
    },
    async close() {
      for (const ws of sockets) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
}

function deny(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
