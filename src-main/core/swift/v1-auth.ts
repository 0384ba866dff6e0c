import { AuthError, ServerError, SwiftConfigError } from './errors'
import { discard, readErrorText, send } from './http'
import type { AuthContext, AuthResult } from './keystone'
import type { V1Auth } from './types'

/** Legacy v1 auth (tempauth, swauth, hosted Swifts): GET the auth URL with X-Auth-User / X-Auth-Key. */
export async function v1Authenticate(auth: V1Auth, ctx: AuthContext): Promise<AuthResult> {
  let url: URL
  try {
    url = new URL(auth.authUrl)
  } catch {
    throw new SwiftConfigError(
      `The auth URL "${auth.authUrl}" is not a URL; use e.g. https://swift.example.com/auth/v1.0.`,
      'authUrl',
    )
  }
  ctx.redactor.add(auth.key)
  const response = await send(ctx.dispatcher, {
    method: 'GET',
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    headers: { 'x-auth-user': auth.user, 'x-auth-key': auth.key },
    headersTimeoutMs: 30_000,
  })
  const shown = `${url.origin}${url.pathname}`
  if (response.status >= 500) {
    const said = ctx.redactor.text(await readErrorText(response))
    throw new ServerError(
      response.status,
      shown,
      response.headers['x-trans-id'],
      `Auth at ${shown} failed (HTTP ${response.status}): ${said}`,
    )
  }
  if (response.status >= 300) {
    const said = ctx.redactor.text(await readErrorText(response))
    throw new AuthError(
      'v1 (tempauth)',
      shown,
      `Authentication failed at ${shown} (HTTP ${response.status})${said ? `: ${said}` : ''}. Check the user (account:user) and key.`,
      response.status,
    )
  }
  discard(response)
  const token = response.headers['x-auth-token'] ?? response.headers['x-storage-token']
  const storageUrl = auth.storageUrl ?? response.headers['x-storage-url']
  if (!token || !storageUrl) {
    throw new AuthError(
      'v1 (tempauth)',
      shown,
      `The server at ${shown} answered without X-Auth-Token or X-Storage-Url; is this a v1 auth URL?`,
    )
  }
  ctx.redactor.add(token)
  const result: AuthResult = { token, storageUrl }
  const seconds = Number(response.headers['x-auth-token-expires'])
  if (Number.isFinite(seconds) && seconds > 0) result.lifetimeMs = seconds * 1000
  return result
}
