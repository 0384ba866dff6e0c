import { join } from 'node:path'
import { app, session, type BrowserWindow } from 'electron'
import { pinUserDataDir } from './adapters/paths'
import { buildAppInfo } from './app-info'
import { bindRouterToIpcMain } from './ipc/electron-ipc'
import { createHandlers } from './ipc/handlers'
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

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    handleAppProtocol(join(import.meta.dirname, '../renderer'))
    const info = buildAppInfo('desktop', {
      node: process.versions.node,
      electron: process.versions.electron,
      chrome: process.versions.chrome,
    })
    const router = createRouter(createHandlers({ info }), (channel, error) =>
      console.error(`[ipc] ${channel} failed:`, error),
    )
    bindRouterToIpcMain(router, () => trustedOrigins)
    showMainWindow()
  })
}
