import type {
  SecretField,
  SecretSlot,
  SwiftAuthSettings,
  SwiftProfileDraft,
} from '../../../../src-preload/contract/profiles'
import {
  defined,
  nameProblem,
  optional,
  pemProblem,
  problems,
  secretEdit,
  secretKey,
  secretKeyOf,
  urlProblem,
  type SecretEdit,
  type SecretOrigin,
} from './form-support'
import type { SwiftAuthType } from './labels'

/** The one secret of each Swift auth kind and what the form calls it. */
export const SWIFT_SECRET: Record<SwiftAuthType, { field: SecretField; label: string }> = {
  v3applicationcredential: { field: 'applicationCredentialSecret', label: 'Application credential secret' },
  v3password: { field: 'password', label: 'Password' },
  v3token: { field: 'token', label: 'Keystone token' },
  v1: { field: 'key', label: 'Key' },
  preauth: { field: 'token', label: 'Auth token' },
}

const SECRET_FIELDS: readonly SecretField[] = ['applicationCredentialSecret', 'password', 'token', 'key']

const KEYSTONE_URL = 'https://keystone.example.com:5000/v3'
const STORAGE_URL = 'https://swift.example.com/v1/AUTH_project'
const V1_AUTH_URL = 'https://swift.example.com/auth/v1.0'
const PROXY_URL = 'http://proxy.example.com:3128'

/** Every input of the Swift form, flat; keys match main's field names where main has one. */
export interface SwiftFormValues {
  name: string
  authType: SwiftAuthType
  /** Application credentials: found by id, or by name with the user who owns them. */
  credentialBy: 'id' | 'name'
  authUrl: string
  applicationCredentialId: string
  applicationCredentialName: string
  userId: string
  username: string
  userDomainId: string
  userDomainName: string
  projectId: string
  projectName: string
  projectDomainId: string
  projectDomainName: string
  region: string
  interface: '' | 'public' | 'internal' | 'admin'
  storageUrl: string
  /** v1 only: account:user. */
  user: string
  caBundle: string
  insecure: boolean
  proxyUrl: string
  secrets: Record<SecretField, SecretEdit>
}

type AuthText = Partial<Record<string, string>>

function text(auth: AuthText, key: string, fallback = ''): string {
  return auth[key] ?? fallback
}

/**
 * The form's values for a saved profile, an imported draft or (with neither) a new profile. `origin`
 * says where each secret stands (main's status, or found by an import).
 */
export function swiftValues(
  draft: SwiftProfileDraft | undefined,
  origin: (field: SecretField) => SecretOrigin,
): SwiftFormValues {
  const auth: SwiftAuthSettings = draft?.auth ?? { type: 'v3applicationcredential', authUrl: '' }
  const fields = auth as unknown as AuthText
  const isNew = draft === undefined
  const secrets = Object.fromEntries(
    SECRET_FIELDS.map((field) => [field, secretEdit(origin(field))]),
  ) as Record<SecretField, SecretEdit>
  return {
    name: draft?.name ?? '',
    authType: auth.type,
    credentialBy:
      auth.type === 'v3applicationcredential' &&
      !auth.applicationCredentialId &&
      auth.applicationCredentialName
        ? 'name'
        : 'id',
    authUrl: auth.type === 'preauth' ? '' : auth.authUrl,
    applicationCredentialId: text(fields, 'applicationCredentialId'),
    applicationCredentialName: text(fields, 'applicationCredentialName'),
    userId: text(fields, 'userId'),
    username: text(fields, 'username'),
    userDomainId: text(fields, 'userDomainId'),
    // Most clouds have only the Default domain; a new form says so instead of leaving it to guess.
    userDomainName: text(fields, 'userDomainName', isNew ? 'Default' : ''),
    projectId: text(fields, 'projectId'),
    projectName: text(fields, 'projectName'),
    projectDomainId: text(fields, 'projectDomainId'),
    projectDomainName: text(fields, 'projectDomainName', isNew ? 'Default' : ''),
    region: text(fields, 'region'),
    interface: (fields['interface'] as SwiftFormValues['interface'] | undefined) ?? '',
    storageUrl: text(fields, 'storageUrl'),
    user: text(fields, 'user'),
    caBundle: draft?.caBundle ?? '',
    insecure: draft?.insecure ?? false,
    proxyUrl: draft?.proxyUrl ?? '',
    secrets,
  }
}

/** Where a saved profile's secrets stand, by field; a field its auth kind lacks is unset. */
export function originFromSlots(slots: readonly SecretSlot[]): (field: SecretField) => SecretOrigin {
  return (field) => slots.find((slot) => slot.field === field)?.status ?? 'unset'
}

function userFields(v: SwiftFormValues) {
  return {
    userId: optional(v.userId),
    username: optional(v.username),
    userDomainId: optional(v.userDomainId),
    userDomainName: optional(v.userDomainName),
  }
}

function projectFields(v: SwiftFormValues) {
  return {
    projectId: optional(v.projectId),
    projectName: optional(v.projectName),
    projectDomainId: optional(v.projectDomainId),
    projectDomainName: optional(v.projectDomainName),
  }
}

function catalogFields(v: SwiftFormValues) {
  return {
    region: optional(v.region),
    interface: v.interface === '' ? undefined : v.interface,
    storageUrl: optional(v.storageUrl),
  }
}

function authOf(v: SwiftFormValues): SwiftAuthSettings {
  const authUrl = v.authUrl.trim()
  switch (v.authType) {
    case 'v3applicationcredential':
      return defined({
        type: v.authType,
        authUrl,
        ...(v.credentialBy === 'id'
          ? { applicationCredentialId: optional(v.applicationCredentialId) }
          : { applicationCredentialName: optional(v.applicationCredentialName), ...userFields(v) }),
        ...catalogFields(v),
      })
    case 'v3password':
      return defined({
        type: v.authType,
        authUrl,
        ...userFields(v),
        ...projectFields(v),
        ...catalogFields(v),
      })
    case 'v3token':
      return defined({ type: v.authType, authUrl, ...projectFields(v), ...catalogFields(v) })
    case 'v1':
      return defined({ type: v.authType, authUrl, user: v.user.trim(), storageUrl: optional(v.storageUrl) })
    case 'preauth':
      return { type: v.authType, storageUrl: v.storageUrl.trim() }
  }
}

/** The draft `profiles.save` takes: only what the chosen auth kind uses, secrets left out. */
export function swiftDraft(v: SwiftFormValues, id?: string): SwiftProfileDraft {
  return defined({
    id,
    name: v.name.trim(),
    auth: authOf(v),
    caBundle: v.caBundle.trim() === '' ? undefined : v.caBundle,
    insecure: v.insecure ? true : undefined,
    proxyUrl: optional(v.proxyUrl),
  })
}

/** The keys of the inputs the form shows for these values (the advanced section counts as shown). */
export function swiftVisibleKeys(v: SwiftFormValues): string[] {
  const secret = secretKey(SWIFT_SECRET[v.authType].field)
  const common = ['name', 'authType', 'caBundle', 'insecure', 'proxyUrl', secret]
  const user = ['userId', 'username', 'userDomainId', 'userDomainName']
  const project = ['projectId', 'projectName', 'projectDomainId', 'projectDomainName']
  const catalog = ['region', 'interface', 'storageUrl']
  switch (v.authType) {
    case 'v3applicationcredential':
      return [
        ...common,
        'authUrl',
        ...(v.credentialBy === 'id' ? ['applicationCredentialId'] : ['applicationCredentialName', ...user]),
        ...catalog,
      ]
    case 'v3password':
      return [...common, 'authUrl', ...user, ...project, ...catalog]
    case 'v3token':
      return [...common, 'authUrl', ...project, ...catalog]
    case 'v1':
      return [...common, 'authUrl', 'user', 'storageUrl']
    case 'preauth':
      return [...common, 'storageUrl']
  }
}

/** Keys of the advanced section, opened when one of them has an error. */
export function swiftAdvancedKeys(v: SwiftFormValues): string[] {
  return v.authType === 'preauth'
    ? ['caBundle', 'insecure', 'proxyUrl']
    : ['caBundle', 'insecure', 'proxyUrl', 'storageUrl']
}

/** The form key for a field main named (`record.auth.authUrl` → `authUrl`), or null. */
export function swiftKeyOf(field: string, v: SwiftFormValues): string | null {
  const secret = secretKeyOf(field, SECRET_FIELDS)
  if (secret !== null) return secret
  const path = field.replace(/^record\./, '')
  if (path === 'auth' || path === 'auth.type') return 'authType'
  const key = path.replace(/^auth\./, '')
  // Asked for an id while the form offers the name: the name is the input to fill in.
  if (key === 'applicationCredentialId' && v.credentialBy === 'name') return 'applicationCredentialName'
  const keys = Object.keys(v).filter((k) => k !== 'secrets' && k !== 'credentialBy')
  return keys.includes(key) ? key : null
}

function needUser(v: SwiftFormValues, check: (key: string, problem: string | null) => void): void {
  if (v.userId.trim()) return
  if (!v.username.trim()) check('username', 'Enter the OpenStack user name (or the user ID)')
  if (!v.userDomainName.trim() && !v.userDomainId.trim()) {
    check('userDomainName', 'Enter the user’s domain, usually Default (or its ID)')
  }
}

function needProject(v: SwiftFormValues, check: (key: string, problem: string | null) => void): void {
  if (v.projectId.trim()) return
  if (!v.projectName.trim()) check('projectName', 'Enter the project that owns the containers (or its ID)')
  if (!v.projectDomainName.trim() && !v.projectDomainId.trim()) {
    check('projectDomainName', 'Enter the project’s domain, usually Default (or its ID)')
  }
}

function required(value: string, problem: string): string | null {
  return value.trim() === '' ? problem : null
}

/** Inline checks: every problem main would find in these values, each on its input. */
export function validateSwift(v: SwiftFormValues): Record<string, string> {
  const { errors, check } = problems()
  check('name', nameProblem(v.name))
  const type = v.authType
  if (type !== 'preauth') {
    const example = type === 'v1' ? V1_AUTH_URL : KEYSTONE_URL
    check(
      'authUrl',
      required(v.authUrl, `Enter the auth URL, e.g. ${example}`) ?? urlProblem(v.authUrl, example),
    )
  }
  if (type === 'v3applicationcredential') {
    if (v.credentialBy === 'id') {
      check(
        'applicationCredentialId',
        required(v.applicationCredentialId, 'Enter the application credential ID'),
      )
    } else {
      check('applicationCredentialName', required(v.applicationCredentialName, 'Enter the credential’s name'))
      needUser(v, check)
    }
  }
  if (type === 'v3password') {
    needUser(v, check)
    needProject(v, check)
  }
  if (type === 'v3token') needProject(v, check)
  if (type === 'v1') check('user', required(v.user, 'Enter the user, e.g. account:user'))
  if (type === 'preauth') {
    check('storageUrl', required(v.storageUrl, `Enter the storage URL, e.g. ${STORAGE_URL}`))
  }
  if (v.storageUrl.trim()) check('storageUrl', urlProblem(v.storageUrl, STORAGE_URL))
  if (v.proxyUrl.trim()) check('proxyUrl', urlProblem(v.proxyUrl, PROXY_URL))
  if (v.caBundle.trim()) check('caBundle', pemProblem(v.caBundle))
  return errors
}
