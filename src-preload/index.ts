import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from './api'

/**
 * Preload entry. Runs sandboxed (CommonJS, only `electron` can be required), so everything else
 * it imports is bundled into out/preload/index.cjs.
 */
contextBridge.exposeInMainWorld('api', createApi(ipcRenderer))
