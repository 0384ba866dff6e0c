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
      // A middle click would open a link in a new window; new windows are denied anyway, this stops the attempt.
      disableBlinkFeatures: 'Auxclick',
    },
  }
}

/** Creates the main window and shows it once the first frame is ready (no white flash). */
export function createMainWindow(preloadPath: string, url: string): BrowserWindow {
  // Electronegativity only sees options written inline in `new BrowserWindow({...})`, so it reports
  // contextIsolation, sandbox and the Auxclick switch as unset here (false positives): mainWindowOptions
  // sets all three, and main-window.test.ts pins them. Suppressed for this line and these checks only.
  const window = new BrowserWindow(mainWindowOptions(preloadPath)) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
