import type { InvokeChannel, InvokeInput, InvokeOutput } from '../../src-preload/contract/channels'
import type { EventChannel, EventPayload } from '../../src-preload/contract/channels'

type Handlers = {
  [C in InvokeChannel]?: (input: InvokeInput<C>) => InvokeOutput<C>
}

type Frame = { type: 'call'; id: number; channel: InvokeChannel; input: unknown }

/**
 * A stand-in for the browser's WebSocket and for browser mode's server behind it, for tests of the
 * WebSocket transport: each socket the page opens is kept, the test opens or drops it, calls are
 * answered from `handlers` (after a microtask, as over a network) and events are pushed on demand.
 * Install it with `vi.stubGlobal('WebSocket', server.WebSocket)`.
 */
export function fakeWebSocketServer(handlers: Handlers) {
  const sockets: FakeSocket[] = []
  const calls: { channel: InvokeChannel; input: unknown }[] = []

  class FakeSocket {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSING = 2
    static readonly CLOSED = 3
    readyState = FakeSocket.CONNECTING
    onopen: (() => void) | null = null
    onmessage: ((message: { data: string }) => void) | null = null
    onclose: (() => void) | null = null

    constructor(readonly url: string) {
      sockets.push(this)
    }

    send(text: string): void {
      if (this.readyState !== FakeSocket.OPEN) throw new Error('send on a socket that is not open')
      const frame = JSON.parse(text) as Frame
      calls.push({ channel: frame.channel, input: frame.input })
      const handler = handlers[frame.channel] as ((input: unknown) => unknown) | undefined
      queueMicrotask(() => {
        if (this.readyState !== FakeSocket.OPEN) return
        const result = handler
          ? { ok: true, value: handler(frame.input) }
          : { ok: false, error: { code: 'INTERNAL', message: `no fake for ${frame.channel}` } }
        this.onmessage?.({ data: JSON.stringify({ type: 'reply', id: frame.id, result }) })
      })
    }

    /** The server accepts the connection. */
    accept(): void {
      this.readyState = FakeSocket.OPEN
      this.onopen?.()
    }

    /** The connection is lost (server restart, network), or was refused. */
    drop(): void {
      this.readyState = FakeSocket.CLOSED
      this.onclose?.()
    }

    close(): void {
      this.drop()
    }
  }

  return {
    WebSocket: FakeSocket,
    sockets,
    calls,
    /** The socket the page opened last. */
    latest(): FakeSocket {
      const socket = sockets.at(-1)
      if (!socket) throw new Error('the page opened no socket')
      return socket
    },
    /** Channels called so far, in order. */
    channels(): InvokeChannel[] {
      return calls.map((c) => c.channel)
    },
    /** Pushes an event on every open socket, as the server's broadcast does. */
    push<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
      for (const socket of sockets) {
        if (socket.readyState === FakeSocket.OPEN)
          socket.onmessage?.({ data: JSON.stringify({ type: 'event', event, payload }) })
      }
    },
  }
}
