import { AppError } from '../../errors'
import type { ImportedSwiftConfig, TlsSettings } from '../types'
import { buildAuth } from './build-auth'
import { type FieldSources, cleanValue, readFields } from './fields'

/** The variables the openstack and swift CLIs read, best first; legacy names come after current ones. */
const ENV_SOURCES: FieldSources = {
  authType: ['OS_AUTH_TYPE'],
  authUrl: ['OS_AUTH_URL'],
  applicationCredentialId: ['OS_APPLICATION_CREDENTIAL_ID'],
  applicationCredentialName: ['OS_APPLICATION_CREDENTIAL_NAME'],
  applicationCredentialSecret: ['OS_APPLICATION_CREDENTIAL_SECRET'],
  username: ['OS_USERNAME'],
  userId: ['OS_USER_ID'],
  userDomainName: ['OS_USER_DOMAIN_NAME'],
  userDomainId: ['OS_USER_DOMAIN_ID'],
  password: ['OS_PASSWORD'],
  projectName: ['OS_PROJECT_NAME', 'OS_TENANT_NAME'],
  projectId: ['OS_PROJECT_ID', 'OS_TENANT_ID'],
  projectDomainName: ['OS_PROJECT_DOMAIN_NAME'],
  projectDomainId: ['OS_PROJECT_DOMAIN_ID'],
  token: ['OS_AUTH_TOKEN'],
  storageUrl: ['OS_STORAGE_URL'],
  region: ['OS_REGION_NAME'],
  interface: ['OS_INTERFACE', 'OS_ENDPOINT_TYPE'],
  v1AuthUrl: ['ST_AUTH'],
  v1User: ['ST_USER'],
  v1Key: ['ST_KEY'],
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on'])
const FALSE_WORDS = new Set(['false', '0', 'no', 'off'])

/** Reads Swift connection settings from OS_* / ST_* variables, e.g. `process.env`. */
export function importFromEnv(
  env: Record<string, string | undefined>,
  source = 'environment',
): ImportedSwiftConfig {
  return importFromVariables(env, source, '')
}

/** As importFromEnv, with `prefix` in front of every error message (to name the file the variables came from). */
export function importFromVariables(
  env: Record<string, string | undefined>,
  source: string,
  prefix: string,
): ImportedSwiftConfig {
  const lookup = (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined)
  const { fields, sourceOf } = readFields(ENV_SOURCES, lookup)
  const auth = buildAuth(fields, { label: sourceOf, path: sourceOf, prefix })
  return { auth, tls: tlsFromEnv(lookup, prefix), source }
}

function tlsFromEnv(lookup: (name: string) => string | undefined, prefix: string): TlsSettings {
  const tls: TlsSettings = {}
  const caFile = cleanValue(lookup('OS_CACERT'))
  if (caFile !== undefined) tls.caFile = caFile
  const insecure = cleanValue(lookup('OS_INSECURE'))?.toLowerCase()
  if (insecure !== undefined && !FALSE_WORDS.has(insecure)) {
    if (!TRUE_WORDS.has(insecure)) {
      throw new AppError(
        'VALIDATION',
        `${prefix}OS_INSECURE is not understood: set it to true to skip certificate checks, or false`,
        'OS_INSECURE',
      )
    }
    tls.insecure = true
  }
  return tls
}
