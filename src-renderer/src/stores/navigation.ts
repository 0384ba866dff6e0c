import { create } from 'zustand'

/**
 * The app's screens. All but `job` appear in the navigation, in this order; `job` is one run's live
 * view (`#/job/<id>`), reached from Migrations and History.
 */
export const SCREENS = ['migrations', 'profiles', 'schedules', 'history', 'logs', 'settings', 'job'] as const
export type Screen = (typeof SCREENS)[number]

/** Where the app is: a screen and what follows it in the hash (`#/profiles/new/swift` → ['new', 'swift']). */
export interface Route {
  screen: Screen
  path: string[]
}

export function routeFromHash(hash: string): Route {
  const [name = '', ...rest] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part)
      } catch {
        return part
      }
    })
  if (!(SCREENS as readonly string[]).includes(name)) return { screen: 'migrations', path: [] }
  return { screen: name as Screen, path: rest.filter((part) => part !== '') }
}

export function hashOf(screen: Screen, path: readonly string[] = []): string {
  return `#/${[screen, ...path].map(encodeURIComponent).join('/')}`
}

/** Current screen, mirrored in the URL hash so a reload stays where the user was. */
export const useNavigation = create<Route>(() => routeFromHash(window.location.hash))

/** Opens a screen, optionally at a sub-path: navigate('job', id), navigate('profiles', 'new', 's3'). */
export function navigate(screen: Screen, ...path: string[]): void {
  const hash = hashOf(screen, path)
  if (window.location.hash !== hash) window.location.hash = hash
  useNavigation.setState({ screen, path })
}

/** Follows back/forward and hand-edited hashes. Returns the unsubscribe function. */
export function followHashChanges(): () => void {
  const onChange = (): void => useNavigation.setState(routeFromHash(window.location.hash))
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}
