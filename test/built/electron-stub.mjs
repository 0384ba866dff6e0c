// A recording stand-in for `electron`, used to load the built main bundle in plain Node.
// Everything the app registers lands in globalThis.__electron for load-main.mjs to inspect.
import { EventEmitter } from 'node:events'

const record = {
  singleInstanceLock: false,
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  headersReceived: null,
  windows: [],
}
globalThis.__electron = record

class WebContents extends EventEmitter {
  windowOpenHandler = null
  url = ''
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.url
  }
  send() {}
  isLoading() {
    return false
  }
}

export const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock() {
    record.singleInstanceLock = true
    return true
  },
  whenReady: () => Promise.resolve(),
  quit() {},
  getVersion: () => '0.0.0',
  getPath: () => '/tmp',
  setPath: () => {},
  isPackaged: false,
  setLoginItemSettings: () => {},
  getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
})

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    this.webContents = new WebContents()
    // How many IPC handlers existed when the window was made: a page that loads before they are all
    // bound meets "No handler registered" on its first call.
    this.ipcHandlersAtCreation = record.ipcHandlers.size
    this.calls = { show: 0, focus: 0 }
    record.windows.push(this)
    // Electron announces every new web contents; the app hardens them from this event.
    app.emit('web-contents-created', {}, this.webContents)
  }
  loadURL(url) {
    this.webContents.url = url
    return Promise.resolve()
  }
  show() {
    this.calls.show++
  }
  hide() {}
  focus() {
    this.calls.focus++
  }
  restore() {}
  isMinimized() {
    return false
  }
  isDestroyed() {
    return false
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedSchemes.push(...schemes)
  },
  handle(scheme, handler) {
    record.protocolHandlers.set(scheme, handler)
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandler = handler
    },
    webRequest: {
      onHeadersReceived(handler) {
        record.headersReceived = handler
      },
    },
  },
}

export const ipcMain = {
  handle(channel, handler) {
    record.ipcHandlers.set(channel, handler)
  },
  removeHandler(channel) {
    record.ipcHandlers.delete(channel)
  },
}

// Like safeStorage before `ready` on a machine without a keyring: the app must start anyway.
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => false,
  getSelectedStorageBackend: () => 'unknown',
  encryptStringAsync: async () => {
    throw new Error('encryption is not available')
  },
  decryptStringAsync: async () => {
    throw new Error('encryption is not available')
  },
}
// The desktop glue: tray, notifications, power-save blocker, dialogs. Recorded, never shown.
record.trays = []
export class Tray extends EventEmitter {
  constructor(image) {
    super()
    this.image = image
    record.trays.push(this)
  }
  setToolTip(text) {
    this.tooltip = text
  }
  setContextMenu(menu) {
    this.menu = menu
  }
  destroy() {}
}
export const Menu = { buildFromTemplate: (template) => ({ items: template }) }
export const nativeImage = {
  createFromPath: (path) => ({ path, isEmpty: () => false, setTemplateImage() {} }),
}
export class Notification extends EventEmitter {
  static isSupported() {
    return false
  }
  show() {}
}
export const powerSaveBlocker = { start: () => 1, stop() {}, isStarted: () => false }
export const dialog = {
  showMessageBox: async () => ({ response: 1 }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true, filePath: '' }),
}
export const shell = { openPath: async () => '' }
export default {
  app,
  BrowserWindow,
  protocol,
  session,
  ipcMain,
  safeStorage,
  Tray,
  Menu,
  nativeImage,
  Notification,
  powerSaveBlocker,
  dialog,
  shell,
}
