/**
 * Plain data types that cross the IPC boundary. Serializable only: no classes, no functions,
 * so the same values travel over Electron IPC and over browser mode's WebSocket.
 */

/** How the renderer reaches main: the Electron preload bridge or browser mode's WebSocket. */
export type ShellMode = 'desktop' | 'browser'

/** What the About line and diagnostics show. */
export interface AppInfo {
  name: string
  version: string
  /** `process.platform` of the machine running the engine (not the browser's). */
  platform: string
  mode: ShellMode
  /** Versions of the runtimes, for bug reports. `electron` is absent in browser mode. */
  versions: { node: string; electron?: string; chrome?: string }
}

/** Payload of the `app.navigate` event: a route of the page, as its address bar shows it (`#/job/<id>`). */
export interface NavigateEvent {
  hash: string
}
