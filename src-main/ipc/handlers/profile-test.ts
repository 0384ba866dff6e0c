import type {
  ConnectionCheck,
  ConnectionStep,
  ConnectionTestInput,
  ConnectionTestResult,
} from '../../../src-preload/contract/connections'
import { AppError } from '../../core/errors'
import type { S3Profile, SwiftProfile } from '../../core/profiles'
import { isAbort, type SwiftClient } from '../../core/swift'
import type { Handlers } from '../router'
import { s3TargetFor, secretsOf, swiftClientFor } from './connect'
import { toIpcError } from './ipc-error'
import type { RecordsContext } from './records'
import { listBuckets } from './s3-buckets'

/**
 * Runs the steps of one test in order, recording each; the first failure ends the test. Failures of
 * the engine (AppError) become part of the result with their exact code, message and field; anything
 * else is a bug and fails the call.
 */
class Checks {
  readonly list: ConnectionCheck[] = []

  async run<T>(
    step: ConnectionStep,
    work: () => Promise<T>,
    detail: (value: T) => string,
  ): Promise<T | Failed> {
    try {
      const value = await work()
      this.list.push({ step, status: 'passed', detail: detail(value) })
      return value
    } catch (error) {
      this.list.push({ step, status: 'failed', error: toIpcError(asAppError(error)) })
      return FAILED
    }
  }

  get ok(): boolean {
    return this.list.every((check) => check.status !== 'failed')
  }
}

/** Our own step timeout is a failure to report like any other; anything else unexpected is a bug. */
function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (isAbort(error) || (error instanceof Error && error.name === 'TimeoutError')) {
    return new AppError('NETWORK', `No answer within ${STEP_TIMEOUT_MS / 1000} seconds.`, undefined, {
      cause: error,
    })
  }
  throw error
}

const FAILED = Symbol('failed')
type Failed = typeof FAILED

/** A step that has not answered by then will not; the user would rather see why. */
const STEP_TIMEOUT_MS = 30_000

function secretsDetail(values: Record<string, string>): string {
  return Object.keys(values).length > 0
    ? 'The secrets are in the vault.'
    : 'The profile keeps no secret in the app.'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

async function testSwift(ctx: RecordsContext, profile: SwiftProfile): Promise<ConnectionTestResult> {
  const checks = new Checks()
  const result: ConnectionTestResult = { kind: 'swift', id: profile.id, ok: false, checks: checks.list }
  const secrets = await checks.run('secrets', () => secretsOf(ctx.vault, profile), secretsDetail)
  if (secrets === FAILED) return result
  const opened: SwiftClient[] = []
  try {
    const auth = await checks.run(
      'authenticate',
      async () => {
        // Inside the step: a CA bundle or proxy the transport cannot use is reported here, with its field.
        const client = swiftClientFor(profile, secrets)
        opened.push(client)
        return { client, storageUrl: await client.storageUrl() }
      },
      ({ storageUrl }) => `Authenticated; the storage URL is ${storageUrl}`,
    )
    if (auth === FAILED) return result
    result.storageUrl = auth.storageUrl
    const account = await checks.run(
      'account',
      () => auth.client.headAccount(AbortSignal.timeout(STEP_TIMEOUT_MS)),
      (stats) => `The account has ${plural(stats.containerCount, 'container')}.`,
    )
    if (account === FAILED) return result
    result.containerCount = account.containerCount
    result.ok = checks.ok
    return result
  } finally {
    for (const client of opened) await client.close()
  }
}

async function testS3(
  ctx: RecordsContext,
  profile: S3Profile,
  bucket: string | undefined,
): Promise<ConnectionTestResult> {
  const checks = new Checks()
  const result: ConnectionTestResult = { kind: 's3', id: profile.id, ok: false, checks: checks.list }
  const secrets = await checks.run('secrets', () => secretsOf(ctx.vault, profile), secretsDetail)
  if (secrets === FAILED) return result
  if (bucket !== undefined) {
    result.bucket = bucket
    const region = await checks.run(
      'bucket',
      async () => {
        const target = s3TargetFor(profile, secrets, bucket)
        try {
          await target.checkBucket(AbortSignal.timeout(STEP_TIMEOUT_MS))
          return target.options.region
        } finally {
          target.close()
        }
      },
      (where) => `The bucket "${bucket}" exists in ${where} and these keys may use it.`,
    )
    if (region === FAILED) return result
    result.region = region
  } else {
    try {
      const names = await listBuckets(profile, secrets)
      checks.list.push({
        step: 'list-buckets',
        status: 'passed',
        detail: `These keys see ${plural(names.length, 'bucket')}.`,
      })
      result.buckets = names
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      // AccessDenied comes after S3 checked the signature: the keys work, they only may not list buckets.
      const denied = error.code === 'FORBIDDEN'
      checks.list.push(
        denied
          ? {
              step: 'list-buckets',
              status: 'skipped',
              detail: 'The keys were accepted but may not list buckets; enter a bucket name to check it.',
            }
          : { step: 'list-buckets', status: 'failed', error: toIpcError(error) },
      )
    }
  }
  result.ok = checks.ok
  return result
}

/** `profiles.test`: what a "Test connection" button reports, step by step. */
export function profileTestHandlers(ctx: RecordsContext): Pick<Handlers, 'profiles.test'> {
  return {
    'profiles.test': async ({ kind, id, bucket }: ConnectionTestInput) => {
      const store = ctx.store()
      if (kind === 'swift') {
        if (bucket !== undefined) {
          throw new AppError('VALIDATION', 'A bucket applies to S3 profiles only.', 'bucket')
        }
        return testSwift(ctx, store.swift.get(id))
      }
      return testS3(ctx, store.s3.get(id), bucket)
    },
  }
}
