import { describe, expect, it } from 'vitest'
import { definition } from '../test/fixtures'
import {
  bucketNameProblem,
  bucketPatternProblem,
  emptyValues,
  formField,
  stepOfField,
  suggestName,
  toDraft,
  validateStep,
  validateUpTo,
  valuesFromDefinition,
  type WizardValues,
} from './draft'

function filled(patch: Partial<WizardValues> = {}): WizardValues {
  return {
    ...emptyValues(),
    name: 'Photos',
    sourceProfileId: 'sw1',
    containers: ['photos'],
    targetProfileId: 's31',
    bucket: 'archive',
    ...patch,
  }
}

describe('the form as a job definition', () => {
  it('leaves blank optional fields out and turns an empty bandwidth into no limit', () => {
    expect(toDraft(filled({ prefix: '  ', destPrefix: '', include: [' ', '*.jpg'] }))).toEqual({
      name: 'Photos',
      source: { profileId: 'sw1', containers: ['photos'], include: ['*.jpg'], directoryMarkers: 'keep' },
      target: { profileId: 's31', bucket: 'archive', bucketMode: 'single' },
      options: {
        maxWorkers: 16,
        bandwidthLimitMb: null,
        deep: false,
        mirror: { enabled: false, maxDeletions: 1000 },
      },
    })
  })

  it('sends the pattern as the bucket in per-container mode and "all" for all containers', () => {
    const draft = toDraft(
      filled({ allContainers: true, bucketMode: 'per-container', bucketPattern: 'swift-{container}' }),
    )
    expect(draft.source.containers).toBe('all')
    expect(draft.target).toEqual({
      profileId: 's31',
      bucket: 'swift-{container}',
      bucketMode: 'per-container',
    })
  })

  it('round-trips a saved migration, keeping the settings the form has no field for', () => {
    const saved = definition('d1', 'Nightly', {
      source: {
        profileId: 'sw1' as never,
        containers: ['a', 'b'],
        prefix: '2024/',
        exclude: ['tmp/**'],
        directoryMarkers: 'skip',
      },
      target: {
        profileId: 's31' as never,
        bucket: 'x-{container}',
        bucketMode: 'per-container',
        destPrefix: 'in/',
      },
      options: {
        maxWorkers: 4,
        bandwidthLimitMb: 2.5,
        deep: true,
        mirror: { enabled: true, maxDeletions: 7 },
        metadata: {
          userMetadata: 'skip',
          extra: [{ key: 'migrated-from', value: 'swift prod' }],
          oversized: 'drop',
        },
        partBudgetMb: 64,
      },
    })
    const draft = toDraft(valuesFromDefinition(saved), saved.id)
    expect(draft).toEqual({
      id: 'd1',
      name: 'Nightly',
      source: saved.source,
      target: saved.target,
      options: saved.options,
    })
  })

  it("shows Settings' default worker count for a migration saved without one", () => {
    const saved = definition('d2', 'No count', {
      options: {
        bandwidthLimitMb: null,
        deep: false,
        mirror: { enabled: false, maxDeletions: 1000 },
        metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
      },
    })
    expect(valuesFromDefinition(saved, 6).maxWorkers).toBe(6)
    expect(valuesFromDefinition(definition('d3', 'Own count'), 6).maxWorkers).toBe(16)
  })
})

describe('checks per step', () => {
  it('names the missing source, containers, destination and bucket', () => {
    const values = emptyValues()
    expect(validateStep('source', values)).toEqual({
      'source.profileId': 'Choose the OpenStack connection to copy from.',
    })
    expect(validateStep('containers', values)['source.containers']).toMatch(/Select at least one container/)
    expect(validateStep('containers', { ...values, allContainers: true })).toEqual({})
    expect(validateStep('destination', values)['target.profileId']).toMatch(/S3 destination/)
    expect(validateStep('bucket', values)['target.bucket']).toBe('Enter the bucket name.')
  })

  it('checks options: workers, bandwidth and the deletion cap only with mirror on', () => {
    const bad = filled({ maxWorkers: 0, bandwidthLimitMb: 0, mirror: false, maxDeletions: '' })
    expect(validateStep('options', bad)).toEqual({
      'options.maxWorkers': 'The number of workers must be at least 1.',
      'options.bandwidthLimitMb': 'The bandwidth limit must be above 0, or empty for no limit.',
    })
    expect(validateStep('options', filled({ mirror: true, maxDeletions: '' }))).toEqual({
      'options.mirror.maxDeletions': 'Enter the deletion cap.',
    })
    expect(validateStep('options', filled({ maxWorkers: 2.5 }))['options.maxWorkers']).toMatch(/whole number/)
  })

  it('asks for a name only on the last step', () => {
    expect(validateStep('preview', filled({ name: '  ' }))).toEqual({
      name: 'Give the migration a name to save it.',
    })
  })

  it('finds the first incomplete step', () => {
    expect(validateUpTo(4, filled({ targetProfileId: '' }))).toEqual({
      step: 2,
      errors: { 'target.profileId': 'Choose the S3 destination to copy to.' },
    })
    expect(validateUpTo(4, filled())).toBeNull()
  })
})

describe('bucket names', () => {
  it("applies AWS's rules to AWS and only the hard limits elsewhere", () => {
    expect(bucketNameProblem('My_Bucket', true)).toMatch(/lowercase letters/)
    expect(bucketNameProblem('My_Bucket', false)).toBeUndefined()
    expect(bucketNameProblem('ab', true)).toMatch(/3 to 63/)
    expect(bucketNameProblem('a/b', false)).toMatch(/"\/"/)
    expect(bucketNameProblem('192.168.1.1', true)).toMatch(/IP address/)
    expect(bucketNameProblem('good-name', true)).toBeUndefined()
  })

  it('wants {container} exactly once in a per-container pattern', () => {
    expect(bucketPatternProblem('swift-')).toMatch(/exactly once/)
    expect(bucketPatternProblem('{container}-{container}')).toMatch(/exactly once/)
    expect(bucketPatternProblem('Swift-{container}')).toMatch(/lowercase/)
    expect(bucketPatternProblem('-{container}')).toMatch(/Start the pattern/)
    expect(bucketPatternProblem('swift-{container}')).toBeUndefined()
  })
})

describe("main's field paths", () => {
  it('maps them to form fields and steps', () => {
    expect(formField('record.target.bucket')).toBe('target.bucket')
    expect(formField('definition.source.include.2')).toBe('source.include')
    expect(stepOfField('record.target.bucket')).toBe(3)
    expect(stepOfField('record.source.profileId')).toBe(0)
    expect(stepOfField('record.name')).toBe(5)
    expect(stepOfField('record.options.mirror.maxDeletions')).toBe(4)
    expect(stepOfField('something.else')).toBe(5)
  })
})

describe('suggested names', () => {
  it('says what goes where', () => {
    expect(suggestName(filled())).toBe('photos → archive')
    expect(suggestName(filled({ containers: ['a', 'b', 'c'] }))).toBe('3 containers → archive')
    expect(
      suggestName(
        filled({ allContainers: true, bucketMode: 'per-container', bucketPattern: 's-{container}' }),
      ),
    ).toBe('All containers → s-{container}')
  })
})
