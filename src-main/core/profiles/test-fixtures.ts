import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProfileStore } from './profile-store'

/** Valid inputs for every kind of record, as a form would submit them (no secrets, no ids). */
export const KEYSTONE = 'https://keystone.example.com:5000/v3'

export const SWIFT_AUTHS = {
  appCredentialById: { type: 'v3applicationcredential', authUrl: KEYSTONE, applicationCredentialId: 'ac1' },
  appCredentialByName: {
    type: 'v3applicationcredential',
    authUrl: KEYSTONE,
    applicationCredentialName: 'migration',
    username: 'alice',
    userDomainName: 'Default',
  },
  password: {
    type: 'v3password',
    authUrl: KEYSTONE,
    username: 'alice',
    userDomainName: 'Default',
    projectName: 'media',
    projectDomainName: 'Default',
    region: 'RegionOne',
    interface: 'internal',
  },
  token: { type: 'v3token', authUrl: KEYSTONE, projectId: 'p123' },
  v1: { type: 'v1', authUrl: 'https://swift.example.com/auth/v1.0', user: 'test:tester' },
  preauth: { type: 'preauth', storageUrl: 'https://swift.example.com/v1/AUTH_test' },
} as const

export const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

export function swiftInput(
  name = 'Prod Swift',
  auth: object = SWIFT_AUTHS.appCredentialById,
): Record<string, unknown> {
  return { name, auth, caBundle: PEM, proxyUrl: 'http://proxy.example.com:3128' }
}

export function s3Input(
  name = 'AWS archive',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    provider: 'aws',
    region: 'eu-west-1',
    credentials: { type: 'keys', accessKeyId: 'AKIAEXAMPLE' },
    storageClass: 'STANDARD_IA',
    ...overrides,
  }
}

export function jobInput(
  sourceProfileId: string,
  targetProfileId: string,
  name = 'Nightly media',
): Record<string, unknown> {
  return {
    name,
    source: { profileId: sourceProfileId, containers: ['media', 'docs'], include: ['**/*.jpg'] },
    target: { profileId: targetProfileId, bucket: 'acme-archive', destPrefix: 'swift/' },
    options: { maxWorkers: 8, mirror: { enabled: true } },
  }
}

/** A store in a fresh temporary directory with a fixed clock and predictable ids. */
export function tempStore(): { store: ProfileStore; dir: string; tick: () => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'profile-store-'))
  let time = Date.parse('2030-01-02T03:04:05.000Z')
  let ids = 0
  const store = new ProfileStore({
    cwd: dir,
    now: () => new Date(time),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  })
  return {
    store,
    dir,
    tick: () => {
      time += 60_000
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}
