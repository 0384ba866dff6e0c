import type {
  S3CredentialSettings,
  S3ProfileDraft,
  SecretField,
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

const ENDPOINT_URL = 'https://s3.example.com'
const PROXY_URL = 'http://proxy.example.com:3128'

/** Every input of the S3 form, flat; keys match main's field names where main has one. */
export interface S3FormValues {
  name: string
  provider: S3ProfileDraft['provider']
  region: string
  endpoint: string
  forcePathStyle: boolean
  checksumMode: NonNullable<S3ProfileDraft['checksumMode']>
  credentialsType: S3CredentialSettings['type']
  accessKeyId: string
  /** The AWS profile name (`credentials.profile`). */
  awsProfile: string
  storageClass: string
  serverSideEncryption: '' | NonNullable<S3ProfileDraft['serverSideEncryption']>
  sseKmsKeyId: string
  caBundle: string
  insecure: boolean
  proxyUrl: string
  secrets: Pick<Record<SecretField, SecretEdit>, 'secretAccessKey'>
}

/** The form's values for a saved profile, a draft from an AWS profile, or a new profile. */
export function s3Values(draft: S3ProfileDraft | undefined, secretOrigin: SecretOrigin): S3FormValues {
  const credentials = draft?.credentials ?? { type: 'keys', accessKeyId: '' }
  return {
    name: draft?.name ?? '',
    provider: draft?.provider ?? 'aws',
    region: draft?.region ?? '',
    endpoint: draft?.endpoint ?? '',
    forcePathStyle: draft?.forcePathStyle ?? false,
    checksumMode: draft?.checksumMode ?? 'auto',
    credentialsType: credentials.type,
    accessKeyId: credentials.type === 'keys' ? credentials.accessKeyId : '',
    awsProfile: credentials.type === 'aws-profile' ? credentials.profile : '',
    storageClass: draft?.storageClass ?? '',
    serverSideEncryption: draft?.serverSideEncryption ?? '',
    sseKmsKeyId: draft?.sseKmsKeyId ?? '',
    caBundle: draft?.caBundle ?? '',
    insecure: draft?.insecure ?? false,
    proxyUrl: draft?.proxyUrl ?? '',
    secrets: { secretAccessKey: secretEdit(secretOrigin) },
  }
}

function credentialsOf(v: S3FormValues): S3CredentialSettings {
  switch (v.credentialsType) {
    case 'keys':
      return { type: 'keys', accessKeyId: v.accessKeyId.trim() }
    case 'aws-profile':
      return { type: 'aws-profile', profile: v.awsProfile.trim() }
    case 'default-chain':
      return { type: 'default-chain' }
  }
}

/** The draft `profiles.save` takes, the secret key left out. */
export function s3Draft(v: S3FormValues, id?: string): S3ProfileDraft {
  const sse = v.serverSideEncryption === '' ? undefined : v.serverSideEncryption
  return defined({
    id,
    name: v.name.trim(),
    provider: v.provider,
    region: optional(v.region),
    endpoint: optional(v.endpoint),
    forcePathStyle: v.forcePathStyle ? true : undefined,
    checksumMode: v.checksumMode === 'auto' ? undefined : v.checksumMode,
    credentials: credentialsOf(v),
    storageClass: optional(v.storageClass),
    serverSideEncryption: sse,
    sseKmsKeyId: sse === 'aws:kms' ? optional(v.sseKmsKeyId) : undefined,
    caBundle: v.caBundle.trim() === '' ? undefined : v.caBundle,
    insecure: v.insecure ? true : undefined,
    proxyUrl: optional(v.proxyUrl),
  })
}

/** Keys of the inputs the form shows for these values (the advanced section counts as shown). */
export function s3VisibleKeys(v: S3FormValues): string[] {
  const keys = [
    'name',
    'provider',
    'region',
    'endpoint',
    'forcePathStyle',
    'credentialsType',
    ...S3_ADVANCED_KEYS,
  ]
  if (v.credentialsType === 'keys') keys.push('accessKeyId', secretKey('secretAccessKey'))
  if (v.credentialsType === 'aws-profile') keys.push('awsProfile')
  if (v.serverSideEncryption === 'aws:kms') keys.push('sseKmsKeyId')
  return keys
}

/** Keys of the advanced section, opened when one of them has an error. */
export const S3_ADVANCED_KEYS = [
  'checksumMode',
  'storageClass',
  'serverSideEncryption',
  'sseKmsKeyId',
  'caBundle',
  'insecure',
  'proxyUrl',
]

/** The form key for a field main named (`record.credentials.accessKeyId` → `accessKeyId`), or null. */
export function s3KeyOf(field: string): string | null {
  const secret = secretKeyOf(field, ['secretAccessKey'])
  if (secret !== null) return secret
  const path = field.replace(/^record\./, '')
  if (path === 'credentials' || path === 'credentials.type') return 'credentialsType'
  if (path === 'credentials.profile') return 'awsProfile'
  const key = path.replace(/^credentials\./, '')
  const keys = [
    'name',
    'provider',
    'region',
    'endpoint',
    'forcePathStyle',
    'checksumMode',
    'accessKeyId',
    'storageClass',
    'serverSideEncryption',
    'sseKmsKeyId',
    'caBundle',
    'insecure',
    'proxyUrl',
  ]
  return keys.includes(key) ? key : null
}

/** Inline checks: the problems main would find in these values, each on its input. */
export function validateS3(v: S3FormValues): Record<string, string> {
  const { errors, check } = problems()
  check('name', nameProblem(v.name))
  if (v.provider === 's3-compatible' && !v.endpoint.trim()) {
    check('endpoint', `Enter the endpoint of the S3-compatible server, e.g. ${ENDPOINT_URL}`)
  }
  if (v.endpoint.trim()) check('endpoint', urlProblem(v.endpoint, ENDPOINT_URL))
  if (v.region.trim() && /\s/.test(v.region.trim()))
    check('region', 'Must not contain spaces, e.g. eu-west-1')
  if (v.credentialsType === 'keys') {
    if (!v.accessKeyId.trim()) check('accessKeyId', 'Enter the access key ID')
    else if (/\s/.test(v.accessKeyId.trim())) check('accessKeyId', 'Must not contain spaces')
  }
  if (v.credentialsType === 'aws-profile' && !v.awsProfile.trim()) {
    check('awsProfile', 'Enter the name of a profile in ~/.aws/config, e.g. default')
  }
  if (v.storageClass.trim() && !/^[A-Z0-9_]{1,64}$/.test(v.storageClass.trim())) {
    check('storageClass', 'Must be a storage class name such as STANDARD_IA')
  }
  if (v.proxyUrl.trim()) check('proxyUrl', urlProblem(v.proxyUrl, PROXY_URL))
  if (v.caBundle.trim()) check('caBundle', pemProblem(v.caBundle))
  return errors
}
