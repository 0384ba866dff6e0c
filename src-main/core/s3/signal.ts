/**
 * An abort controller that follows the caller's signal, so the target can also abort a request itself
 * (when the body it is streaming fails) without touching the caller's controller.
 */
export interface LinkedAbort {
  signal: AbortSignal
  abort(reason: unknown): void
  /** Stops following the caller's signal; call when the request has settled. */
  dispose(): void
}

export function linkAbort(outer: AbortSignal | undefined): LinkedAbort {
  const controller = new AbortController()
  const follow = () => controller.abort(outer?.reason)
  if (outer?.aborted) follow()
  else outer?.addEventListener('abort', follow, { once: true })
  return {
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    dispose: () => outer?.removeEventListener('abort', follow),
  }
}
