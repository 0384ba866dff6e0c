import { ipcMain } from 'electron'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../src-preload/contract/channels'
import { bindRouterToIpcMain } from './electron-ipc'
import { stubHandlers } from './handlers/test-support'
import { createRouter } from './router'
import { testAppInfo } from '../../test/fixtures/app-info'

type Handler = (event: unknown, input: unknown) => Promise<unknown>

const info = testAppInfo('desktop')

function event(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent } }
}

describe('Electron IPC binding', () => {
  bindRouterToIpcMain(createRouter(stubHandlers({ 'app.info': () => info })), () => ['app://renderer'])
  const mock = ipcMain as unknown as { handlers: Map<string, Handler> }

  it('registers a handler for every contract channel', () => {
    expect([...mock.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort())
  })

  it('answers the app page', async () => {
    const handler = mock.handlers.get('app.info')!
    expect(await handler(event('app://renderer/index.html'), undefined)).toEqual({ ok: true, value: info })
  })

  it('refuses a sender from another origin', async () => {
    const handler = mock.handlers.get('app.info')!
    expect(await handler(event('https://evil.example/'), undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('refuses a subframe, even of the app origin', async () => {
    const handler = mock.handlers.get('app.info')!
    const result = await handler(event('app://renderer/index.html', { url: 'app://renderer/' }), undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses an event whose frame is gone', async () => {
    const handler = mock.handlers.get('app.info')!
    expect(await handler({ senderFrame: null }, undefined)).toMatchObject({ ok: false })
  })
})
