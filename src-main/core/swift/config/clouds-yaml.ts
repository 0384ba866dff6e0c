import { AppError } from '../../errors'
import type { ImportedSwiftConfig, TlsSettings } from '../types'
import { buildAuth } from './build-auth'
import { type FieldSources, cleanValue, readFields } from './fields'
import { isMapping, parseYamlStrings } from './yaml-text'

/** Where openstacksdk reads each setting inside `clouds.<name>`, best first. */
const CLOUD_SOURCES: FieldSources = {
  authType: ['auth_type'],
  authUrl: ['auth.auth_url'],
  applicationCredentialId: ['auth.application_credential_id'],
  applicationCredentialName: ['auth.application_credential_name'],
  applicationCredentialSecret: ['auth.application_credential_secret'],
  username: ['auth.username'],
  userId: ['auth.user_id'],
  userDomainName: ['auth.user_domain_name'],
  userDomainId: ['auth.user_domain_id'],
  password: ['auth.password'],
  projectName: ['auth.project_name', 'auth.tenant_name'],
  projectId: ['auth.project_id', 'auth.tenant_id'],
  projectDomainName: ['auth.project_domain_name'],
  projectDomainId: ['auth.project_domain_id'],
  token: ['auth.token'],
  storageUrl: ['object_store_endpoint_override'],
  region: ['region_name'],
  // object_store_interface is openstacksdk's per-service override; endpoint_type is the old name.
  interface: ['object_store_interface', 'interface', 'endpoint_type'],
  // clouds.yaml has no v1 settings of its own: `auth_type: v1` uses auth_url, username and password.
  v1AuthUrl: { sameAs: 'authUrl' },
  v1User: { sameAs: 'username' },
  v1Key: { sameAs: 'password' },
}

const VERIFY_ON = new Set(['true', 'yes', 'on', '1'])
const VERIFY_OFF = new Set(['false', 'no', 'off', '0'])

/** The cloud names a clouds.yaml file defines, in file order. */
export function listClouds(text: string, fileName = 'clouds.yaml'): string[] {
  return Object.keys(readClouds(text, fileName))
}

/** Reads the Swift connection settings of one cloud in a clouds.yaml file. */
export function importFromCloudsYaml(
  text: string,
  cloud: string,
  fileName = 'clouds.yaml',
): ImportedSwiftConfig {
  const clouds = readClouds(text, fileName)
  const settings = Object.hasOwn(clouds, cloud) ? clouds[cloud] : undefined
  if (settings === undefined) {
    const names = Object.keys(clouds)
    const known = names.length
      ? `it defines ${names.map((name) => `'${name}'`).join(', ')}`
      : 'it defines none'
    throw new AppError('VALIDATION', `${fileName} has no cloud named '${cloud}': ${known}`, `clouds.${cloud}`)
  }
  const prefix = `${fileName} cloud '${cloud}': `
  if (!isMapping(settings)) {
    throw new AppError(
      'VALIDATION',
      `${prefix}it has no settings: give it an auth: section with auth_url and credentials`,
      `clouds.${cloud}`,
    )
  }
  const lookup = (path: string) => lookupSetting(settings, path, prefix, cloud)
  const { fields, sourceOf } = readFields(CLOUD_SOURCES, lookup)
  const auth = buildAuth(fields, {
    label: sourceOf,
    path: (key) => `clouds.${cloud}.${sourceOf(key)}`,
    prefix,
  })
  return { auth, tls: tlsOf(lookup), source: `${fileName}: ${cloud}` }
}

function readClouds(text: string, fileName: string): Record<string, unknown> {
  const root = parseYamlStrings(text, fileName)
  const clouds = isMapping(root) ? root.clouds : undefined
  if (!isMapping(clouds)) {
    throw new AppError(
      'VALIDATION',
      `${fileName} has no "clouds:" section: an OpenStack clouds.yaml lists each cloud by name under a top-level "clouds:" key`,
      'clouds',
    )
  }
  return clouds
}

/** The string at a dotted path inside one cloud, or undefined when it is not set. */
function lookupSetting(
  cloud: Record<string, unknown>,
  path: string,
  prefix: string,
  name: string,
): string | undefined {
  const parts = path.split('.')
  let node: unknown = cloud
  for (const [index, part] of parts.entries()) {
    if (node === undefined || node === null) return undefined
    if (!isMapping(node)) {
      const parent = parts.slice(0, index).join('.')
      throw new AppError(
        'VALIDATION',
        `${prefix}${parent} must be a section of settings`,
        `clouds.${name}.${parent}`,
      )
    }
    node = Object.hasOwn(node, part) ? node[part] : undefined
  }
  if (node === undefined || node === null || typeof node === 'string') return node ?? undefined
  throw new AppError(
    'VALIDATION',
    `${prefix}${path} must be a single value, not a list or a section`,
    `clouds.${name}.${path}`,
  )
}

/** `verify: false` turns checks off; a string verify is a CA bundle path (requests' convention); cacert wins. */
function tlsOf(lookup: (path: string) => string | undefined): TlsSettings {
  const tls: TlsSettings = {}
  const verify = cleanValue(lookup('verify'))
  const word = verify?.toLowerCase()
  const verifyPath = word !== undefined && !VERIFY_ON.has(word) && !VERIFY_OFF.has(word) ? verify : undefined
  const caFile = cleanValue(lookup('cacert')) ?? verifyPath
  if (caFile !== undefined) tls.caFile = caFile
  if (word !== undefined && VERIFY_OFF.has(word)) tls.insecure = true
  return tls
}
