import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './sender'

const origins = ['app://renderer']

describe('IPC sender check', () => {
  it('trusts the main frame of the app page', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html#/profiles', isMainFrame: true }, origins)).toBe(
      true,
    )
  })

  it.each([
    ['a subframe of the app', { url: 'app://renderer/index.html', isMainFrame: false }],
    ['a foreign page', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file page', { url: 'file:///home/user/evil.html', isMainFrame: true }],
    ['a frame without URL', { url: '', isMainFrame: true }],
    ['a garbage URL', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame, origins)).toBe(false)
  })

  it('refuses an unknown (destroyed) sender frame', () => {
    expect(isTrustedSender(null, origins)).toBe(false)
  })
})
