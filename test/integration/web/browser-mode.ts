import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeOutput,
} from '../../../src-preload/contract/channels'
import type { Result } from '../../../src-preload/contract/result'

/**
 * The built browser-mode server (out/main/web.js) as a child process, and a client speaking its
 * WebSocket protocol the way the page does: what the renderer will drive, with nothing faked.
 */

const ROOT = join(import.meta.dirname, '../../..')

export interface BrowserMode {
  url: string
  port: number
  child: ChildProcess
  output: () => string
}

/** Starts browser mode over `dataDir`; `env` adds variables (a vault key, for secrets that survive a restart). */
export async function startBrowserMode(
  dataDir: string,
  token: string,
  env: Record<string, string> = {},
): Promise<BrowserMode> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, SWIFT2S3_WEB_TOKEN: token, SWIFT2S3_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Browser mode ready: (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)))
  })
  return { url, port: Number(new URL(url).port), child, output: () => output }
}

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

type Listener = (payload: unknown) => void

/** A page's connection: calls with replies, and the pushed events, all recorded. */
export class SocketClient {
  private nextId = 1
  private readonly pending = new Map<number, (result: Result<unknown>) => void>()
  private readonly listeners = new Map<string, Set<Listener>>()
  /** Every event frame received, in order, as [event, payload, time received]. */
  readonly events: [string, unknown, number][] = []

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as
        | { type: 'reply'; id: number; result: Result<unknown> }
        | { type: 'event'; event: string; payload: unknown }
      if (frame.type === 'reply') {
        this.pending.get(frame.id)?.(frame.result)
        this.pending.delete(frame.id)
        return
      }
      this.events.push([frame.event, frame.payload, Date.now()])
      for (const listener of this.listeners.get(frame.event) ?? []) listener(frame.payload)
    })
  }

  static async connect(
    port: number,
    token: string,
    origin = `http://127.0.0.1:${port}`,
  ): Promise<SocketClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`, { origin })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)))
    })
    return new SocketClient(ws)
  }

  call<C extends InvokeChannel>(channel: C, input?: unknown): Promise<Result<InvokeOutput<C>>> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void)
      this.ws.send(JSON.stringify({ type: 'call', id, channel, input }))
    })
  }

  /** The value of a call; a failure throws with its code and message. */
  async value<C extends InvokeChannel>(channel: C, input?: unknown): Promise<InvokeOutput<C>> {
    const result = await this.call(channel, input)
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
    return result.value
  }

  /** Resolves with the first `event` payload that satisfies `test`, including ones already received. */
  waitFor<E extends EventChannel>(
    event: E,
    test: (payload: EventPayload<E>) => boolean,
    timeoutMs = 30_000,
  ): Promise<EventPayload<E>> {
    const seen = this.events.find(([name, payload]) => name === event && test(payload as EventPayload<E>))
    if (seen) return Promise.resolve(seen[1] as EventPayload<E>)
    return new Promise((resolve, reject) => {
      const set = this.listeners.get(event) ?? new Set()
      this.listeners.set(event, set)
      const timer = setTimeout(() => {
        set.delete(listener)
        reject(new Error(`no ${event} event matched within ${timeoutMs} ms`))
      }, timeoutMs)
      const listener: Listener = (payload) => {
        if (!test(payload as EventPayload<E>)) return
        clearTimeout(timer)
        set.delete(listener)
        resolve(payload as EventPayload<E>)
      }
      set.add(listener)
    })
  }

  close(): void {
    this.ws.close()
  }
}
