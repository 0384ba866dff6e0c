/** What the IPC transport knows about the frame that sent a message. */
export interface SenderFrame {
  /** URL of the sending frame; empty when Electron could not tell (a destroyed frame). */
  url: string
  /** True when the frame is the top-level frame of its page. */
  isMainFrame: boolean
}

/**
 * Decides whether a message comes from the app's own page.
 * Security: only the main frame of a page served from one of the app's origins may call main;
 * iframes, foreign pages (after an unexpected navigation) and unknown senders are refused.
 */
export function isTrustedSender(frame: SenderFrame | null, trustedOrigins: readonly string[]): boolean {
  if (!frame || !frame.isMainFrame || !frame.url) return false
  let origin: string
  try {
    // Not URL.origin: Node (and the WHATWG spec) give custom schemes such as app:// an opaque
    // "null" origin, while Chromium treats our registered standard scheme as a real origin.
    const url = new URL(frame.url)
    origin = `${url.protocol}//${url.host}`
  } catch {
    return false
  }
  return trustedOrigins.includes(origin)
}
