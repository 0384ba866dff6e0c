import type { CatalogOptions, ProjectScope, SwiftAuth } from '../types'
import { resolveAuthType } from './auth-type'
import { type AuthFieldKey, type AuthFields, type FieldNaming, fieldError } from './fields'
import {
  KEYSTONE_URL_EXAMPLE,
  STORAGE_URL_EXAMPLE,
  V1_AUTH_URL_EXAMPLE,
  definedOnly,
  endpointInterface,
  httpUrl,
} from './values'

/**
 * Turns imported settings into a SwiftAuth, or throws a VALIDATION AppError naming the first field to fix.
 * Shared by the environment, openrc and clouds.yaml importers so the rules exist once. Every field that
 * was given is kept (the Keystone client prefers ids over names); the checks only demand what is needed.
 */
export function buildAuth(fields: AuthFields, naming: FieldNaming): SwiftAuth {
  const need = (key: AuthFieldKey, hint: string): string => {
    const value = fields[key]
    if (value === undefined) throw fieldError(naming, key, `is missing: ${hint}`)
    return value
  }
  const label = (key: AuthFieldKey) => naming.label(key)
  const keystoneUrl = () =>
    httpUrl(
      need('authUrl', `set it to your Keystone URL, e.g. ${KEYSTONE_URL_EXAMPLE}`),
      naming,
      'authUrl',
      KEYSTONE_URL_EXAMPLE,
    )
  const storageUrl = () =>
    fields.storageUrl === undefined
      ? {}
      : { storageUrl: httpUrl(fields.storageUrl, naming, 'storageUrl', STORAGE_URL_EXAMPLE) }
  const catalog = (): CatalogOptions => ({
    ...definedOnly({
      region: fields.region,
      interface: fields.interface === undefined ? undefined : endpointInterface(fields.interface, naming),
    }),
    ...storageUrl(),
  })
  const userDomain = () => {
    if (!fields.userDomainName && !fields.userDomainId) {
      need(
        'userDomainName',
        `set it to the domain of ${label('username')}, usually Default (or set ${label('userDomainId')})`,
      )
    }
  }
  const user = () =>
    definedOnly({
      userId: fields.userId,
      username: fields.username,
      userDomainId: fields.userDomainId,
      userDomainName: fields.userDomainName,
    })
  const project = (): ProjectScope => {
    if (!fields.projectId) {
      need('projectName', `set it to the project that owns the containers (or set ${label('projectId')})`)
      if (!fields.projectDomainName && !fields.projectDomainId) {
        need(
          'projectDomainName',
          `set it to the domain of ${label('projectName')}, usually Default (or set ${label('projectDomainId')})`,
        )
      }
    }
    return definedOnly({
      projectId: fields.projectId,
      projectName: fields.projectName,
      projectDomainId: fields.projectDomainId,
      projectDomainName: fields.projectDomainName,
    })
  }

  switch (resolveAuthType(fields, naming)) {
    case 'v3applicationcredential': {
      const authUrl = keystoneUrl()
      const secret = need(
        'applicationCredentialSecret',
        'set it to the secret shown once when the application credential was created',
      )
      // The project settings are ignored on purpose: the credential is bound to its project and Keystone
      // rejects a scope sent with it.
      if (!fields.applicationCredentialId) {
        if (!fields.applicationCredentialName) {
          need(
            'applicationCredentialId',
            `set it to the application credential's ID (or set ${label('applicationCredentialName')} ` +
              `together with ${label('username')})`,
          )
        }
        if (!fields.userId) {
          need(
            'username',
            `an application credential given by name (${label('applicationCredentialName')}) also needs ` +
              `the name of the user who owns it (or set ${label('userId')})`,
          )
          userDomain()
        }
      }
      return {
        type: 'v3applicationcredential',
        authUrl,
        ...definedOnly({
          applicationCredentialId: fields.applicationCredentialId,
          applicationCredentialName: fields.applicationCredentialName,
        }),
        applicationCredentialSecret: secret,
        ...user(),
        ...catalog(),
      }
    }
    case 'v3password': {
      const authUrl = keystoneUrl()
      if (!fields.userId) {
        need('username', `set it to your OpenStack user name (or set ${label('userId')})`)
        userDomain()
      }
      const password = need('password', 'set it to your OpenStack password')
      return { type: 'v3password', authUrl, ...user(), password, ...project(), ...catalog() }
    }
    case 'v3token': {
      const authUrl = keystoneUrl()
      const token = need('token', 'set it to a Keystone token')
      return { type: 'v3token', authUrl, token, ...project(), ...catalog() }
    }
    case 'v1': {
      // The swift CLI falls back to the OS_* names when its ST_* variables are not set.
      const urlKey = fields.v1AuthUrl === undefined && fields.authUrl !== undefined ? 'authUrl' : 'v1AuthUrl'
      const userKey = fields.v1User === undefined && fields.username !== undefined ? 'username' : 'v1User'
      const keyKey = fields.v1Key === undefined && fields.password !== undefined ? 'password' : 'v1Key'
      const authUrl = httpUrl(
        need(urlKey, `set it to your Swift auth URL, e.g. ${V1_AUTH_URL_EXAMPLE}`),
        naming,
        urlKey,
        V1_AUTH_URL_EXAMPLE,
      )
      const v1User = need(userKey, 'set it to your Swift user, e.g. account:user')
      const key = need(keyKey, 'set it to the key (password) of that Swift user')
      return { type: 'v1', authUrl, user: v1User, key, ...storageUrl() }
    }
    case 'preauth': {
      const url = need(
        'storageUrl',
        `set it to the storage URL the token is for, e.g. ${STORAGE_URL_EXAMPLE}`,
      )
      return {
        type: 'preauth',
        storageUrl: httpUrl(url, naming, 'storageUrl', STORAGE_URL_EXAMPLE),
        token: need('token', 'set it to a token that the storage URL accepts'),
      }
    }
  }
}
