import type { Dispatcher } from 'undici'
import type { Redactor } from '../log/redact'
import { pickStorageUrl, type CatalogEntry } from './catalog'
import { AuthError, ServerError, SwiftConfigError, type AuthMethod } from './errors'
import { readErrorText, send } from './http'
import type { AppCredentialAuth, PasswordAuth, ProjectScope, TokenAuth } from './types'

/** What every auth kind yields. Times are the server's, so clock skew on the desktop cannot matter. */
export interface AuthResult {
  token: string
  storageUrl: string
  /** Token lifetime as the server stated it (expires_at − issued_at), when it stated one. */
  lifetimeMs?: number
  expiresAt?: string
}

export interface AuthContext {
  dispatcher: Dispatcher
  redactor: Redactor
}

type KeystoneAuth = AppCredentialAuth | PasswordAuth | TokenAuth

export function methodOf(auth: KeystoneAuth): AuthMethod {
  return auth.type === 'v3applicationcredential'
    ? 'application credential'
    : auth.type === 'v3password'
      ? 'password'
      : 'token'
}

/** `…/v3` or the bare Keystone root both work; v2.0 is gone from every supported OpenStack. */
export function tokensUrl(authUrl: string): URL {
  let url: URL
  try {
    url = new URL(authUrl)
  } catch {
    throw new SwiftConfigError(
      `The auth URL "${authUrl}" is not a URL; use e.g. https://keystone.example.com:5000/v3.`,
      'authUrl',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SwiftConfigError(
      `The auth URL must start with https:// or http:// (got ${url.protocol}).`,
      'authUrl',
    )
  }
  const path = url.pathname.replace(/\/+$/, '')
  if (/\/v2\.0$/.test(path)) {
    throw new SwiftConfigError(
      'This auth URL is Keystone v2.0, which is not supported; use the /v3 URL.',
      'authUrl',
    )
  }
  url.pathname = /\/v3$/.test(path) ? `${path}/auth/tokens` : `${path}/v3/auth/tokens`
  url.search = ''
  return url
}

function domainOf(
  id: string | undefined,
  name: string | undefined,
): { id: string } | { name: string } | undefined {
  return id ? { id } : name ? { name } : undefined
}

function scopeOf(scope: ProjectScope): object | undefined {
  if (scope.projectId) return { project: { id: scope.projectId } }
  if (!scope.projectName) return undefined
  const domain = domainOf(scope.projectDomainId, scope.projectDomainName)
  return { project: domain ? { name: scope.projectName, domain } : { name: scope.projectName } }
}

function userOf(a: { userId?: string; username?: string; userDomainId?: string; userDomainName?: string }) {
  if (a.userId) return { id: a.userId }
  const domain = domainOf(a.userDomainId, a.userDomainName)
  return domain ? { name: a.username, domain } : { name: a.username }
}

export function authRequestBody(auth: KeystoneAuth): object {
  switch (auth.type) {
    case 'v3applicationcredential': {
      // Bound to its project: Keystone refuses any scope on an application credential.
      const credential = auth.applicationCredentialId
        ? { id: auth.applicationCredentialId, secret: auth.applicationCredentialSecret }
        : {
            name: auth.applicationCredentialName,
            secret: auth.applicationCredentialSecret,
            user: userOf(auth),
          }
      return {
        auth: { identity: { methods: ['application_credential'], application_credential: credential } },
      }
    }
    case 'v3password': {
      const identity = {
        methods: ['password'],
        password: { user: { ...userOf(auth), password: auth.password } },
      }
      const scope = scopeOf(auth)
      return { auth: scope ? { identity, scope } : { identity } }
    }
    case 'v3token': {
      const identity = { methods: ['token'], token: { id: auth.token } }
      const scope = scopeOf(auth)
      return { auth: scope ? { identity, scope } : { identity } }
    }
  }
}

const HINTS: Record<AuthMethod, string> = {
  'application credential':
    'Check the application credential ID (or name and user) and secret; it may have expired or been deleted.',
  password: 'Check the user name, password, domains and project.',
  token: 'The token may have expired; get a new one.',
  'v1 (tempauth)': 'Check the user and key.',
  'pre-authenticated token': 'The token has expired or was revoked; get a new one.',
}

interface TokenBody {
  token?: { expires_at?: string; issued_at?: string; catalog?: CatalogEntry[] }
}

/** A Keystone token before an endpoint is picked from its catalog: "Test connection" reports the two apart. */
export interface KeystoneToken {
  token: string
  catalog: CatalogEntry[] | undefined
  /** The tokens URL that answered, e.g. https://keystone.example.com:5000/v3/auth/tokens. */
  url: string
  method: AuthMethod
  lifetimeMs?: number
  expiresAt?: string
}

/** Authenticates with Keystone and picks the storage URL: the profile's override, else the catalog's. */
export async function keystoneAuthenticate(auth: KeystoneAuth, ctx: AuthContext): Promise<AuthResult> {
  const issued = await keystoneToken(auth, ctx)
  return withStorageUrl(issued, pickStorageUrl(issued.catalog, auth))
}

/** The token as the session holds it, with the storage URL chosen for it. */
export function withStorageUrl(issued: KeystoneToken, storageUrl: string): AuthResult {
  const result: AuthResult = { token: issued.token, storageUrl }
  if (issued.lifetimeMs !== undefined) result.lifetimeMs = issued.lifetimeMs
  if (issued.expiresAt !== undefined) result.expiresAt = issued.expiresAt
  return result
}

/**
 * Asks Keystone for a token (POST /v3/auth/tokens) and returns it with its catalog, unread. Every
 * message is redacted: the secret sent and the token received are registered with `ctx.redactor`.
 */
export async function keystoneToken(auth: KeystoneAuth, ctx: AuthContext): Promise<KeystoneToken> {
  const url = tokensUrl(auth.authUrl)
  const method = methodOf(auth)
  ctx.redactor.add(
    auth.type === 'v3applicationcredential'
      ? auth.applicationCredentialSecret
      : auth.type === 'v3password'
        ? auth.password
        : auth.token,
  )
  const response = await send(ctx.dispatcher, {
    method: 'POST',
    origin: url.origin,
    path: url.pathname,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(authRequestBody(auth)),
    headersTimeoutMs: 30_000,
  })
  const shownUrl = url.href
  if (response.status !== 201 && response.status !== 200) {
    const said = ctx.redactor.text(keystoneMessage(await readErrorText(response)))
    if (response.status >= 500) {
      throw new ServerError(
        response.status,
        shownUrl,
        response.headers['x-openstack-request-id'],
        `Keystone at ${shownUrl} failed (HTTP ${response.status}): ${said}`,
      )
    }
    const what =
      response.status === 404
        ? 'There is no Keystone v3 token endpoint at this URL.'
        : `Keystone said: ${said || `HTTP ${response.status}`}`
    throw new AuthError(
      method,
      shownUrl,
      `Authentication by ${method} failed at ${shownUrl} (HTTP ${response.status}). ${what} ${HINTS[method]}`,
      response.status,
    )
  }
  const token = response.headers['x-subject-token']
  const body = (await response.body.json()) as TokenBody
  if (!token)
    throw new AuthError(
      method,
      shownUrl,
      `Keystone at ${shownUrl} answered without an X-Subject-Token header.`,
    )
  ctx.redactor.add(token)
  const result: KeystoneToken = { token, catalog: body.token?.catalog, url: shownUrl, method }
  const expires = Date.parse(body.token?.expires_at ?? '')
  // issued_at is the server's own clock; the Date header is the fallback for servers that omit it.
  const issued = Date.parse(body.token?.issued_at ?? response.headers.date ?? '')
  if (Number.isFinite(expires) && Number.isFinite(issued)) result.lifetimeMs = Math.max(0, expires - issued)
  if (body.token?.expires_at) result.expiresAt = body.token.expires_at
  return result
}

/** Keystone errors are `{"error": {"message": …}}`; anything else is shown as text. */
function keystoneMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } }
    if (parsed.error?.message) return parsed.error.message
  } catch {
    // not JSON
  }
  return text
}
