import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../common/csp'
import { readRendererFile } from '../common/renderer-files'

/** Scheme and host the packaged renderer is served from. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://renderer`

/**
 * Declares `app://` as a standard, secure scheme. Must run before `app.whenReady()`.
 * Why not file://: every file on disk would share one origin, CSP headers cannot be attached,
 * and Electron's security checklist advises a custom protocol instead.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer folder on `app://renderer/`, every response carrying the CSP. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'renderer' ? await readRendererFile(rendererDir, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS })
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    })
  })
}
