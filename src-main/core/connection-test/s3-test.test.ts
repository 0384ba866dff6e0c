import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import type { S3Profile } from '../profiles'
import type { ProfileId } from '../profiles/fields'
import { AccessDeniedError, InvalidCredentialsError, S3ConfigError } from '../s3'
import { testS3Connection, type S3Probe } from './s3-test'

/** "Test connection" of an S3 profile, step by step, over a scripted client (no network). */

const AT = '2030-01-01T00:00:00.000Z'
const SECRET = 'wJalrXUtnFEMI-secret-access-key'

function profile(extra: Partial<S3Profile> = {}): S3Profile {
  return {
    id: 's1' as ProfileId,
    name: 'Archive',
    provider: 's3-compatible',
    endpoint: 'https://s3.example.com',
    region: 'eu-west-1',
    credentials: { type: 'keys', accessKeyId: 'AKIA1', secretAccessKey: { secretRef: 'profile:s1:x' } },
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  }
}

const denied = () => new AccessDeniedError('b', undefined, 'Access was denied for ListBuckets.')

/** A client whose answers a test scripts, recording what the test asked of it. */
function fakeProbe(
  script: Partial<Pick<S3Probe, 'listBuckets' | 'checkBucket' | 'bucketRegion'>> & { region?: string } = {},
) {
  const calls: string[] = []
  const probe: S3Probe = {
    region: script.region ?? 'eu-west-1',
    async listBuckets(signal) {
      calls.push('listBuckets')
      return script.listBuckets ? script.listBuckets(signal) : ['alpha', 'media']
    },
    checkBucketName(bucket) {
      if (bucket !== bucket.toLowerCase())
        throw new S3ConfigError(`"${bucket}" is not a bucket name.`, 'bucket')
    },
    async checkBucket(bucket, signal) {
      calls.push(`checkBucket ${bucket}`)
      if (script.checkBucket) await script.checkBucket(bucket, signal)
    },
    async bucketRegion(bucket, signal) {
      calls.push(`bucketRegion ${bucket}`)
      return script.bucketRegion ? script.bucketRegion(bucket, signal) : 'eu-west-1'
    },
    redact: (text) => text,
    close: () => void calls.push('close'),
  }
  return { probe, calls }
}

function deps(probe: S3Probe) {
  return { secrets: async () => ({ secretAccessKey: SECRET }), open: () => probe, timeoutMs: 200 }
}

const steps = (outcome: { checks: { step: string; status: string }[] }) =>
  outcome.checks.map((c) => [c.step, c.status])

describe('testS3Connection', () => {
  it('with a bucket: lists buckets, checks the bucket, then its region against the profile’s', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'media']
    const { probe, calls } = fakeProbe({ listBuckets: async () => names })
    const outcome = await testS3Connection(profile(), 'media', deps(probe))
    expect(outcome).toEqual({
      ok: true,
      bucket: 'media',
      region: 'eu-west-1',
      buckets: names,
      checks: [
        { step: 'secrets', status: 'passed', detail: 'The secrets are in the vault.' },
        {
          step: 'list-buckets',
          status: 'passed',
          detail:
            'These keys see 7 buckets: "a", "b", "c", "d", "e" and 2 more. Requests are signed for region eu-west-1.',
        },
        {
          step: 'bucket',
          status: 'passed',
          detail: 'The bucket "media" exists and these keys may use it (checked without writing anything).',
        },
        {
          step: 'region',
          status: 'passed',
          detail: `The bucket "media" is in region eu-west-1, the profile's region.`,
        },
      ],
    })
    expect(calls).toEqual(['listBuckets', 'checkBucket media', 'bucketRegion media', 'close'])
  })

  it('without a bucket: the list says which region requests are signed for, the default when unset', async () => {
    const { probe, calls } = fakeProbe({ region: 'us-east-1', listBuckets: async () => [] })
    const { region: _region, ...noRegion } = profile()
    const outcome = await testS3Connection(noRegion, undefined, deps(probe))
    expect(outcome).toMatchObject({ ok: true, region: 'us-east-1', buckets: [] })
    expect(outcome.checks.at(-1)).toEqual({
      step: 'list-buckets',
      status: 'passed',
      detail:
        'These keys see no buckets yet. Requests are signed for region us-east-1 (the default: the profile sets no region).',
    })
    expect(calls).toEqual(['listBuckets', 'close'])
  })

  it('goes on to the bucket when the keys may not list buckets, and says so', async () => {
    const { probe } = fakeProbe({
      listBuckets: async () => {
        throw denied()
      },
    })
    const outcome = await testS3Connection(profile(), 'media', deps(probe))
    expect(outcome.ok).toBe(true)
    expect(steps(outcome)).toEqual([
      ['secrets', 'passed'],
      ['list-buckets', 'skipped'],
      ['bucket', 'passed'],
      ['region', 'passed'],
    ])
    expect(outcome.checks[1]?.detail).toBe(
      'The keys were accepted but may not list buckets; the bucket "media" is checked directly.',
    )
    expect(outcome).not.toHaveProperty('buckets')
  })

  it('without a bucket, a refused list is skipped, not failed, and asks for a bucket name', async () => {
    const { probe } = fakeProbe({
      listBuckets: async () => {
        throw denied()
      },
    })
    const outcome = await testS3Connection(profile(), undefined, deps(probe))
    expect(outcome.ok).toBe(true)
    expect(outcome.checks.at(-1)).toEqual({
      step: 'list-buckets',
      status: 'skipped',
      detail: 'The keys were accepted but may not list buckets; enter a bucket name to check it.',
    })
  })

  it('stops at the list when the keys are wrong, without touching the bucket', async () => {
    const { probe, calls } = fakeProbe({
      listBuckets: async () => {
        throw new InvalidCredentialsError('wrong-secret', 'S3 rejected the request signature.')
      },
    })
    const outcome = await testS3Connection(profile(), 'media', deps(probe))
    expect(outcome.ok).toBe(false)
    expect(outcome.checks.at(-1)).toMatchObject({
      step: 'list-buckets',
      status: 'failed',
      error: { code: 'AUTH', message: 'S3 rejected the request signature.' },
    })
    expect(calls).toEqual(['listBuckets', 'close'])
  })

  it('fails an AWS profile whose bucket is in another region, naming both', async () => {
    const { probe } = fakeProbe({ bucketRegion: async () => 'eu-central-1' })
    const outcome = await testS3Connection(
      profile({ provider: 'aws', endpoint: undefined }),
      'media',
      deps(probe),
    )
    expect(outcome.ok).toBe(false)
    expect(outcome.checks.at(-1)).toEqual({
      step: 'region',
      status: 'failed',
      error: {
        code: 'VALIDATION',
        message:
          'S3 says the bucket "media" is in region eu-central-1, but the profile says eu-west-1. Set the profile\'s region to eu-central-1.',
        field: 'region',
      },
    })
    expect(outcome.region).toBe('eu-central-1')
  })

  it('warns, without failing, when an S3-compatible server accepted a region other than the bucket’s', async () => {
    const { probe } = fakeProbe({ bucketRegion: async () => 'default' })
    const outcome = await testS3Connection(profile(), 'media', deps(probe))
    expect(outcome.ok).toBe(true)
    expect(outcome.checks.at(-1)).toEqual({
      step: 'region',
      status: 'warning',
      detail:
        'S3 says the bucket "media" is in region default, but the profile says eu-west-1. This server accepted requests signed for eu-west-1; set the region to default so new buckets and other tools agree.',
    })
  })

  it('skips the region when the keys may not read it, the bucket check having worked', async () => {
    const { probe } = fakeProbe({
      bucketRegion: async () => {
        throw new AccessDeniedError('media', undefined, 'Access was denied for GetBucketLocation.')
      },
    })
    const outcome = await testS3Connection(profile(), 'media', deps(probe))
    expect(outcome.ok).toBe(true)
    expect(outcome.checks.at(-1)).toEqual({
      step: 'region',
      status: 'skipped',
      detail:
        "The bucket's region could not be read (Access was denied for GetBucketLocation.); S3 accepted requests signed for eu-west-1.",
    })
  })

  it('reports settings the client cannot use at the first step that needs it, with their field', async () => {
    const outcome = await testS3Connection(profile(), 'media', {
      secrets: async () => ({ secretAccessKey: SECRET }),
      open: () => {
        throw new S3ConfigError('"EU West" is not an AWS region code.', 'region')
      },
    })
    expect(outcome.checks.at(-1)).toEqual({
      step: 'list-buckets',
      status: 'failed',
      error: { code: 'VALIDATION', message: '"EU West" is not an AWS region code.', field: 'region' },
    })
  })

  it('refuses a bucket name S3 cannot have before asking the server anything', async () => {
    const { probe, calls } = fakeProbe()
    const outcome = await testS3Connection(profile(), 'Not_Valid', deps(probe))
    expect(steps(outcome)).toEqual([
      ['secrets', 'passed'],
      ['bucket', 'failed'],
    ])
    expect(outcome.checks[1]?.error).toEqual({
      code: 'VALIDATION',
      message: '"Not_Valid" is not a bucket name.',
      field: 'bucket',
    })
    expect(calls).toEqual(['close'])
  })

  it('masks the secret key in every message it returns', async () => {
    const { probe } = fakeProbe({
      checkBucket: async () => {
        throw new AppError('UNAVAILABLE', `gateway said: bad request with ${SECRET}`)
      },
    })
    const outcome = await testS3Connection(profile(), 'media', deps(probe))
    expect(JSON.stringify(outcome)).not.toContain(SECRET)
    expect(outcome.checks.at(-1)?.error?.message).toBe('gateway said: bad request with [redacted]')
  })
})
