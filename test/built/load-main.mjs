// Loads out/main/index.js in plain Node with `electron` resolved to a recording stub, lets the
// app start, then prints what it registered as JSON on stdout for main.test.ts to check.
import { registerHooks } from 'node:module'
import { pathToFileURL } from 'node:url'

const stubUrl = new URL('./electron-stub.mjs', import.meta.url).href
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: stubUrl, shortCircuit: true }
    return nextResolve(specifier, context)
  },
})

const { app } = await import(stubUrl)
const mainPath = process.argv[2]
// A relaunch of the app every millisecond while it starts (the second instance hands over to this
// one): none of them may open the window before every IPC handler is bound.
const relaunch = setInterval(() => app.emit('second-instance', {}, [], '/'), 1)
await import(pathToFileURL(mainPath).href)

// Start-up opens the job history, settings and schedules before the window: wait for the window
// (or give up after 15 s, and let the test report it missing).
const record = globalThis.__electron
for (let waited = 0; record.windows.length === 0 && waited < 15_000; waited += 25) {
  await new Promise((resolve) => setTimeout(resolve, 25))
}
clearInterval(relaunch)
const window = record.windows[0]
const contents = window?.webContents

// A relaunch once the app is up brings the one window to the front.
let relaunchAfterStart = null
if (window) {
  const before = { ...window.calls }
  app.emit('second-instance', {}, [], '/')
  relaunchAfterStart = {
    windowCount: record.windows.length,
    shown: window.calls.show - before.show,
    focused: window.calls.focus - before.focus,
  }
}

function prevented(name, url) {
  let stopped = false
  contents.emit(name, { preventDefault: () => (stopped = true) }, url)
  return stopped
}

const permissionAnswers = []
for (const permission of ['media', 'notifications', 'geolocation', 'openExternal']) {
  record.permissionRequestHandler?.(contents, permission, (granted) => permissionAnswers.push(granted))
}

const appHandler = record.protocolHandlers.get('app')
const index = appHandler ? await appHandler(new Request('app://renderer/index.html')) : null
const escape = appHandler ? await appHandler(new Request('app://renderer/%2e%2e/main/index.js')) : null

let ipcFromForeignPage = null
const info = record.ipcHandlers.get('app.info')
if (info) {
  ipcFromForeignPage = await info({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)
}
const ipcFromApp = info
  ? await info({ senderFrame: { url: window.webContents.url, parent: null } }, undefined)
  : null

console.log(
  JSON.stringify({
    singleInstanceLock: record.singleInstanceLock,
    privilegedSchemes: record.privilegedSchemes,
    windowCount: record.windows.length,
    ipcHandlersAtWindow: window?.ipcHandlersAtCreation ?? null,
    relaunchAfterStart,
    webPreferences: window?.options.webPreferences ?? null,
    loadedUrl: contents?.url ?? null,
    windowOpen: contents?.windowOpenHandler?.({ url: 'https://evil.example/' }) ?? null,
    navigationBlocked: contents ? prevented('will-navigate', 'https://evil.example/') : null,
    webviewBlocked: contents ? prevented('will-attach-webview') : null,
    permissionAnswers,
    permissionCheck: record.permissionCheckHandler?.(contents, 'media') ?? null,
    ipcChannels: [...record.ipcHandlers.keys()],
    ipcFromForeignPage,
    ipcFromApp,
    index: index && {
      status: index.status,
      csp: index.headers.get('content-security-policy'),
      body: (await index.text()).slice(0, 4000),
    },
    escapeStatus: escape?.status ?? null,
    trayImages: (record.trays ?? []).map((tray) => tray.image?.path ?? null),
    trayMenu: (record.trays?.[0]?.menu?.items ?? []).map((item) => item.label ?? item.type),
  }),
)
