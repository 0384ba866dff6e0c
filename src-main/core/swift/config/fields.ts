import { AppError } from '../../errors'

/**
 * The connection settings every importer understands, flattened so one builder can validate them whether
 * they came from OS_* variables or a clouds.yaml entry. Each importer maps its own names onto these keys.
 */
export const AUTH_FIELD_KEYS = [
  'authType',
  'authUrl',
  'applicationCredentialId',
  'applicationCredentialName',
  'applicationCredentialSecret',
  'username',
  'userId',
  'userDomainName',
  'userDomainId',
  'password',
  'projectName',
  'projectId',
  'projectDomainName',
  'projectDomainId',
  'token',
  'storageUrl',
  'region',
  'interface',
  // The swift CLI keeps v1 auth in its own variables (ST_AUTH, ST_USER, ST_KEY).
  'v1AuthUrl',
  'v1User',
  'v1Key',
] as const

export type AuthFieldKey = (typeof AUTH_FIELD_KEYS)[number]

/** Trimmed, non-empty values only: a key is absent when its setting is unset or blank. */
export type AuthFields = Partial<Record<AuthFieldKey, string>>

/** How errors name a field, so the person sees the name they typed (OS_AUTH_URL, auth.auth_url). */
export interface FieldNaming {
  /** The field's name inside the message. */
  label(key: AuthFieldKey): string
  /** The field's path for `AppError.field`. */
  path(key: AuthFieldKey): string
  /** Put in front of every message to say where the settings came from; empty for the environment. */
  prefix: string
}

/**
 * Where an importer reads a key: the names to look under, best first (OS_PROJECT_NAME before the legacy
 * OS_TENANT_NAME), or `sameAs` when the format has no name of its own for it and another key's stands in.
 */
export type FieldSource = readonly [string, ...string[]] | { readonly sameAs: AuthFieldKey }

export type FieldSources = Readonly<Record<AuthFieldKey, FieldSource>>

export interface ReadFields {
  fields: AuthFields
  /** The name a key's value was read from, or its preferred name when unset (to say what to set). */
  sourceOf(key: AuthFieldKey): string
}

/** Empty and whitespace-only values count as unset, as the OpenStack clients treat them. */
export function cleanValue(raw: string | undefined): string | undefined {
  const value = raw?.trim()
  return value ? value : undefined
}

export function readFields(sources: FieldSources, lookup: (name: string) => string | undefined): ReadFields {
  const fields: AuthFields = {}
  const used = new Map<AuthFieldKey, string>()
  for (const key of AUTH_FIELD_KEYS) {
    const source = sources[key]
    if (!Array.isArray(source)) continue
    for (const name of source) {
      const value = cleanValue(lookup(name))
      if (value === undefined) continue
      fields[key] = value
      used.set(key, name)
      break
    }
  }
  const sourceOf = (key: AuthFieldKey): string => {
    const source = sources[key]
    if ('sameAs' in source) return sourceOf(source.sameAs)
    return used.get(key) ?? source[0]
  }
  return { fields, sourceOf }
}

/** A VALIDATION error about one field: "<prefix><label> <problem>". */
export function fieldError(naming: FieldNaming, key: AuthFieldKey, problem: string): AppError {
  return new AppError('VALIDATION', `${naming.prefix}${naming.label(key)} ${problem}`, naming.path(key))
}
