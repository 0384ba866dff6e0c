import type { Api } from '../../src-preload/contract/api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode, where the WebSocket transport stands in. */
    api?: Api
  }
}

export {}
