import { describe, expect, it } from 'vitest'
import { emptyValues, formField, stepOfField, STEPS, toDraft, validateStep, type WizardValues } from './draft'
import { metadataSummary } from './metadata-draft'

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

describe('the metadata choices in the form', () => {
  it('starts from what the tool always did, and leaves those defaults out of the draft', () => {
    const values = emptyValues()
    expect(values).toMatchObject({ copyUserMetadata: true, extraMetadata: [], oversizedMetadata: 'fail' })
    expect(toDraft(filled()).options).not.toHaveProperty('metadata')
  })

  it('sends every choice once one differs from the defaults, pairs split at the first "="', () => {
    const draft = toDraft(
      filled({ copyUserMetadata: false, extraMetadata: ['migrated-from=swift-prod', 'note=a=b', ' '] }),
    )
    expect(draft.options?.metadata).toEqual({
      userMetadata: 'skip',
      extra: [
        { key: 'migrated-from', value: 'swift-prod' },
        { key: 'note', value: 'a=b' },
      ],
      oversized: 'fail',
    })
    expect(toDraft(filled({ oversizedMetadata: 'drop' })).options?.metadata).toEqual({
      userMetadata: 'copy',
      extra: [],
      oversized: 'drop',
    })
  })

  it('names the bad pair on the Options step, as main would', () => {
    expect(validateStep('options', filled({ extraMetadata: ['Owner=ops'] }))).toEqual({
      'options.metadata.extra':
        '"Owner=ops": write the key in lowercase (owner); S3 lower-cases metadata names anyway.',
    })
    expect(validateStep('options', filled({ extraMetadata: ['a=1', 'a=2'] }))).toEqual({
      'options.metadata.extra': '"a=2": the key a is given twice; keep one value.',
    })
    expect(validateStep('options', filled({ extraMetadata: ['migrated-from=swift-prod'] }))).toEqual({})
  })

  it("takes main's error about a pair to the extra metadata field on the Options step", () => {
    expect(formField('definition.options.metadata.extra.1')).toBe('options.metadata.extra')
    expect(stepOfField('record.options.metadata.oversized')).toBe(STEPS.indexOf('options'))
  })

  it('says the choices in one line for the preview', () => {
    expect(metadataSummary(emptyValues())).toBe(
      'Swift user metadata copied; nothing added; objects over 2 KB of metadata fail',
    )
    expect(
      metadataSummary(
        filled({ copyUserMetadata: false, extraMetadata: ['a=1', 'b=2'], oversizedMetadata: 'drop' }),
      ),
    ).toBe(
      'Swift user metadata not copied; adding a=1, b=2 to every object; objects over 2 KB of metadata copied without their Swift metadata (listed in the report)',
    )
  })
})
