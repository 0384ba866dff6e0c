import { afterEach, describe, expect, it } from 'vitest'
import { setApi } from '../../../ipc/bridge'
import { fakeApi } from '../test/fake-api'
import { browseContainers, useContainerBrowser } from './container-browser'

const ALL = [
  { name: 'logs', count: 3, bytes: 1200 },
  { name: 'photos', count: 20, bytes: 40_960 },
  { name: 'photos-old', count: 7, bytes: 5_000_000 },
]

/** browse.containers answering only when the test says so, filtered by the prefix asked. */
function pausedBackend() {
  const pending: Array<() => void> = []
  setApi(
    fakeApi({
      'browse.containers': ({ prefix }) =>
        new Promise((resolve) =>
          pending.push(() =>
            resolve({ containers: ALL.filter((c) => prefix === undefined || c.name.startsWith(prefix)) }),
          ),
        ),
    }),
  )
  return { answer: () => pending.shift()!() }
}

const names = () => useContainerBrowser.getState().containers.map((c) => c.name)

afterEach(() =>
  useContainerBrowser.setState({
    profileId: null,
    prefix: '',
    containers: [],
    nextMarker: null,
    loading: false,
  }),
)

describe('container browser', () => {
  it('keeps the rows that still match on screen while a narrower search is asked', async () => {
    const backend = pausedBackend()
    const first = browseContainers('sw1', '')
    backend.answer()
    await first
    expect(names()).toEqual(['logs', 'photos', 'photos-old'])

    const narrower = browseContainers('sw1', 'photos')
    expect(useContainerBrowser.getState().loading).toBe(true)
    expect(names()).toEqual(['photos', 'photos-old'])
    backend.answer()
    await narrower
    expect(names()).toEqual(['photos', 'photos-old'])
    expect(useContainerBrowser.getState().loading).toBe(false)
  })

  it('shows nothing of another profile while the new one is listed', async () => {
    const backend = pausedBackend()
    const first = browseContainers('sw1', '')
    backend.answer()
    await first
    const other = browseContainers('sw2', '')
    expect(names()).toEqual([])
    backend.answer()
    await other
    expect(names()).toEqual(['logs', 'photos', 'photos-old'])
  })
})
