import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow } from '../../test/mocks/electron'
import { WindowHost } from './window-host'

type FakeWindow = BrowserWindow

function setup(hide = { value: false }, quitting = { value: false }) {
  const urls: string[] = []
  const onFirstHide = vi.fn()
  const host = new WindowHost({
    create: (url) => {
      urls.push(url)
      return new BrowserWindow({}) as never
    },
    url: 'app://renderer/index.html',
    hideOnClose: () => hide.value,
    quitting: () => quitting.value,
    onFirstHide,
  })
  return { host, urls, onFirstHide, hide, quitting }
}

function close(window: FakeWindow): boolean {
  let prevented = false
  window.emit('close', { preventDefault: () => (prevented = true) })
  return prevented
}

beforeEach(() => {
  BrowserWindow.created.length = 0
})

describe('the main window', () => {
  it('is created once, then shown, restored and focused again', () => {
    const { host, urls } = setup()
    host.show()
    const window = host.current() as unknown as FakeWindow
    host.show()
    expect(urls).toEqual(['app://renderer/index.html'])
    expect(window.show).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
  })

  it('opens on a job page: a new window loads the route, an open one is told to go there', () => {
    const { host, urls } = setup()
    host.show('#/job/job-7')
    expect(urls).toEqual(['app://renderer/index.html#/job/job-7'])
    const window = host.current() as unknown as FakeWindow
    host.show('#/job/job-8')
    expect(window.webContents.send).toHaveBeenCalledWith('app.navigate', { hash: '#/job/job-8' })
  })

  it('waits for a page that is still loading before telling it where to go', () => {
    const { host } = setup()
    host.show()
    const window = host.current() as unknown as FakeWindow
    window.webContents.loading = true
    host.show('#/job/a')
    expect(window.webContents.send).not.toHaveBeenCalled()
    window.webContents.emit('did-finish-load')
    expect(window.webContents.send).toHaveBeenCalledWith('app.navigate', { hash: '#/job/a' })
  })

  it('with holdUntilReady, opens nothing before ready, then the one window asked for', () => {
    const urls: string[] = []
    const host = new WindowHost({
      create: (url) => {
        urls.push(url)
        return new BrowserWindow({}) as never
      },
      url: 'app://renderer/index.html',
      hideOnClose: () => false,
      quitting: () => false,
      holdUntilReady: true,
    })
    host.show()
    host.show('#/schedules')
    expect(host.current()).toBeNull()
    host.ready()
    expect(urls).toEqual(['app://renderer/index.html#/schedules'])
    // Nothing held any more: a second ready opens nothing new.
    host.ready()
    expect(urls).toHaveLength(1)
  })

  it('never sends a route that is not one of the page own', () => {
    const { host, urls } = setup()
    host.show('javascript:alert(1)')
    expect(urls).toEqual(['app://renderer/index.html'])
  })

  it('hides to the tray instead of closing while it must stay, saying so the first time only', () => {
    const { host, onFirstHide, hide } = setup({ value: true })
    host.show()
    const window = host.current() as unknown as FakeWindow
    expect(close(window)).toBe(true)
    expect(window.hide).toHaveBeenCalledTimes(1)
    expect(close(window)).toBe(true)
    expect(onFirstHide).toHaveBeenCalledTimes(1)
    // Nothing keeps it any more: closing closes.
    hide.value = false
    expect(close(window)).toBe(false)
  })

  it('closes for real while the app quits', () => {
    const { host } = setup({ value: true }, { value: true })
    host.show()
    expect(close(host.current() as unknown as FakeWindow)).toBe(false)
  })

  it('is made anew after it was closed', () => {
    const { host, urls } = setup()
    host.show()
    ;(host.current() as unknown as FakeWindow).emit('closed')
    expect(host.current()).toBeNull()
    host.show()
    expect(urls).toHaveLength(2)
  })
})
