import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/**
 * Options of the main window. Exported so the built-app smoke test can check them.
 * Security: context isolation and the sandbox on, Node integration off in every frame, no
 * <webview>; the preload is the only bridge and exposes just the contract's channels.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Swift to S3',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  }
}

/** Creates the main window and shows it once the first frame is ready (no white flash). */
export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
