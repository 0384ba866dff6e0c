import { z } from 'zod'

/**
 * Field schemas shared by the profile and job-definition schemas. Messages are predicates ("is
 * required", "must …"): {@link parseOrThrow} puts the field's dotted path in front of them.
 */

/** Ids are crypto.randomUUID() strings; branded so a job id cannot be passed where a profile id goes. */
/** A type error's message that still says "is required" when the field is simply missing. */
export function expected(message: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : message)
}

export type ProfileId = string & { readonly __brand: 'ProfileId' }
export type JobDefinitionId = string & { readonly __brand: 'JobDefinitionId' }

export const profileIdSchema = z
  .string({ error: expected('must be a profile id') })
  .min(1, { error: 'must be a profile id' })
  .transform((id) => id as ProfileId)
export const jobDefinitionIdSchema = z
  .string({ error: expected('must be a job definition id') })
  .min(1, { error: 'must be a job definition id' })
  .transform((id) => id as JobDefinitionId)

/** What a person types into a name field. */
export const nameSchema = z
  .string({ error: expected('must be text') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(100, { error: 'must be at most 100 characters' })

/** Optional free text that must not be blank when given (ids, region codes, user names). */
export const textSchema = z
  .string({ error: expected('must be text') })
  .trim()
  .min(1, { error: 'must not be empty' })

export const timestampSchema = z.iso.datetime({ error: expected('must be an ISO 8601 time') })

/**
 * Accepted in submitted drafts and ignored: a form may send back a record exactly as it was listed,
 * and the store keeps its own createdAt and sets updatedAt itself.
 */
export const echoedTimestamps = {
  createdAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
}

/**
 * An http(s) URL without credentials: a password in a URL would be stored in plain text and turn up in
 * logs and error messages (the S3 options reject them for the same reason).
 */
export function httpUrlSchema(example: string): z.ZodType<string> {
  return z
    .string({ error: expected(`must be a URL, e.g. ${example}`) })
    .trim()
    .superRefine((value, ctx) => {
      let url: URL
      try {
        url = new URL(value)
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be a URL, e.g. ${example}` })
        return
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: `must start with http:// or https://, e.g. ${example}` })
      } else if (url.username || url.password) {
        ctx.addIssue({
          code: 'custom',
          message: 'must not contain a user name or password: they would be saved in plain text',
        })
      }
    })
}

// Generous for a bundle of corporate roots, small enough that a wrong file (a log, a binary) is caught.
const MAX_PEM_CHARS = 1_000_000

/** CA bundle as PEM text. Certificates are public, so the text is stored in the profile itself. */
export const pemSchema = z
  .string({ error: expected('must be PEM text') })
  .max(MAX_PEM_CHARS, { error: 'is too large for a CA bundle (over 1 MB)' })
  .refine((text) => text.includes('-----BEGIN CERTIFICATE-----'), {
    error: 'must be PEM text containing at least one -----BEGIN CERTIFICATE----- block',
  })
