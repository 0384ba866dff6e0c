import { AppError } from '../errors'
import { CURRENT_SCHEMA_VERSION } from './document'

type Json = Record<string, unknown>

/**
 * Steps from each older document version to the next, keyed by the version they start from. A step
 * works on plain JSON (the old shape has no types any more) and must not drop anything it does not
 * understand: the result is validated afterwards, and refusing is better than losing a profile.
 */
export const MIGRATIONS: Readonly<Record<number, (document: Json) => Json>> = {
  1: v1ToV2,
  2: v2ToV3,
}

/**
 * v1 kept a Swift profile's auth fields flat on the profile and named the kind in `authType` with
 * OpenStack client words (`applicationcredential`, `password`, `token`, `tempauth`, `preauth`). v2
 * nests them under `auth` with the SwiftAuth `type` the engine uses, so a stored auth is a SwiftAuth
 * with references in place of secrets.
 */
const V1_AUTH_TYPES: Readonly<Record<string, string>> = {
  applicationcredential: 'v3applicationcredential',
  password: 'v3password',
  token: 'v3token',
  tempauth: 'v1',
  preauth: 'preauth',
}

const V1_PROFILE_FIELDS = new Set([
  'id',
  'name',
  'caBundle',
  'insecure',
  'proxyUrl',
  'createdAt',
  'updatedAt',
])

function v1ToV2(document: Json): Json {
  const profiles = Array.isArray(document['swiftProfiles']) ? document['swiftProfiles'] : []
  const swiftProfiles = profiles.map((profile: unknown, index) => {
    if (!isObject(profile)) return profile
    const { authType, ...rest } = profile
    const type = typeof authType === 'string' ? V1_AUTH_TYPES[authType] : undefined
    if (type === undefined) {
      throw new AppError(
        'INTERNAL',
        `Swift profile ${String(rest['name'] ?? index)} has an unknown authType ${JSON.stringify(authType)}; ` +
          'it cannot be upgraded.',
        `swiftProfiles.${index}.authType`,
      )
    }
    const kept: Json = {}
    const auth: Json = { type }
    for (const [key, value] of Object.entries(rest)) (V1_PROFILE_FIELDS.has(key) ? kept : auth)[key] = value
    return { ...kept, auth }
  })
  return { ...document, schemaVersion: 2, swiftProfiles }
}

/**
 * v3 lets a profile keep its last connection test (`lastTest`). Nothing to convert: the version is
 * raised so that an older app, whose strict schema would call such a file invalid, says instead that
 * it was written by a newer version and leaves it alone.
 */
function v2ToV3(document: Json): Json {
  return { ...document, schemaVersion: 3 }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The version a stored document says it has; documents from before versioning are version 1. */
export function documentVersion(document: Json): number {
  const version = document['schemaVersion']
  if (version === undefined) return 1
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(
      'INTERNAL',
      `The profile file has an invalid schemaVersion ${JSON.stringify(version)}.`,
    )
  }
  return version
}

/**
 * Brings a stored document up to {@link CURRENT_SCHEMA_VERSION}. Throws UNAVAILABLE for a document
 * written by a newer version of the app, which this one must not rewrite in its older shape.
 */
export function migrateDocument(document: Json): Json {
  let version = documentVersion(document)
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new AppError(
      'UNAVAILABLE',
      `The saved profiles were written by a newer version of swift2s3 (format ${version}, this version ` +
        `reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to use them.`,
    )
  }
  let current = document
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS[version]
    if (step === undefined) throw new AppError('INTERNAL', `No migration from profile format ${version}.`)
    current = step(current)
    const next = documentVersion(current)
    // A step that forgot to raise the version would otherwise loop forever.
    if (next <= version)
      throw new AppError('INTERNAL', `Profile migration from format ${version} did not advance.`)
    version = next
  }
  return current
}
