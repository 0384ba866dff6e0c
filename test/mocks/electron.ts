import { vi, type Mock } from 'vitest'

/**
 * A small stand-in for the `electron` module in the shell project. It records what the code under
 * test registers so tests can call those handlers as Electron would.
 */

type Listener = (...args: unknown[]) => unknown

/** Minimal EventEmitter-like object used for app, web contents and windows. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener)
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }
}

/** Web contents with the hooks the hardening code sets. */
export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  url = 'app://renderer/index.html'
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  getURL(): string {
    return this.url
  }
  send: Mock = vi.fn()
  loading = false
  isLoading(): boolean {
    return this.loading
  }
}

export const ipcMain: { handlers: Map<string, Listener>; handle: Mock; removeHandler: Mock } = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, listener: Listener) => {
    ipcMain.handlers.set(channel, listener)
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel)
  }),
}

export const protocol: {
  handlers: Map<string, (request: Request) => Promise<Response>>
  registerSchemesAsPrivileged: Mock
  handle: Mock
} = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler)
  }),
}

export const session = {
  defaultSession: {
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    headersReceived: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler
    },
    webRequest: {
      onHeadersReceived(handler: Listener) {
        session.defaultSession.headersReceived = handler
      },
    },
  },
}

export class BrowserWindow extends FakeEmitter {
  static created: BrowserWindow[] = []
  static getAllWindows: Mock = vi.fn(() => BrowserWindow.created)
  readonly webContents = new FakeWebContents()
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.created.push(this)
  }
  loadURL: Mock = vi.fn(async () => {})
  show: Mock = vi.fn()
  hide: Mock = vi.fn()
  focus: Mock = vi.fn()
  restore: Mock = vi.fn()
  isMinimized: Mock = vi.fn(() => false)
  isDestroyed: Mock = vi.fn(() => false)
}

export const app: FakeEmitter &
  Record<
    | 'requestSingleInstanceLock'
    | 'whenReady'
    | 'quit'
    | 'getVersion'
    | 'getPath'
    | 'setPath'
    | 'setLoginItemSettings'
    | 'getLoginItemSettings',
    Mock
  > & { isPackaged: boolean } = Object.assign(new FakeEmitter(), {
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(),
  getVersion: vi.fn(() => '0.0.0-test'),
  getPath: vi.fn(() => '/tmp'),
  setPath: vi.fn(),
  setLoginItemSettings: vi.fn(),
  getLoginItemSettings: vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false })),
  isPackaged: true,
})

/** Desktop notifications: each one made is kept in `shown` once shown. */
export class Notification extends FakeEmitter {
  static supported = true
  static shown: Notification[] = []
  static isSupported(): boolean {
    return Notification.supported
  }
  constructor(readonly options: { title: string; body: string }) {
    super()
  }
  show(): void {
    Notification.shown.push(this)
  }
}

/** Records blockers started and stopped. */
export const powerSaveBlocker: {
  active: Map<number, string>
  nextId: number
  start: Mock
  stop: Mock
  isStarted: Mock
} = {
  active: new Map<number, string>(),
  nextId: 1,
  start: vi.fn((type: string) => {
    const id = powerSaveBlocker.nextId++
    powerSaveBlocker.active.set(id, type)
    return id
  }),
  stop: vi.fn((id: number) => {
    powerSaveBlocker.active.delete(id)
  }),
  isStarted: vi.fn((id: number) => powerSaveBlocker.active.has(id)),
}

/** A native image that only remembers where it came from. */
export class FakeNativeImage {
  template = false
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return this.path === ''
  }
  setTemplateImage(on: boolean): void {
    this.template = on
  }
}

export const nativeImage: { createFromPath: Mock } = {
  createFromPath: vi.fn((path: string) => new FakeNativeImage(path)),
}

/** A menu keeps its template, so tests can read labels and click items. */
export const Menu: { buildFromTemplate: Mock } = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
}

export class Tray extends FakeEmitter {
  static created: Tray[] = []
  tooltip = ''
  menu: { items: Array<{ label?: string; enabled?: boolean; type?: string; click?: () => void }> } | null =
    null
  destroyed = false
  constructor(readonly image: unknown) {
    super()
    Tray.created.push(this)
  }
  setToolTip(text: string): void {
    this.tooltip = text
  }
  setContextMenu(menu: Tray['menu']): void {
    this.menu = menu
  }
  destroy(): void {
    this.destroyed = true
  }
}

export const dialog: { showMessageBox: Mock; showOpenDialog: Mock; showSaveDialog: Mock } = {
  showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
}

/** shell.openPath resolves with an error message, '' on success. */
export const shell: { openPath: Mock } = {
  openPath: vi.fn(async () => ''),
}

export const contextBridge: { exposeInMainWorld: Mock } = { exposeInMainWorld: vi.fn() }
export const ipcRenderer: Record<'invoke' | 'on' | 'removeListener', Mock> = {
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
}

const electron: Record<string, unknown> = {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  Notification,
  powerSaveBlocker,
  protocol,
  session,
  shell,
  Tray,
}

export default electron
