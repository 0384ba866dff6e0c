import { mkdir, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { App } from 'electron'
import { AtomicFile } from '../core/reports/atomic-file'

/** The flag a login start carries, so the app starts in the tray without a window. */
export const HIDDEN_FLAG = '--hidden'

export interface LoginItemContext {
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings' | 'isPackaged'>
  platform?: NodeJS.Platform
  env?: Readonly<Record<string, string | undefined>>
  home?: string
  execPath?: string
}

/** Where a Linux desktop looks for programs to start with the session (XDG autostart). */
export function autostartFile(context: Pick<LoginItemContext, 'env' | 'home'> = {}): string {
  const env = context.env ?? process.env
  const config = env['XDG_CONFIG_HOME'] || join(context.home ?? homedir(), '.config')
  return join(config, 'autostart', 'swift2s3.desktop')
}

/** A desktop-entry Exec argument: quoted, with the characters the spec reserves escaped. */
function quoteExec(arg: string): string {
  return `"${arg.replace(/([\\"`$])/g, '\\$1')}"`
}

/** The autostart entry for a Linux session: the AppImage when running from one, else the binary. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Swift to S3',
    'Comment=Runs scheduled migrations from OpenStack Swift to S3',
    `Exec=${quoteExec(executable)} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * Starts the app with the user's session, or stops doing so. macOS and Windows keep login items
 * themselves; Linux desktops read `~/.config/autostart/*.desktop`. Only the installed app registers:
 * a development build would register the bare Electron binary. Returns what happened, for the log.
 */
export async function applyStartAtLogin(on: boolean, context: LoginItemContext): Promise<string> {
  const platform = context.platform ?? process.platform
  if (!context.app.isPackaged) return 'start at login is only registered by the installed app'
  if (platform === 'darwin' || platform === 'win32') {
    context.app.setLoginItemSettings({ openAtLogin: on, args: [HIDDEN_FLAG] })
    return on ? 'registered as a login item' : 'removed from the login items'
  }
  const file = autostartFile(context)
  if (!on) {
    await rm(file, { force: true })
    return `removed ${file}`
  }
  const env = context.env ?? process.env
  // An AppImage runs from a temporary mount; APPIMAGE is the file the user keeps.
  const executable = env['APPIMAGE'] || context.execPath || process.execPath
  await mkdir(join(file, '..'), { recursive: true })
  // Written beside and renamed into place: a session starting meanwhile never reads half an entry.
  const entry = await AtomicFile.create(file)
  try {
    await entry.write(autostartEntry(executable))
    await entry.commit()
  } catch (error) {
    await entry.abort()
    throw error
  }
  return `wrote ${file}`
}

/** Whether this start came from the session's login (then the window stays hidden in the tray). */
export function startedAtLogin(
  argv: readonly string[],
  context: Pick<LoginItemContext, 'app' | 'platform'>,
): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true
  const platform = context.platform ?? process.platform
  return platform === 'darwin' && context.app.getLoginItemSettings().wasOpenedAtLogin === true
}
