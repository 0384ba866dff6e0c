import { beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '../../../src-preload/contract/api'
import type { EventPayload } from '../../../src-preload/contract/channels'
import { setApi } from './bridge'
import { followMainNavigation } from './main-navigation'

type Listener = (payload: EventPayload<'app.navigate'>) => void

function fakeApi(): { api: Api; send: Listener; subscribed: () => boolean } {
  let listener: Listener | null = null
  const api = {
    mode: 'desktop',
    invoke: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'not faked' } }),
    on: (event: string, callback: Listener) => {
      if (event === 'app.navigate') listener = callback
      return () => {
        listener = null
      }
    },
  } as unknown as Api
  return { api, send: (payload) => listener?.(payload), subscribed: () => listener !== null }
}

beforeEach(() => {
  window.location.hash = '#/settings'
})

describe('navigation asked for by main', () => {
  it('opens the page main names (a clicked notification opens its job), until unsubscribed', () => {
    const main = fakeApi()
    setApi(main.api)
    const stop = followMainNavigation()
    main.send({ hash: '#/job/3f2a' })
    expect(window.location.hash).toBe('#/job/3f2a')
    stop()
    expect(main.subscribed()).toBe(false)
  })

  it('ignores anything that is not one of the page own routes', () => {
    const main = fakeApi()
    setApi(main.api)
    followMainNavigation()
    main.send({ hash: 'javascript:alert(1)' })
    main.send({ hash: '#/job/<img>' })
    expect(window.location.hash).toBe('#/settings')
  })
})
