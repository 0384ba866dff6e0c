import { z } from 'zod'
import { isSecretFieldKey } from '../jobs/secret-fields'

/** Where a profile points for a secret it does not hold; the vault is keyed by the string. */
export interface SecretRef {
  secretRef: string
}

/** The vault key of one secret field of one profile, e.g. `profile:<id>:applicationCredentialSecret`. */
export function profileSecretRef(profileId: string, field: string): string {
  return `profile:${profileId}:${field}`
}

const SECRET_VALUE_MESSAGE =
  'is a secret: profiles never store secret values. Save it to the secret vault and keep only its reference'

function isSecretRef(value: unknown): value is SecretRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === 'secretRef' && typeof (value as SecretRef).secretRef === 'string'
}

/** A field that holds a {@link SecretRef}; a string in its place is a secret value and is refused. */
export const secretRefSchema = z.custom<SecretRef>(isSecretRef, {
  error: (issue) => {
    if (issue.input === undefined) return 'is required'
    return typeof issue.input === 'string'
      ? SECRET_VALUE_MESSAGE
      : 'must be a secret reference ({ secretRef })'
  },
})

/** Paths of strings stored under a key that names a secret (`password`, `secretAccessKey`, `token` …). */
function secretValuePaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretValuePaths(item, [...path, index]))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' && isSecretFieldKey(key)
      ? [[...path, key]]
      : secretValuePaths(child, [...path, key]),
  )
}

/**
 * Wraps a document schema so that a secret value anywhere in the input is refused before anything
 * else is checked, also under keys the schema does not know (`secretAccessKey`, `sessionToken`). The
 * typed secret slots refuse strings too; this catches the rest.
 */
export function withoutSecretValues<T extends z.ZodType>(schema: T): z.ZodPipe<z.ZodUnknown, T> {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      for (const path of secretValuePaths(value))
        ctx.addIssue({ code: 'custom', message: SECRET_VALUE_MESSAGE, path })
    })
    .pipe(schema)
}
