import { z } from 'zod'
import {
  CHECK_STATUSES,
  CONNECTION_STEPS,
  type ConnectionCheck,
  type LastConnectionTest,
} from '../../../src-preload/contract/connections'
import { ERROR_CODES } from '../../../src-preload/contract/result'
import { timestampSchema } from './fields'
import type { S3Profile } from './s3-profile'
import type { SwiftProfile } from './swift-profile'

/** Bounds on what one stored test may hold, so a chatty server cannot bloat the profile file. */
const MAX_CHECKS = CONNECTION_STEPS.length
const MAX_DETAIL = 1_000
const MAX_MESSAGE = 2_000
const MAX_FIELD = 200

const checkSchema = z.strictObject({
  step: z.enum(CONNECTION_STEPS),
  status: z.enum(CHECK_STATUSES),
  detail: z.string().max(MAX_DETAIL).optional(),
  error: z
    .strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().max(MAX_MESSAGE),
      field: z.string().max(MAX_FIELD).optional(),
    })
    .optional(),
})

/**
 * A profile's last connection test as stored with it: when, whether it worked, and each step with its
 * words. Only what the test reported to the user, which never holds a secret (see connection-test/).
 */
export const lastTestSchema = z.strictObject({
  at: timestampSchema,
  ok: z.boolean({ error: 'must be true or false' }),
  checks: z.array(checkSchema).max(MAX_CHECKS),
})

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** The test as it will be stored, texts cut to the stored bounds (a long server message keeps its start). */
export function toLastTest(at: string, ok: boolean, checks: readonly ConnectionCheck[]): LastConnectionTest {
  return {
    at,
    ok,
    checks: checks.slice(0, MAX_CHECKS).map((check) => ({
      step: check.step,
      status: check.status,
      ...(check.detail !== undefined && { detail: clip(check.detail, MAX_DETAIL) }),
      ...(check.error !== undefined && {
        error: {
          code: check.error.code,
          message: clip(check.error.message, MAX_MESSAGE),
          ...(check.error.field !== undefined && { field: clip(check.error.field, MAX_FIELD) }),
        },
      }),
    })),
  }
}

/** JSON with keys sorted at every level, so two equal settings compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * The settings a connection test depends on. Name, storage class and encryption do not change what a
 * test finds; everything that decides where the app connects and as whom does.
 */
function connectionOf(profile: SwiftProfile | S3Profile): unknown {
  const tls = { caBundle: profile.caBundle, insecure: profile.insecure, proxyUrl: profile.proxyUrl }
  if ('auth' in profile) return { auth: profile.auth, ...tls }
  const { provider, region, endpoint, forcePathStyle, credentials } = profile
  return { provider, region, endpoint, forcePathStyle, credentials, ...tls }
}

/** True when a test of `a` also describes `b`: same endpoint, auth, region, keys and TLS settings. */
export function sameConnection(a: SwiftProfile | S3Profile, b: SwiftProfile | S3Profile): boolean {
  return canonical(connectionOf(a)) === canonical(connectionOf(b))
}
