import type { CatalogEntry } from './catalog'
import type { AuthMethod } from './errors'

/** An authentication before the storage URL is chosen; see SwiftConnection.signIn. */
export type SignIn = { use(storageUrl: string): void } & (
  | {
      kind: 'keystone'
      method: AuthMethod
      /** Keystone's tokens URL. */
      url: string
      /** The token's catalog, to choose the object-store endpoint from. */
      catalog: CatalogEntry[] | undefined
      expiresAt?: string
    }
  | {
      kind: 'v1'
      url: string
      /** The profile's override, else the X-Storage-Url the auth answered. */
      storageUrl: string
      storageUrlFromProfile: boolean
    }
  | { kind: 'preauth'; storageUrl: string }
)
