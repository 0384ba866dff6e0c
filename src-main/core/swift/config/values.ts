import type { SwiftInterface } from '../types'
import { type AuthFieldKey, type FieldNaming, fieldError } from './fields'

export const KEYSTONE_URL_EXAMPLE = 'https://keystone.example.com:5000/v3'
export const V1_AUTH_URL_EXAMPLE = 'https://swift.example.com/auth/v1.0'
export const STORAGE_URL_EXAMPLE = 'https://swift.example.com/v1/AUTH_0123456789abcdef'

/**
 * Checks that a setting is an absolute http(s) URL and returns it as written (not normalised, so a
 * Keystone URL keeps its exact path). The value is never echoed: a URL can carry user:password@.
 */
export function httpUrl(value: string, naming: FieldNaming, key: AuthFieldKey, example: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw fieldError(naming, key, `is not a valid URL: write the full address, e.g. ${example}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw fieldError(naming, key, `must start with https:// or http://, e.g. ${example}`)
  }
  return value
}

/** Accepts OS_INTERFACE names and the older OS_ENDPOINT_TYPE ones (publicURL, internalURL, adminURL). */
export function endpointInterface(value: string, naming: FieldNaming): SwiftInterface {
  const name = value.toLowerCase().replace(/url$/, '')
  if (name === 'public' || name === 'internal' || name === 'admin') return name
  throw fieldError(
    naming,
    'interface',
    `'${value}' is not an endpoint interface: use public, internal or admin`,
  )
}

/** Drops keys whose value is undefined, so optional properties are absent rather than set to undefined. */
export function definedOnly<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
