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
  focus: Mock = vi.fn()
  restore: Mock = vi.fn()
  isMinimized: Mock = vi.fn(() => false)
  isDestroyed: Mock = vi.fn(() => false)
}

export const app: FakeEmitter &
  Record<'requestSingleInstanceLock' | 'whenReady' | 'quit' | 'getVersion' | 'getPath' | 'setPath', Mock> =
  Object.assign(new FakeEmitter(), {
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    getVersion: vi.fn(() => '0.0.0-test'),
    getPath: vi.fn(() => '/tmp'),
    setPath: vi.fn(),
  })

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
  ipcMain,
  ipcRenderer,
  protocol,
  session,
}

export default electron
