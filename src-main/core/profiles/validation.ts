import { type z } from 'zod'
import { AppError } from '../errors'

/** Wording for zod's built-in issues, used where a schema did not say something better itself. */
const friendlyError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required'
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).join(', ')}`
  return undefined
}

function describe(issue: z.core.$ZodIssue): { field: string; message: string } {
  const path = issue.path.map(String)
  // zod reports unknown keys on their parent object; the key itself is what the person has to fix.
  if (issue.code === 'unrecognized_keys') {
    return { field: [...path, issue.keys[0] ?? ''].join('.'), message: 'is not a known field' }
  }
  return { field: path.join('.'), message: issue.message }
}

/**
 * Parses with `schema` or throws a VALIDATION AppError for the first problem, naming its field:
 * `Swift profile: auth.authUrl is required` with `field` = `auth.authUrl`.
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input, { error: friendlyError })
  if (result.success) return result.data
  const first = result.error.issues[0]
  if (first === undefined) throw new AppError('VALIDATION', `${what} is not valid`)
  const { field, message } = describe(first)
  return fail(what, field, message)
}

function fail(what: string, field: string, message: string): never {
  throw new AppError(
    'VALIDATION',
    field ? `${what}: ${field} ${message}` : `${what}: ${message}`,
    field || undefined,
  )
}
