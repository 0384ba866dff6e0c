import type { Socket } from 'node:net'
import type { Readable, Writable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import type { BodyFaults } from './types'

/** How a body copy stopped: whole, at a fault's cut point, or broken by either side going away. */
export type BodyEnd = 'ended' | 'reset' | 'closed' | 'stalled' | 'failed'

/**
 * Copies a body from `source` to `sink` with `faults` applied, calling `count` for each byte sent,
 * and resolves how it stopped (never rejects). It does not end the sink nor act on a cut point:
 * what "reset" or "closed" means depends on the direction, so the caller does it.
 *
 * Written with pause/resume rather than `for await`, because leaving a `for await` early destroys the
 * source, and destroying a server-side request destroys the client socket: that would turn a stall
 * into a close and a reset into a race.
 */
export function copyBody(
  source: Readable,
  sink: Writable,
  faults: BodyFaults,
  count: (bytes: number) => void,
): Promise<BodyEnd> {
  const cut = cutPoint(faults)
  if (cut?.at === 0) return Promise.resolve(cut.end)
  let offset = 0
  let sends = 0
  return new Promise<BodyEnd>((resolve) => {
    let done = false
    let sending: Promise<void> = Promise.resolve()
    const finish = (end: BodyEnd) => {
      if (done) return
      done = true
      source.pause()
      source.off('data', onData)
      resolve(end)
    }
    const send = async (chunk: Buffer) => {
      const step = faults.throttle?.bytes ?? chunk.length
      for (let at = 0; at < chunk.length; at += Math.max(step, 1)) {
        if (faults.throttle && sends > 0) await sleep(faults.throttle.everyMs)
        const piece = chunk.subarray(at, at + Math.max(step, 1))
        await flushed(sink, piece)
        sends++
        offset += piece.length
        count(piece.length)
      }
    }
    const onData = (data: Buffer | string) => {
      source.pause()
      let chunk = Buffer.isBuffer(data) ? data : Buffer.from(data)
      const flip = faults.flipByteAt
      if (flip !== undefined && flip >= offset && flip < offset + chunk.length) {
        // Copied so a buffer the source may still hold on to is not changed under it.
        chunk = Buffer.from(chunk)
        chunk[flip - offset] = chunk[flip - offset]! ^ 0xff
      }
      const stopHere = cut !== undefined && offset + chunk.length >= cut.at
      if (stopHere) chunk = chunk.subarray(0, cut.at - offset)
      sending = send(chunk).then(
        () => {
          if (stopHere) finish(cut.end)
          else source.resume()
        },
        () => finish('failed'),
      )
    }
    source.on('data', onData)
    // pause() does not hold back 'end' after the last chunk, so wait for that chunk to be sent.
    source.once('end', () => void sending.then(() => finish('ended')))
    source.once('close', () => void sending.then(() => finish(source.readableEnded ? 'ended' : 'failed')))
    source.once('error', () => finish('failed'))
    sink.once('close', () => finish('failed'))
    source.resume()
  })
}

function cutPoint(faults: BodyFaults): { at: number; end: 'reset' | 'closed' | 'stalled' } | undefined {
  const cuts = [
    { at: faults.resetAfterBytes, end: 'reset' as const },
    { at: faults.closeAfterBytes, end: 'closed' as const },
    { at: faults.stallAfterBytes, end: 'stalled' as const },
  ].filter((c): c is { at: number; end: 'reset' | 'closed' | 'stalled' } => c.at !== undefined)
  return cuts.sort((a, b) => a.at - b.at)[0]
}

/**
 * Resolves once the chunk is handed to the kernel, so bytes before a cut point have really left
 * before the reset (an RST discards whatever is still queued). Rejects if the sink goes away first,
 * since a destroyed stream may never call back.
 */
function flushed(sink: Writable, chunk: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onClose = () => reject(new Error('closed while writing'))
    sink.once('close', onClose)
    sink.write(chunk, (error) => {
      sink.off('close', onClose)
      if (error) reject(error)
      else resolve()
    })
  })
}

/**
 * Aborts the connection with a TCP RST, which clients report as ECONNRESET: the failure of a crashed
 * server or a middlebox, unlike a FIN that a client may take for a (short) complete response.
 */
export function resetSocket(socket: Socket | null | undefined): void {
  if (!socket || socket.destroyed) return
  // resetAndDestroy needs a TCP handle and Node >= 16.17; fall back to a plain close otherwise.
  if (typeof socket.resetAndDestroy === 'function') {
    try {
      socket.resetAndDestroy()
      return
    } catch {
      // not a TCP socket
    }
  }
  socket.destroy()
}
