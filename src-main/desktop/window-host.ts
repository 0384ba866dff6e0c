import type { BrowserWindow, Event } from 'electron'

/** Routes the page may be sent to: its own hash routes, nothing else. */
const ROUTE = /^#\/[A-Za-z0-9/_.~%-]*$/

export interface WindowHostOptions {
  /** Makes the hardened main window and loads `url` in it (window/main-window.ts). */
  create: (url: string) => BrowserWindow
  /** The renderer's address, without a hash. */
  url: string
  /** Whether closing the window hides it to the tray instead (jobs unfinished, schedules, the setting). */
  hideOnClose: () => boolean
  /** Whether the app is quitting, when a close must really close. */
  quitting: () => boolean
  /** Told the first time the window hides instead of closing, to say where the app went. */
  onFirstHide?: () => void
}

/**
 * The one main window: shown, restored and focused on demand (a relaunch, the tray, a notification),
 * created again after it was closed, and hidden rather than closed while the app must stay in the tray.
 */
export class WindowHost {
  private window: BrowserWindow | null = null
  private hiddenOnce = false

  constructor(private readonly options: WindowHostOptions) {}

  /** The window, when one is open (visible or hidden). */
  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null
  }

  /** Brings the window to the front, creating it if needed; with `hash`, on that page (`#/job/<id>`). */
  show(hash?: string): void {
    const route = hash !== undefined && ROUTE.test(hash) ? hash : undefined
    const window = this.current()
    if (!window) {
      this.window = this.options.create(route ? `${this.options.url}${route}` : this.options.url)
      this.window.on('close', (event: Event) => this.onClose(event))
      this.window.on('closed', () => {
        this.window = null
      })
      return
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    if (route) navigate(window, route)
  }

  private onClose(event: Event): void {
    const window = this.current()
    if (!window || this.options.quitting() || !this.options.hideOnClose()) return
    event.preventDefault()
    window.hide()
    if (!this.hiddenOnce) {
      this.hiddenOnce = true
      this.options.onFirstHide?.()
    }
  }
}

/** Tells a loaded page to show a route; a page still loading is told once it has loaded. */
function navigate(window: BrowserWindow, hash: string): void {
  const send = (): void => window.webContents.send('app.navigate', { hash })
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send)
  else send()
}
