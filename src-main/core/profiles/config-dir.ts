import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

/** The folder name under the OS config directory; the app pins its userData to the same name. */
export const APP_DIR_NAME = 'swift2s3'

/** What the location depends on; injectable so every platform can be tested on any one. */
export interface ConfigDirContext {
  platform?: NodeJS.Platform
  env?: Readonly<Record<string, string | undefined>>
  home?: string
}

/**
 * Where the desktop app keeps its data (`app.getPath('userData')`), computed without Electron so the
 * CLI opens the same profiles. Electron's rule is `appData` + app name, with appData:
 * - Linux: `$XDG_CONFIG_HOME` when set and not empty (as Chromium reads it), else `~/.config`;
 * - macOS: `~/Library/Application Support`;
 * - Windows: `%APPDATA%` (normally `%USERPROFILE%\AppData\Roaming`).
 * The desktop shell sets userData to this name explicitly (adapters/paths.ts): left alone, Electron
 * would use the productName ("Swift to S3") and the two would drift apart.
 */
export function defaultConfigDir(appName = APP_DIR_NAME, context: ConfigDirContext = {}): string {
  const platform = context.platform ?? process.platform
  const env = context.env ?? process.env
  const home = context.home ?? homedir()
  if (platform === 'win32') {
    return win32.join(env['APPDATA'] || win32.join(home, 'AppData', 'Roaming'), appName)
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', appName)
  return posix.join(env['XDG_CONFIG_HOME'] || posix.join(home, '.config'), appName)
}
