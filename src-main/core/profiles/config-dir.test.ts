import { describe, expect, it } from 'vitest'
import { defaultConfigDir } from './config-dir'

describe('defaultConfigDir (where Electron puts userData)', () => {
  it('uses XDG_CONFIG_HOME on Linux when it is set', () => {
    expect(
      defaultConfigDir(undefined, {
        platform: 'linux',
        env: { XDG_CONFIG_HOME: '/x/conf' },
        home: '/home/a',
      }),
    ).toBe('/x/conf/swift2s3')
  })

  it('falls back to ~/.config on Linux when XDG_CONFIG_HOME is unset or empty', () => {
    expect(defaultConfigDir(undefined, { platform: 'linux', env: {}, home: '/home/a' })).toBe(
      '/home/a/.config/swift2s3',
    )
    expect(
      defaultConfigDir(undefined, { platform: 'linux', env: { XDG_CONFIG_HOME: '' }, home: '/home/a' }),
    ).toBe('/home/a/.config/swift2s3')
  })

  it('uses ~/Library/Application Support on macOS', () => {
    expect(defaultConfigDir(undefined, { platform: 'darwin', env: {}, home: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/swift2s3',
    )
  })

  it('uses %APPDATA% on Windows, with backslashes', () => {
    const env = { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }
    expect(defaultConfigDir(undefined, { platform: 'win32', env, home: 'C:\\Users\\a' })).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\swift2s3',
    )
    expect(defaultConfigDir('other', { platform: 'win32', env: {}, home: 'C:\\Users\\a' })).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\other',
    )
  })

  it('treats other Unixes like Linux', () => {
    expect(defaultConfigDir(undefined, { platform: 'freebsd', env: {}, home: '/home/a' })).toBe(
      '/home/a/.config/swift2s3',
    )
  })
})
