import { describe, expect, it } from 'vitest'
import { takeAccessToken } from './web-socket-api'

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
