import type { AppInfo } from '../../../src-preload/contract/types'
import type { Handlers } from '../router'
import { appHandlers } from './app'

/** What the handlers need from the composition root. */
export interface HandlerDeps {
  info: AppInfo
}

/** All channel handlers, one spread per domain; the `Handlers` type catches a missing channel. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return { ...appHandlers(deps.info) }
}
