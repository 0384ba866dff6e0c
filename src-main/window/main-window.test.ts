import { describe, expect, it } from 'vitest'
import type { BrowserWindow as FakeWindow } from '../../test/mocks/electron'
import { createMainWindow, mainWindowOptions } from './main-window'

describe('main window', () => {
  it('is sandboxed, isolated and without Node', () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('fits a 1024×700 screen', () => {
    const options = mainWindowOptions('/p')
    expect(options.minWidth).toBeLessThanOrEqual(1024)
    expect(options.minHeight).toBeLessThanOrEqual(700)
  })

  it('loads the given URL and shows itself when ready', () => {
    const window = createMainWindow('/p', 'app://renderer/index.html') as unknown as FakeWindow
    expect(window.loadURL).toHaveBeenCalledWith('app://renderer/index.html')
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
  })
})
