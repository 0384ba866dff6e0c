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
  /**
   * Hold every show until {@link WindowHost.ready} is called. The desktop app sets it: its IPC handlers
   * are bound late in start-up, and a page loaded before then gets "No handler registered" instead of
   * an answer on its first call.
   */
  holdUntilReady?: boolean
}

/**
 * The one main window: shown, restored and focused on demand (a relaunch, the tray, a notification),
 * created again after it was closed, and hidden rather than closed while the app must stay in the tray.
 */
export class WindowHost {
  private window: BrowserWindow | null = null
  private hiddenOnce = false
  private isReady: boolean
  /** A show asked for before ready (a relaunch, the dock, the tray), with the page it asked for. */
  private held: { hash: string | undefined } | null = null

  constructor(private readonly options: WindowHostOptions) {
    this.isReady = options.holdUntilReady !== true
  }

  /** From now on the window may be shown; a show held until now happens at once. */
  ready(): void {
    if (this.isReady) return
    this.isReady = true
    const held = this.held
    this.held = null
    if (held) this.show(held.hash)
  }

  /** The window, when one is open (visible or hidden). */
  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null
  }

  /** Brings the window to the front, creating it if needed; with `hash`, on that page (`#/job/<id>`). */
  show(hash?: string): void {
    if (!this.isReady) {
      // One window will open; the latest page asked for wins, a plain relaunch keeps an earlier one.
      this.held = { hash: hash ?? this.held?.hash }
      return
    }
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
