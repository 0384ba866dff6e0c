import { app, Notification, type BrowserWindow } from 'electron'
import type { JobManager } from '../core/jobs/job-manager'
import type { SettingsStore } from '../core/settings'
import { confirmQuit } from './dialogs'
import { JobActivity } from './job-activity'
import { notifyJobEvents } from './job-notifications'
import { applyStartAtLogin } from './login-item'
import { holdPowerSaveWhileWorking } from './power-save'
import { guardQuit } from './quit-guard'
import { createAppTray } from './tray'
import { trayIcon } from './tray-icon'
import { WindowHost } from './window-host'

export interface DesktopOptions {
  manager: JobManager
  settings: SettingsStore
  /** Makes the hardened main window loading `url`. */
  createWindow: (url: string) => BrowserWindow
  rendererUrl: string
  /** resources/ of the app, where the tray images are. */
  resourcesDir: string
  log?: (message: string) => void
}

/** What the rest of main may ask of the desktop shell. */
export interface DesktopShell {
  /**
   * Shows the main window, on a page (`#/job/<id>`) when given. Before {@link ready} the show is held
   * and happens then, so no page can load before main answers its calls.
   */
  show(hash?: string): void
  /** Called once the IPC handlers are bound: the window may open from now on. */
  ready(): void
  /** The main window while it exists, for dialogs. */
  window(): BrowserWindow | null
  /**
   * Keeps the app in the tray while `reason` holds: closing the window then hides it. The scheduler
   * calls `keepInTray('schedules', true)` while any schedule is enabled, so they still fire.
   */
  keepInTray(reason: string, on: boolean): void
}

/** Pauses every job that is working (the manager refuses to pause a queued one; it stays queued). */
function pauseAll(manager: Pick<JobManager, 'pause'>, activity: JobActivity, log: (m: string) => void): void {
  for (const job of activity.working()) {
    try {
      manager.pause(job.id)
    } catch (error) {
      log(`[tray] could not pause ${job.id}: ${(error as Error).message}`)
    }
  }
}

/**
 * Everything that makes the engine a desktop app: the window that hides to the tray, the tray, the
 * quit question, notifications, the power-save blocker and the login item. Each piece is a small
 * module of its own; this wires them to the job manager and the settings.
 */
export function installDesktop(options: DesktopOptions): DesktopShell {
  const { manager, settings } = options
  const log = options.log ?? ((message: string) => console.log(message))
  const activity = new JobActivity(manager)
  const reasons = new Set<string>()

  const releasePower = holdPowerSaveWhileWorking(activity)
  const stopNotifications = notifyJobEvents(manager, {
    settings: () => settings.get().notifications,
    openJob: (id) => windows.show(`#/job/${encodeURIComponent(id)}`),
  })
  let destroyTray = (): void => {}

  const guard = guardQuit({
    app,
    activity,
    manager,
    confirm: (count) => confirmQuit(windows.current(), count),
    log,
    beforeExit: () => {
      destroyTray()
      stopNotifications()
      releasePower()
      activity.close()
    },
  })

  const windows = new WindowHost({
    create: options.createWindow,
    url: options.rendererUrl,
    hideOnClose: () => reasons.size > 0 || activity.unfinished().length > 0 || settings.get().closeToTray,
    quitting: guard.quitting,
    holdUntilReady: true,
    onFirstHide: () => {
      if (!Notification.isSupported()) return
      const running = activity.unfinished().length
      new Notification({
        title: 'Swift to S3 is still running',
        body:
          (running > 0
            ? `${running} ${running === 1 ? 'migration continues' : 'migrations continue'}. `
            : '') + 'Open it again from the tray icon, or by starting the app; quit from the tray menu.',
      }).show()
    },
  })

  const icon = trayIcon(options.resourcesDir)
  if (icon.isEmpty()) log(`[tray] no tray image in ${options.resourcesDir}/tray; the tray icon may be blank`)
  destroyTray = createAppTray(icon, activity, {
    open: () => windows.show(),
    pauseAll: () => pauseAll(manager, activity, log),
    quit: () => app.quit(),
  }).destroy

  // The login item follows the setting; applied at start too, so an AppImage that moved is found again.
  const loginItem = (on: boolean): void => {
    applyStartAtLogin(on, { app }).then(
      (what) => log(`[login item] ${what}`),
      (error: unknown) => log(`[login item] ${(error as Error).message}`),
    )
  }
  if (settings.get().startAtLogin) loginItem(true)
  settings.on((next, previous) => {
    if (next.startAtLogin !== previous.startAtLogin) loginItem(next.startAtLogin)
  })

  return {
    show: (hash) => windows.show(hash),
    ready: () => windows.ready(),
    window: () => windows.current(),
    keepInTray: (reason, on) => {
      if (on) reasons.add(reason)
      else reasons.delete(reason)
    },
  }
}
