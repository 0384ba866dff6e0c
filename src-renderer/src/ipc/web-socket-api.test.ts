import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeWebSocketServer } from '../../test/fake-web-socket'
import { createWebSocketApi, takeAccessToken } from './web-socket-api'

describe('browser mode token', () => {
  it('takes the token from the URL, keeps it for reloads and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/?token=abc123#/logs')
    window.sessionStorage.clear()
    expect(takeAccessToken(window.location, window.sessionStorage, window.history)).toBe('abc123')
    expect(window.location.search).toBe('')
    expect(window.location.hash).toBe('#/logs')
    expect(takeAccessToken(window.location, window.sessionStorage, window.history)).toBe('abc123')
  })
})

describe('browser mode connection', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  function connect() {
    const server = fakeWebSocketServer({ 'jobs.list': () => [] })
    vi.stubGlobal('WebSocket', server.WebSocket)
    const api = createWebSocketApi('ws://127.0.0.1/ws?token=t')
    const reconnects = vi.fn()
    const off = api.onReconnect!(reconnects)
    return { server, api, reconnects, off }
  }

  it('tells its listeners when the connection is back after a loss, and not on the first open', async () => {
    const { server, api, reconnects, off } = connect()
    server.latest().accept()
    expect(reconnects).not.toHaveBeenCalled()
    expect(await api.invoke('jobs.list')).toEqual({ ok: true, value: [] })

    server.latest().drop()
    expect(reconnects).not.toHaveBeenCalled()
    vi.advanceTimersByTime(250)
    expect(server.sockets).toHaveLength(2)
    server.latest().accept()
    expect(reconnects).toHaveBeenCalledTimes(1)

    // Once per loss, and no more once unsubscribed.
    server.latest().drop()
    vi.advanceTimersByTime(500)
    off()
    server.latest().accept()
    expect(reconnects).toHaveBeenCalledTimes(1)
  })

  it('counts a first connection that failed: the page could not load anything yet', () => {
    const { server, reconnects } = connect()
    server.latest().drop()
    vi.advanceTimersByTime(250)
    server.latest().accept()
    expect(reconnects).toHaveBeenCalledTimes(1)
  })

  it('fails calls in flight when the connection drops, and sends calls made meanwhile once it is back', async () => {
    const { server, api } = connect()
    server.latest().accept()
    // Dropped before the reply: the call gets UNAVAILABLE rather than waiting for ever.
    const inFlight = api.invoke('jobs.list')
    server.latest().drop()
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })

    const later = api.invoke('jobs.list')
    vi.advanceTimersByTime(250)
    server.latest().accept()
    expect(await later).toEqual({ ok: true, value: [] })
    expect(server.channels()).toEqual(['jobs.list', 'jobs.list'])
  })

  it('keeps telling the other listeners when one of them fails', () => {
    const { server, api, reconnects } = connect()
    const broken = vi.fn(() => {
      throw new Error('broken store')
    })
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    api.onReconnect!(broken)
    const after = vi.fn()
    api.onReconnect!(after)
    server.latest().drop()
    vi.advanceTimersByTime(250)
    server.latest().accept()
    expect(broken).toHaveBeenCalledTimes(1)
    expect(reconnects).toHaveBeenCalledTimes(1)
    expect(after).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalled()
  })
})
