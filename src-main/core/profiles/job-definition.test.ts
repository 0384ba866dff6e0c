import { describe, expect, it } from 'vitest'
import { jobDefinitionInputSchema } from './job-definition'
import { jobInput } from './test-fixtures'
import { parseOrThrow } from './validation'

const parse = (input: unknown) => parseOrThrow(jobDefinitionInputSchema, input, 'Saved migration')

describe('job definition schema', () => {
  it('fills the CLI defaults for what a form leaves out, but the worker count, decided at run time', () => {
    const job = parse({
      name: 'All',
      source: { profileId: 's', containers: 'all' },
      target: { profileId: 't', bucket: 'b-{container}', bucketMode: 'per-container' },
    })
    expect(job.source.directoryMarkers).toBe('keep')
    expect(job.options).toEqual({
      bandwidthLimitMb: null,
      deep: false,
      mirror: { enabled: false, maxDeletions: 1000 },
      metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
    })
  })

  it('keeps the metadata choices, filling what is left out', () => {
    const extra = [{ key: 'migrated-from', value: 'swift-prod' }]
    const job = parse({ ...jobInput('s', 't'), options: { metadata: { extra, oversized: 'drop' } } })
    expect(job.options.metadata).toEqual({ userMetadata: 'copy', extra, oversized: 'drop' })
  })

  it('names the metadata field and the bad pair', () => {
    const bad = (metadata: unknown) => () => parse({ ...jobInput('s', 't'), options: { metadata } })
    expect(
      bad({
        extra: [
          { key: 'ok', value: '1' },
          { key: 'Owner', value: 'ops' },
        ],
      }),
    ).toThrow(
      expect.objectContaining({
        field: 'options.metadata.extra.1',
        message:
          'Saved migration: options.metadata.extra.1 "Owner=ops": write the key in lowercase (owner); S3 lower-cases metadata names anyway.',
      }),
    )
    expect(bad({ extra: [{ key: 'md5chksum', value: 'x' }] })).toThrow(
      expect.objectContaining({
        field: 'options.metadata.extra.0',
        message: expect.stringMatching(/integrity record/),
      }),
    )
    expect(bad({ oversized: 'truncate' })).toThrow(
      expect.objectContaining({
        field: 'options.metadata.oversized',
        message: expect.stringMatching(/must be one of fail, drop/),
      }),
    )
    expect(bad({ userMetadata: false })).toThrow(
      expect.objectContaining({ field: 'options.metadata.userMetadata' }),
    )
  })

  it('keeps what was given', () => {
    const job = parse(jobInput('s', 't'))
    expect(job.options).toMatchObject({ maxWorkers: 8, mirror: { enabled: true, maxDeletions: 1000 } })
    expect(job.target).toEqual({
      profileId: 't',
      bucket: 'acme-archive',
      bucketMode: 'single',
      destPrefix: 'swift/',
    })
  })

  it('names out-of-range options', () => {
    const input = { ...jobInput('s', 't'), options: { maxWorkers: 500 } }
    expect(() => parse(input)).toThrow(
      expect.objectContaining({
        field: 'options.maxWorkers',
        message: 'Saved migration: options.maxWorkers must be at most 256',
      }),
    )
    const bandwidth = { ...jobInput('s', 't'), options: { bandwidthLimitMb: 0 } }
    expect(() => parse(bandwidth)).toThrow(expect.objectContaining({ field: 'options.bandwidthLimitMb' }))
  })

  it('wants {container} exactly when there is one bucket per container', () => {
    const perContainer = {
      ...jobInput('s', 't'),
      target: { profileId: 't', bucket: 'one', bucketMode: 'per-container' },
    }
    expect(() => parse(perContainer)).toThrow(expect.objectContaining({ field: 'target.bucket' }))
    const single = { ...jobInput('s', 't'), target: { profileId: 't', bucket: 'x-{container}' } }
    expect(() => parse(single)).toThrow(expect.objectContaining({ field: 'target.bucket' }))
  })

  it('names a container list that is empty or has a slash', () => {
    const empty = { ...jobInput('s', 't'), source: { profileId: 's', containers: [] } }
    expect(() => parse(empty)).toThrow(expect.objectContaining({ field: 'source.containers' }))
    const slash = { ...jobInput('s', 't'), source: { profileId: 's', containers: ['a/b'] } }
    expect(() => parse(slash)).toThrow(expect.objectContaining({ field: 'source.containers.0' }))
  })

  it('needs the source and target profiles', () => {
    expect(() =>
      parse({ name: 'x', source: { containers: 'all' }, target: { profileId: 't', bucket: 'b' } }),
    ).toThrow(expect.objectContaining({ field: 'source.profileId' }))
  })
})
