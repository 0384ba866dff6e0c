/**
 * The renderer's Content-Security-Policy, sent as a response header by both shells (the `app://`
 * protocol in Electron, the loopback server in browser mode), so there is one policy to review.
 * - scripts only from the app itself: no inline, no eval;
 * - styles allow inline because Mantine writes its CSS variables into a `<style>` element;
 * - `connect-src 'self'` also admits the same-origin WebSocket of browser mode (CSP Level 3);
 * - no plugins, no framing, no base or form retargeting.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Extra headers sent with every renderer asset. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
}
