import { join } from 'node:path'
import { app, session } from 'electron'
import { pinUserDataDir, userDataDir } from './adapters/paths'
import { electronFileOffer } from './adapters/file-offer'
import { createSafeStorageCipher } from './adapters/safe-storage-cipher'
import { buildAppInfo } from './app-info'
import { AppError } from './core/errors'
import { LogService } from './core/logs'
import { CipherVault, DESKTOP_VAULT_FILE, MemoryVault, type SecretVault } from './core/secrets'
import { chooseFolder } from './desktop/dialogs'
import { installDesktop, type DesktopShell } from './desktop/install'
import { startedAtLogin } from './desktop/login-item'
import { scheduleNotifier } from './desktop/schedule-notifications'
import { bindRouterToIpcMain, sendToAllWindows } from './ipc/electron-ipc'
import { logInternalErrors } from './ipc/internal-errors'
import { createHandlers, lazyProfileStore } from './ipc/handlers'
import { forwardJobEvents } from './ipc/job-events'
import { forwardLogEvents } from './ipc/log-events'
import { openJobHost } from './ipc/job-host'
import { createRouter } from './ipc/router'
import { openScheduleHost } from './ipc/schedule-host'
import { openSettingsHost } from './ipc/settings-host'
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './window/app-protocol'
import { hardenSession, hardenWebContents } from './window/harden'
import { createMainWindow } from './window/main-window'

/**
 * Composition root of the desktop app: lifecycle → security → core → IPC → window.
 * Everything of substance lives in core; this file only wires.
 */

// electron-vite sets this while `npm run dev` serves the renderer with hot reload.
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const trustedOrigins = [devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN]

const preloadPath = join(import.meta.dirname, '../preload/index.cjs')
// Tray images; packaged as app.asar/resources next to out/.
const resourcesDir = join(import.meta.dirname, '../../resources')

let desktop: DesktopShell | null = null
// A relaunch or the dock asked for the window before the desktop shell existed.
let showAsked = false

/**
 * The vault: safeStorage ciphertext in userData. Called after `ready`, before which safeStorage cannot
 * say what protects its key. When it cannot be opened (a damaged file, no safeStorage) the app still
 * starts, keeping secrets for this session only, and Settings shows why.
 */
async function openVault(dir: string): Promise<{ vault: SecretVault; vaultProblem?: string }> {
  try {
    return { vault: await CipherVault.open(join(dir, DESKTOP_VAULT_FILE), await createSafeStorageCipher()) }
  } catch (error) {
    console.error('[vault] could not be opened; secrets are kept for this session only:', error)
    const why = error instanceof AppError ? error.message : 'the system secret store did not answer.'
    return { vault: new MemoryVault(), vaultProblem: `Secrets are kept for this session only: ${why}` }
  }
}

/**
 * Brings the window up (a relaunch, the dock). Asked before the shell exists, it is remembered; the
 * shell itself holds any show until the IPC handlers are bound (see DesktopShell.ready).
 */
function showMainWindow(): void {
  if (desktop) desktop.show()
  else showAsked = true
}

// A second launch focuses the running instance instead of starting another engine on the same data.
// Profiles and secrets live where the CLI looks for them (see adapters/paths.ts); before the lock.
pinUserDataDir()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.on('second-instance', showMainWindow)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', showMainWindow)

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    handleAppProtocol(join(import.meta.dirname, '../renderer'))
    const info = buildAppInfo('desktop', {
      node: process.versions.node,
      electron: process.versions.electron,
      chrome: process.versions.chrome,
    })
    const dataDir = userDataDir()
    // Opened before the window so runs the last session left unfinished are marked interrupted first.
    const jobs = await openJobHost(dataDir)
    forwardJobEvents(jobs.manager, sendToAllWindows)
    // Settings put their limits into force before the window can start a job.
    const settings = openSettingsHost(dataDir, jobs.manager, jobs.deps)
    const shell = installDesktop({
      manager: jobs.manager,
      settings: settings.store,
      createWindow: (url) => createMainWindow(preloadPath, url),
      rendererUrl,
      resourcesDir,
    })
    desktop = shell
    if (showAsked) shell.show()
    // Exports go through main's save dialog; the HTML summary opens in the system browser.
    const logs = {
      service: new LogService({ jobs: () => jobs.manager }),
      files: electronFileOffer(() => shell.window()),
    }
    forwardLogEvents(jobs.manager, logs.service, sendToAllWindows)
    const profiles = lazyProfileStore(dataDir)
    const opened = await openVault(dataDir)
    // Schedules fire with the window closed: the app stays in the tray while one is still to come.
    const schedules = openScheduleHost({
      dataDir,
      manager: jobs.manager,
      settings: settings.store,
      profiles,
      vault: opened.vault,
      jobs: settings.jobs,
      send: sendToAllWindows,
    })
    const keepForSchedules = (): void =>
      shell.keepInTray('schedules', schedules.scheduler.hasActiveSchedules())
    keepForSchedules()
    schedules.on((event) => {
      if (event.type === 'schedules-changed') keepForSchedules()
    })
    schedules.on(
      scheduleNotifier({
        settings: () => settings.store.get().notifications,
        openSchedules: () => shell.show('#/schedules'),
      }),
    )
    const handlers = createHandlers({
      info,
      profiles,
      jobs: settings.jobs,
      settings: settings.deps((current) => chooseFolder(shell.window(), current)),
      logs,
      schedules: () => schedules.scheduler,
      ...opened,
    })
    const router = createRouter(handlers, logInternalErrors())
    bindRouterToIpcMain(router, () => trustedOrigins)
    // Started with the session (Start at login): stay in the tray until the user opens the window.
    if (!startedAtLogin(process.argv, { app })) shell.show()
    // Only now can a page's calls be answered: the window opens here, whoever asked for it first.
    shell.ready()
  })
}
