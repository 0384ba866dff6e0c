import { ProfileStore } from '../../core/profiles'

/**
 * Opens the profile store on first use and keeps it once it opened. A damaged or unreadable profile
 * file then fails the calls that need it, with the store's message saying what to fix, instead of
 * keeping the window from opening; after the user fixes the file the next call succeeds.
 */
export function lazyProfileStore(cwd: string): () => ProfileStore {
  let store: ProfileStore | undefined
  return () => (store ??= new ProfileStore({ cwd }))
}
