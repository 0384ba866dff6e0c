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
    })
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
