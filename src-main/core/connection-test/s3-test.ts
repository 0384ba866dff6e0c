import { AppError } from '../errors'
import { Redactor } from '../log/redact'
import type { S3Profile } from '../profiles'
import { Checks, FAILED, plural, quotedList, secretsDetail } from './checks'
import type { ConnectionOutcome, TestDeps } from './types'

/** How many bucket names the list step names; the result carries them all. */
const BUCKET_SAMPLE = 5

/** What the S3 test needs of a client; {@link s3Probe} builds it over the S3 target, tests give a fake. */
export interface S3Probe {
  /** The region requests are signed for: the profile's, or the default when it sets none. */
  readonly region: string
  listBuckets(signal?: AbortSignal): Promise<string[]>
  /** Throws a VALIDATION error on `bucket` for a name this S3 cannot have; asks nothing of the server. */
  checkBucketName(bucket: string): void
  /** Exists and these keys may use it, writing nothing (HeadBucket, then a one-key listing). */
  checkBucket(bucket: string, signal?: AbortSignal): Promise<void>
  /** Where S3 says the bucket is (GetBucketLocation). */
  bucketRegion(bucket: string, signal?: AbortSignal): Promise<string>
  redact(text: string): string
  close(): void
}

function bucketsDetail(names: readonly string[], region: string, profileRegion: string | undefined): string {
  const shown = names.slice(0, BUCKET_SAMPLE)
  const list =
    names.length === 0
      ? 'These keys see no buckets yet.'
      : `These keys see ${plural(names.length, 'bucket')}: ${quotedList(shown, names.length - shown.length)}.`
  return `${list} Requests are signed for region ${region}${profileRegion === undefined ? ' (the default: the profile sets no region)' : ''}.`
}

/** Where the region check leaves a mismatch: AWS refuses requests for the wrong region, others may not. */
function regionMismatch(
  profile: S3Profile,
  bucket: string,
  actual: string,
  signed: string,
): { error?: AppError; warning?: string } {
  const said = `S3 says the bucket "${bucket}" is in region ${actual}, but the profile ${
    profile.region === undefined ? `sets no region (so ${signed} is used)` : `says ${signed}`
  }.`
  if (profile.provider === 'aws') {
    return { error: new AppError('VALIDATION', `${said} Set the profile's region to ${actual}.`, 'region') }
  }
  return {
    warning: `${said} This server accepted requests signed for ${signed}; set the region to ${actual} so new buckets and other tools agree.`,
  }
}

/**
 * "Test connection" of an S3 profile: secrets → the bucket list (a refusal to list is no failure when
 * a bucket to check is given) → that bucket: it exists and these keys may use it → its region against
 * the profile's. Without a bucket the list step says which region requests are signed for.
 */
export async function testS3Connection(
  profile: S3Profile,
  bucket: string | undefined,
  deps: TestDeps<S3Probe>,
): Promise<ConnectionOutcome> {
  const checks = new Checks(deps.timeoutMs)
  const redactor = new Redactor()
  const outcome: ConnectionOutcome = { ok: false, checks: [] }
  let probe: S3Probe | undefined
  const finish = (): ConnectionOutcome => {
    const redact = (text: string): string => redactor.text(probe?.redact(text) ?? text)
    return { ...outcome, ok: checks.ok, checks: checks.results(redact) }
  }
  if (bucket !== undefined) outcome.bucket = bucket
  const secrets = await checks.run('secrets', () => deps.secrets(), secretsDetail)
  if (secrets === FAILED) return finish()
  redactor.add(...Object.values(secrets))
  try {
    // In the first step that needs it: settings the client cannot use (region, CA bundle) are reported there.
    const opened = await checks.attempt('list-buckets', async () => deps.open(secrets))
    if (opened === FAILED) return finish()
    probe = opened
    outcome.region = opened.region
    // A bucket name S3 cannot have is the user's typing: said before anything is asked of the server.
    if (
      bucket !== undefined &&
      (await checks.attempt('bucket', async () => opened.checkBucketName(bucket))) === FAILED
    ) {
      return finish()
    }
    const listed = await listStep(
      checks,
      bucket,
      (signal) => opened.listBuckets(signal),
      (names) => bucketsDetail(names, opened.region, profile.region),
    )
    if (listed === FAILED) return finish()
    if (listed !== undefined) outcome.buckets = listed
    if (bucket === undefined) return finish()

    const checked = await checks.run(
      'bucket',
      (signal) => opened.checkBucket(bucket, signal),
      () => `The bucket "${bucket}" exists and these keys may use it (checked without writing anything).`,
    )
    if (checked === FAILED) return finish()
    await regionStep(checks, profile, bucket, opened, outcome)
    return finish()
  } finally {
    probe?.close()
  }
}

/**
 * The bucket list. AccessDenied comes after S3 checked the signature: the keys work, they only may not
 * list buckets, so the step is skipped rather than failed. Returns the names, undefined when skipped.
 */
async function listStep(
  checks: Checks,
  bucket: string | undefined,
  list: (signal: AbortSignal) => Promise<string[]>,
  detail: (names: string[]) => string,
): Promise<string[] | undefined | typeof FAILED> {
  const names = await checks.attempt('list-buckets', async (signal) => {
    try {
      return await list(signal)
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') return undefined
      throw error
    }
  })
  if (names === FAILED) return FAILED
  if (names === undefined) {
    checks.add(
      'list-buckets',
      'skipped',
      bucket === undefined
        ? 'The keys were accepted but may not list buckets; enter a bucket name to check it.'
        : `The keys were accepted but may not list buckets; the bucket "${bucket}" is checked directly.`,
    )
    return undefined
  }
  checks.add('list-buckets', 'passed', detail(names))
  return names
}

/** The bucket's region against the one requests are signed for. */
async function regionStep(
  checks: Checks,
  profile: S3Profile,
  bucket: string,
  probe: S3Probe,
  outcome: ConnectionOutcome,
): Promise<void> {
  let refused: AppError | undefined
  const actual = await checks.attempt('region', async (signal) => {
    try {
      return await probe.bucketRegion(bucket, signal)
    } catch (error) {
      // Not every server or policy answers GetBucketLocation; the bucket check already worked.
      if (error instanceof AppError && (error.code === 'FORBIDDEN' || /NotImplemented/.test(error.message))) {
        refused = error
        return undefined
      }
      throw error
    }
  })
  if (actual === FAILED) return
  if (actual === undefined) {
    checks.add(
      'region',
      'skipped',
      `The bucket's region could not be read (${refused?.message ?? 'no answer'}); S3 accepted requests signed for ${probe.region}.`,
    )
    return
  }
  outcome.region = actual
  if (actual === probe.region) {
    checks.add(
      'region',
      'passed',
      `The bucket "${bucket}" is in region ${actual}, ${
        profile.region === undefined
          ? 'the default the profile uses (it sets no region)'
          : "the profile's region"
      }.`,
    )
    return
  }
  const mismatch = regionMismatch(profile, bucket, actual, probe.region)
  if (mismatch.error !== undefined) checks.fail('region', mismatch.error)
  else checks.add('region', 'warning', mismatch.warning ?? '')
}
