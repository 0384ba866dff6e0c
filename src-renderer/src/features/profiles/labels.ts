import type { ConnectionStep } from '../../../../src-preload/contract/connections'
import type { S3Profile, SwiftAuthSettings, SwiftProfile } from '../../../../src-preload/contract/profiles'

/** A Swift auth kind. */
export type SwiftAuthType = SwiftAuthSettings['type']

/** What each Swift auth kind is called in the UI, in the order the form offers them. */
export const SWIFT_AUTH_LABELS: Record<SwiftAuthType, string> = {
  v3applicationcredential: 'Application credential',
  v3password: 'Password',
  v3token: 'Keystone token',
  v1: 'v1 / tempauth',
  preauth: 'Pre-authenticated token',
}

/** One line about each auth kind, shown under the kind switch. */
export const SWIFT_AUTH_HINTS: Record<SwiftAuthType, string> = {
  v3applicationcredential:
    'Recommended: a credential made for this app in Horizon (Identity → Application Credentials), limited to one project and revocable.',
  v3password: 'Your OpenStack user name and password, scoped to the project that owns the containers.',
  v3token: 'An existing Keystone token; it expires, usually within a day.',
  v1: 'Swift’s own v1 authentication (tempauth, swauth, or a v1 endpoint of your provider).',
  preauth: 'A storage URL and an auth token you already have; nothing is authenticated by the app.',
}

/** The steps of a connection test, short enough for "Failed at …" in the list. */
export const STEP_LABELS: Record<ConnectionStep, string> = {
  secrets: 'Secrets',
  authenticate: 'Authentication',
  catalog: 'Catalog endpoint',
  containers: 'Container list',
  'list-buckets': 'Bucket list',
  bucket: 'Bucket access',
  region: 'Bucket region',
}

/** "Application credential" for Swift, "S3-compatible · access keys" for S3. */
export function kindLabel(record: SwiftProfile | S3Profile): string {
  if ('auth' in record) return SWIFT_AUTH_LABELS[record.auth.type]
  const provider = record.provider === 'aws' ? 'AWS' : 'S3-compatible'
  const credentials = record.credentials
  switch (credentials.type) {
    case 'keys':
      return `${provider} · access keys`
    case 'aws-profile':
      return `${provider} · AWS profile ${credentials.profile}`
    case 'default-chain':
      return `${provider} · default credentials`
  }
}

/** Where a profile connects to: Keystone or v1 auth URL, the storage URL, or the S3 endpoint. */
export function endpointOf(record: SwiftProfile | S3Profile): string {
  if ('auth' in record) return record.auth.type === 'preauth' ? record.auth.storageUrl : record.auth.authUrl
  if (record.endpoint) return record.endpoint
  return record.region ? `AWS, ${record.region}` : 'AWS, default region'
}
