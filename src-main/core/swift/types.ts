/**
 * How a Swift profile authenticates and connects. These shapes are what profiles store (minus secrets,
 * which live in the secret store) and what the env/openrc/clouds.yaml importers produce.
 */

/** Which catalog endpoint to use, as OS_INTERFACE names them. */
export type SwiftInterface = 'public' | 'internal' | 'admin'

/** Where the storage URL comes from when Keystone hands out a catalog. */
export interface CatalogOptions {
  /** Keystone region id (OS_REGION_NAME). Optional when the catalog has one matching endpoint. */
  region?: string
  /** Endpoint interface; `public` when not set. */
  interface?: SwiftInterface
  /** Use this storage URL instead of the catalog's (OS_STORAGE_URL). */
  storageUrl?: string
}

/** Keystone v3 application credential: bound to its project, so it is sent without a scope. */
export interface AppCredentialAuth extends CatalogOptions {
  type: 'v3applicationcredential'
  authUrl: string
  /** Either the id, or the name together with the owning user (id, or name + domain). */
  applicationCredentialId?: string
  applicationCredentialName?: string
  applicationCredentialSecret: string
  userId?: string
  username?: string
  userDomainId?: string
  userDomainName?: string
}

/** Project scope for password and token auth: by id, or by name plus a domain. */
export interface ProjectScope {
  projectId?: string
  projectName?: string
  projectDomainId?: string
  projectDomainName?: string
}

export interface PasswordAuth extends CatalogOptions, ProjectScope {
  type: 'v3password'
  authUrl: string
  userId?: string
  username?: string
  userDomainId?: string
  userDomainName?: string
  password: string
}

/** Keystone v3 token method: exchange an existing token for a project-scoped one with a catalog. */
export interface TokenAuth extends CatalogOptions, ProjectScope {
  type: 'v3token'
  authUrl: string
  token: string
}

/** Legacy v1 auth (Swift tempauth, swauth, many hosted Swifts): X-Auth-User / X-Auth-Key. */
export interface V1Auth {
  type: 'v1'
  authUrl: string
  user: string
  key: string
  /** Use this storage URL instead of the X-Storage-Url the server returns. */
  storageUrl?: string
}

/** A token and storage URL obtained elsewhere; it cannot be renewed, so a 401 is final. */
export interface PreAuthenticated {
  type: 'preauth'
  storageUrl: string
  token: string
}

export type SwiftAuth = AppCredentialAuth | PasswordAuth | TokenAuth | V1Auth | PreAuthenticated
export type SwiftAuthType = SwiftAuth['type']

/** TLS settings as an importer finds them; the CA file is read by the caller, keeping parsers pure. */
export interface TlsSettings {
  /** Path to a PEM bundle to trust in addition to the system and bundled roots (OS_CACERT, cacert). */
  caFile?: string
  /** Skip certificate verification (clouds.yaml `verify: false`, OS_INSECURE). Off unless asked for. */
  insecure?: boolean
}

/** What an importer (environment, openrc file, clouds.yaml entry) yields. */
export interface ImportedSwiftConfig {
  auth: SwiftAuth
  tls: TlsSettings
  /** Where the settings came from, for the UI ("clouds.yaml: mycloud", "environment"). */
  source: string
}
