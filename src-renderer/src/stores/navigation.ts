import { create } from 'zustand'

/** The app's top-level screens, in navigation order. */
export const SCREENS = ['migrations', 'profiles', 'schedules', 'logs', 'settings'] as const
export type Screen = (typeof SCREENS)[number]

function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '')
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'migrations'
}

interface NavigationState {
  screen: Screen
}

/** Current screen, mirrored in the URL hash so a reload stays where the user was. */
export const useNavigation = create<NavigationState>(() => ({ screen: screenFromHash(window.location.hash) }))

/** Opens a screen. */
export function navigate(screen: Screen): void {
  if (window.location.hash !== `#/${screen}`) window.location.hash = `#/${screen}`
  useNavigation.setState({ screen })
}

/** Follows back/forward and hand-edited hashes. Returns the unsubscribe function. */
export function followHashChanges(): () => void {
  const onChange = (): void => useNavigation.setState({ screen: screenFromHash(window.location.hash) })
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}
