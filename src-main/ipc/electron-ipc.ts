import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { fail } from '../../src-preload/contract/result'
import type { EventSink } from './job-events'
import type { Router } from './router'
import { isTrustedSender } from './sender'

/**
 * Binds the router to `ipcMain`: one handler per contract channel, each checking the sender first.
 * The only file (with window/) that touches Electron's IPC.
 */
export function bindRouterToIpcMain(router: Router, trustedOrigins: () => readonly string[]): void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame
      const trusted = isTrustedSender(
        frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
        trustedOrigins(),
      )
      if (!trusted) return fail('FORBIDDEN', 'This window may not call the application.')
      return router.dispatch(channel, input)
    })
  }
}

/** Pushes a contract event to every open window: jobs belong to the app, so each window shows them. */
export const sendToAllWindows: EventSink = (event, payload) => {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(event, payload)
  }
}
