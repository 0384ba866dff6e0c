import type { Result } from '../../src-preload/contract/result'

/**
 * Messages of browser mode's WebSocket, one JSON object per frame.
 * The browser sends `call`; the server answers each with `reply` (same id) and pushes `event`s.
 */
export type ClientMessage = { type: 'call'; id: number; channel: string; input?: unknown }

/** Server → browser frames. */
export type ServerMessage =
  { type: 'reply'; id: number; result: Result<unknown> } | { type: 'event'; event: string; payload: unknown }

/** Parses a client frame; null when it is not a well-formed call. */
export function parseClientMessage(data: string): ClientMessage | null {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { type, id, channel } = value as Record<string, unknown>
  if (type !== 'call' || typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string') {
    return null
  }
  return { type, id, channel, input: (value as Record<string, unknown>)['input'] }
}
