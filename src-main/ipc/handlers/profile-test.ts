import type { ConnectionTestInput, ConnectionTestResult } from '../../../src-preload/contract/connections'
import {
  s3Probe,
  testS3Connection,
  testSwiftConnection,
  type ConnectionOutcome,
} from '../../core/connection-test'
import { AppError } from '../../core/errors'
import { S3_ATTEMPTS, s3OptionsFor, secretsOf, swiftClientFor } from './connect'
import { profileEntry, type AnyProfile, type RecordsContext } from './records'
import type { Handlers } from '../router'

/**
 * Keeps the outcome as the profile's last test (main is the one place it lives, so the list says the
 * same after a reload or a restart) and answers with it and the profile as it now is.
 */
async function recorded(
  ctx: RecordsContext,
  profile: AnyProfile,
  outcome: ConnectionOutcome,
): Promise<ConnectionTestResult> {
  const { profile: current, test } = ctx.store().recordTest(profile, outcome.ok, outcome.checks)
  const entry = await profileEntry(ctx.vault, current)
  return { kind: entry.kind, id: profile.id, at: test.at, ...outcome, entry }
}

/** `profiles.test`: what a "Test connection" button reports, step by step (core/connection-test). */
export function profileTestHandlers(ctx: RecordsContext): Pick<Handlers, 'profiles.test'> {
  return {
    'profiles.test': async ({ kind, id, bucket }: ConnectionTestInput) => {
      const store = ctx.store()
      if (kind === 'swift') {
        if (bucket !== undefined) {
          throw new AppError('VALIDATION', 'A bucket applies to S3 profiles only.', 'bucket')
        }
        const profile = store.swift.get(id)
        const outcome = await testSwiftConnection(profile, {
          secrets: () => secretsOf(ctx.vault, profile),
          open: (secrets) => swiftClientFor(profile, secrets),
        })
        return recorded(ctx, profile, outcome)
      }
      const profile = store.s3.get(id)
      const outcome = await testS3Connection(profile, bucket, {
        secrets: () => secretsOf(ctx.vault, profile),
        open: (secrets) => s3Probe(s3OptionsFor(profile, secrets), { maxAttempts: S3_ATTEMPTS }),
      })
      return recorded(ctx, profile, outcome)
    },
  }
}
