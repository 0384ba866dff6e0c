import type { SwiftAuthType } from '../types'
import { type AuthFields, type FieldNaming, fieldError } from './fields'
import { KEYSTONE_URL_EXAMPLE } from './values'

/** OS_AUTH_TYPE / auth_type values we can honour, as keystoneauth spells its plugin names. */
const AUTH_TYPES: Readonly<Record<string, SwiftAuthType>> = {
  v3applicationcredential: 'v3applicationcredential',
  applicationcredential: 'v3applicationcredential',
  v3password: 'v3password',
  password: 'v3password',
  v3token: 'v3token',
  token: 'v3token',
  v1: 'v1',
}

/** The explicit auth type if one is set, otherwise the one the other settings imply. */
export function resolveAuthType(fields: AuthFields, naming: FieldNaming): SwiftAuthType {
  if (fields.authType !== undefined) {
    const type = AUTH_TYPES[fields.authType.toLowerCase()]
    if (type) return type
    throw fieldError(
      naming,
      'authType',
      `'${fields.authType}' is not supported: use v3applicationcredential, v3password, v3token or v1, ` +
        'or leave it unset to choose from the other settings',
    )
  }
  return inferAuthType(fields, naming)
}

/** The same choices the openstack and swift CLIs make when no auth type is named. */
function inferAuthType(fields: AuthFields, naming: FieldNaming): SwiftAuthType {
  const { authUrl, token, storageUrl } = fields
  if (
    fields.applicationCredentialId ||
    fields.applicationCredentialName ||
    fields.applicationCredentialSecret
  ) {
    return 'v3applicationcredential'
  }
  if (fields.password) return 'v3password'
  if (token && storageUrl && !authUrl) return 'preauth'
  if (token && authUrl) return 'v3token'
  if (!authUrl && (fields.v1AuthUrl || fields.v1User || fields.v1Key)) return 'v1'
  if (!authUrl) {
    const alternative = token
      ? `, or set ${naming.label('storageUrl')} to use ${naming.label('token')} as it is`
      : ''
    throw fieldError(
      naming,
      'authUrl',
      `is missing: set it to your Keystone URL, e.g. ${KEYSTONE_URL_EXAMPLE}${alternative}`,
    )
  }
  // A user without a password most likely means the password was left out (Horizon's openrc prompts for
  // it), so let the password check say exactly that.
  if (fields.username || fields.userId) return 'v3password'
  throw fieldError(
    naming,
    'password',
    `is missing: set it together with ${naming.label('username')}, or use an application credential ` +
      `(${naming.label('applicationCredentialId')} and ${naming.label('applicationCredentialSecret')}) instead`,
  )
}
