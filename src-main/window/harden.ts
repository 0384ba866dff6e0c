import type { Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../common/csp'

/**
 * Locks down every web contents the app creates: no new windows, no navigation away from the
 * page that was loaded, no <webview>. Links to the outside world are not opened at all for now;
 * when they are, it will be through `shell.openExternal` with an allow-list.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Writing text to the clipboard ("Copy as CLI command"); reading it stays denied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

/**
 * Denies every permission request and check (camera, notifications from the page, geolocation,
 * reading the clipboard…) except writing to the clipboard: desktop notifications are sent by main.
 * Also sets the CSP header on http(s) responses, which matters for the dev server only
 * (the packaged app serves `app://`, whose handler sets the header itself).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!/^https?:/.test(details.url)) return callback({})
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}
