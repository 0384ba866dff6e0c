import { session } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { FakeWebContents } from '../../test/mocks/electron'
import { CONTENT_SECURITY_POLICY } from '../common/csp'
import { hardenSession, hardenWebContents } from './harden'

function fire(contents: FakeWebContents, name: string, url?: string): boolean {
  const event = { preventDefault: vi.fn() }
  contents.emit(name, event, url)
  return event.preventDefault.mock.calls.length > 0
}

describe('web contents hardening', () => {
  const contents = new FakeWebContents()
  hardenWebContents(contents as never)

  it('denies window.open', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it('blocks navigation to another page but allows a reload of the same one', () => {
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(fire(contents, 'will-navigate', contents.url)).toBe(false)
  })

  it('blocks redirects and webviews', () => {
    expect(fire(contents, 'will-redirect', 'https://evil.example/')).toBe(true)
    expect(fire(contents, 'will-attach-webview')).toBe(true)
  })
})

describe('session hardening', () => {
  const defaultSession = session.defaultSession as unknown as {
    permissionRequestHandler: (c: unknown, p: string, cb: (granted: boolean) => void) => void
    permissionCheckHandler: (c: unknown, p: string) => boolean
    headersReceived: (details: unknown, cb: (response: unknown) => void) => void
  }
  hardenSession(defaultSession as never)

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'denies the %s permission',
    (name) => {
      const callback = vi.fn()
      defaultSession.permissionRequestHandler({}, name, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(defaultSession.permissionCheckHandler({}, name)).toBe(false)
    },
  )

  it('allows writing to the clipboard, for "Copy as CLI command"', () => {
    const callback = vi.fn()
    defaultSession.permissionRequestHandler({}, 'clipboard-sanitized-write', callback)
    expect(callback).toHaveBeenCalledWith(true)
    expect(defaultSession.permissionCheckHandler({}, 'clipboard-sanitized-write')).toBe(true)
  })

  it('adds the CSP header to http responses (dev server)', () => {
    const callback = vi.fn()
    defaultSession.headersReceived({ url: 'http://localhost:5173/', responseHeaders: {} }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
})
