import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * Keeps resident memory near the part budget. Every chunk read from a socket is a fresh external buffer;
 * at hundreds of MB/s they pile up faster than V8's heuristics collect them (measured: 64 workers on
 * 16 × 100 MiB held ~200 MiB of dead chunks beyond a 128 MiB budget). When external memory passes the
 * budget by a margin, the governor asks for a collection. It only acts under that pressure, so an idle or
 * slow run never pays for it.
 */
const MARGIN = 32 * 1024 * 1024
const INTERVAL_MS = 100

let gc: (() => void) | undefined | null = null

/** V8's gc(), exposed at runtime (no command-line flag needed); undefined where that is not allowed. */
function collector(): (() => void) | undefined {
  if (gc === null) {
    try {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
    } catch {
      gc = undefined
    }
  }
  return gc ?? undefined
}

const budgets = new Set<() => number>()
let timer: NodeJS.Timeout | undefined
/** Collections triggered so far, for the run log and tests. */
export let forcedCollections = 0

function check(): void {
  const limit = Math.max(...[...budgets].map((capacity) => capacity())) + MARGIN
  if (process.memoryUsage().arrayBuffers > limit) {
    collector()?.()
    forcedCollections++
  }
}

/** Watches memory while a transfer runs; returns the function that stops watching. */
export function governMemory(capacity: () => number): () => void {
  budgets.add(capacity)
  timer ??= setInterval(check, INTERVAL_MS).unref()
  return () => {
    budgets.delete(capacity)
    if (budgets.size === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  }
}
