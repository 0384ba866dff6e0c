import { getApi } from './bridge'

/** The page's own routes (`#/job/<id>`); anything else main might send is ignored. */
const ROUTE = /^#\/[A-Za-z0-9/_.~%-]*$/

/**
 * Follows main's `app.navigate` event (a click on a desktop notification opens that job) by setting
 * the address's hash, so the page's usual hash routing takes it from there. Returns the unsubscribe.
 */
export function followMainNavigation(): () => void {
  return getApi().on('app.navigate', ({ hash }) => {
    if (ROUTE.test(hash) && window.location.hash !== hash) window.location.hash = hash
  })
}
