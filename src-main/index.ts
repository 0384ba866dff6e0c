import { join } from 'node:path'
import { app, session, type BrowserWindow } from 'electron'
import { pinUserDataDir, userDataDir } from './adapters/paths'
import { createSafeStorageCipher } from './adapters/safe-storage-cipher'
import { buildAppInfo } from './app-info'
import { AppError } from './core/errors'
import { CipherVault, DESKTOP_VAULT_FILE, MemoryVault, type SecretVault } from './core/secrets'
import { bindRouterToIpcMain, sendToAllWindows } from './ipc/electron-ipc'
import { createHandlers, lazyProfileStore } from './ipc/handlers'
import { forwardJobEvents } from './ipc/job-events'
import { openJobHost } from './ipc/job-host'
import { createRouter } from './ipc/router'
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

let mainWindow: BrowserWindow | null = null

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

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), rendererUrl)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
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
    const handlers = createHandlers({
      info,
      profiles: lazyProfileStore(dataDir),
      jobs: jobs.deps,
      ...(await openVault(dataDir)),
    })
    const router = createRouter(handlers, (channel, error) =>
      console.error(`[ipc] ${channel} failed:`, error),
    )
    bindRouterToIpcMain(router, () => trustedOrigins)
    showMainWindow()
  })
}
