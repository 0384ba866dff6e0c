import { describe, expect, it, vi } from 'vitest'
import { pinUserDataDir, userDataDir } from './paths'

const paths = vi.hoisted(() => new Map<string, string>([['appData', '/home/a/.config']]))
const app = vi.hoisted(() => ({
  getPath: vi.fn((name: string) => paths.get(name) ?? `/unset/${name}`),
  setPath: vi.fn((name: string, value: string) => {
    paths.set(name, value)
  }),
}))

vi.mock('electron', () => ({ app, default: { app } }))

describe('userData paths', () => {
  it('pins userData to <appData>/swift2s3, where the CLI looks', () => {
    expect(pinUserDataDir()).toBe('/home/a/.config/swift2s3')
    expect(app.setPath).toHaveBeenCalledWith('userData', '/home/a/.config/swift2s3')
    expect(userDataDir()).toBe('/home/a/.config/swift2s3')
  })
})
