import type { JobDefinition, JobDefinitionDraft } from '../../../../../src-preload/contract/profiles'
import { bucketNameProblem, bucketPatternProblem, CONTAINER_PLACEHOLDER } from './bucket-rules'
import { metadataDraft, metadataProblem, metadataValues, type MetadataValues } from './metadata-draft'

export { bucketNameProblem, bucketPatternProblem, CONTAINER_PLACEHOLDER } from './bucket-rules'

/**
 * The New Migration form's values, how they become a JobDefinitionDraft, and the checks each step
 * makes before it lets the user go on. Pure functions, so they are tested without a screen.
 *
 * Field keys are the dotted paths of JobDefinitionDraft (`target.bucket`), the same paths main's
 * VALIDATION errors name (after their `record.` or `definition.` prefix), so one map holds both.
 */

/** The wizard's steps, in order. */
export const STEPS = ['source', 'containers', 'destination', 'bucket', 'options', 'preview'] as const
export type StepKey = (typeof STEPS)[number]

/** Main's defaults (core/profiles/job-definition.ts): what a new migration starts with. */
export const DEFAULT_WORKERS = 16
export const DEFAULT_MAX_DELETIONS = 1000
export const MAX_WORKERS = 256

/** What the form holds. Number fields are '' while empty, as Mantine's NumberInput gives them. */
export interface WizardValues extends MetadataValues {
  name: string
  sourceProfileId: string
  allContainers: boolean
  containers: string[]
  targetProfileId: string
  bucketMode: 'single' | 'per-container'
  /** The bucket in single mode. */
  bucket: string
  /** The pattern in per-container mode, e.g. `swift-{container}`. */
  bucketPattern: string
  destPrefix: string
  prefix: string
  include: string[]
  exclude: string[]
  directoryMarkers: 'keep' | 'skip'
  maxWorkers: number | ''
  /** MB/s; '' for no limit. */
  bandwidthLimitMb: number | ''
  deep: boolean
  mirror: boolean
  maxDeletions: number | ''
  /** Kept from an edited definition; the form has no field for them. */
  partBudgetMb?: number
  multipartThresholdMb?: number
}

/** A new migration, starting from the worker count chosen in Settings. */
export function emptyValues(defaultWorkers = DEFAULT_WORKERS): WizardValues {
  return {
    name: '',
    sourceProfileId: '',
    allContainers: false,
    containers: [],
    targetProfileId: '',
    bucketMode: 'single',
    bucket: '',
    bucketPattern: CONTAINER_PLACEHOLDER,
    destPrefix: '',
    prefix: '',
    include: [],
    exclude: [],
    directoryMarkers: 'keep',
    maxWorkers: defaultWorkers,
    bandwidthLimitMb: '',
    deep: false,
    mirror: false,
    maxDeletions: DEFAULT_MAX_DELETIONS,
    ...metadataValues(),
  }
}

/** A saved migration, ready to edit; one saved without a worker count shows Settings' default. */
export function valuesFromDefinition(
  definition: JobDefinition,
  defaultWorkers = DEFAULT_WORKERS,
): WizardValues {
  const { source, target, options } = definition
  const perContainer = target.bucketMode === 'per-container'
  return {
    name: definition.name,
    sourceProfileId: source.profileId,
    allContainers: source.containers === 'all',
    containers: source.containers === 'all' ? [] : [...source.containers],
    targetProfileId: target.profileId,
    bucketMode: target.bucketMode,
    bucket: perContainer ? '' : target.bucket,
    bucketPattern: perContainer ? target.bucket : CONTAINER_PLACEHOLDER,
    destPrefix: target.destPrefix ?? '',
    prefix: source.prefix ?? '',
    include: [...(source.include ?? [])],
    exclude: [...(source.exclude ?? [])],
    directoryMarkers: source.directoryMarkers,
    maxWorkers: options.maxWorkers ?? defaultWorkers,
    bandwidthLimitMb: options.bandwidthLimitMb ?? '',
    deep: options.deep,
    mirror: options.mirror.enabled,
    maxDeletions: options.mirror.maxDeletions,
    ...metadataValues(options.metadata),
    ...(options.partBudgetMb !== undefined && { partBudgetMb: options.partBudgetMb }),
    ...(options.multipartThresholdMb !== undefined && { multipartThresholdMb: options.multipartThresholdMb }),
  }
}

/** Whether the migration writes into one bucket per container. */
export function usesBucketPerContainer(values: WizardValues): boolean {
  return values.bucketMode === 'per-container'
}

/** The form as main takes it. Blank optional fields are left out rather than sent empty. */
export function toDraft(values: WizardValues, id?: string): JobDefinitionDraft {
  const perContainer = usesBucketPerContainer(values)
  const prefix = values.prefix.trim()
  const destPrefix = values.destPrefix.trim()
  const include = values.include.map((glob) => glob.trim()).filter((glob) => glob !== '')
  const exclude = values.exclude.map((glob) => glob.trim()).filter((glob) => glob !== '')
  const metadata = metadataDraft(values)
  return {
    ...(id !== undefined && { id }),
    name: values.name.trim(),
    source: {
      profileId: values.sourceProfileId,
      containers: values.allContainers ? 'all' : [...values.containers],
      ...(prefix !== '' && { prefix }),
      ...(include.length > 0 && { include }),
      ...(exclude.length > 0 && { exclude }),
      directoryMarkers: values.directoryMarkers,
    },
    target: {
      profileId: values.targetProfileId,
      bucket: (perContainer ? values.bucketPattern : values.bucket).trim(),
      bucketMode: values.bucketMode,
      ...(destPrefix !== '' && { destPrefix }),
    },
    options: {
      maxWorkers: values.maxWorkers === '' ? DEFAULT_WORKERS : values.maxWorkers,
      bandwidthLimitMb: values.bandwidthLimitMb === '' ? null : values.bandwidthLimitMb,
      deep: values.deep,
      mirror: {
        enabled: values.mirror,
        maxDeletions: values.maxDeletions === '' ? DEFAULT_MAX_DELETIONS : values.maxDeletions,
      },
      ...(metadata && { metadata }),
      ...(values.partBudgetMb !== undefined && { partBudgetMb: values.partBudgetMb }),
      ...(values.multipartThresholdMb !== undefined && { multipartThresholdMb: values.multipartThresholdMb }),
    },
  }
}

/** Problems by field path; empty when the step may be left. */
export type FieldErrors = Record<string, string>

/** Which step shows each field, so an error from main can take the user to it. */
const FIELD_STEPS: ReadonlyArray<readonly [string, StepKey]> = [
  ['source.profileId', 'source'],
  ['source.containers', 'containers'],
  ['target.profileId', 'destination'],
  ['target.bucket', 'bucket'],
  ['target.bucketMode', 'bucket'],
  ['target.destPrefix', 'bucket'],
  ['source.prefix', 'options'],
  ['source.include', 'options'],
  ['source.exclude', 'options'],
  ['source.directoryMarkers', 'options'],
  ['options.maxWorkers', 'options'],
  ['options.bandwidthLimitMb', 'options'],
  ['options.deep', 'options'],
  ['options.mirror.maxDeletions', 'options'],
  ['options.metadata.extra', 'options'],
  ['options.metadata', 'options'],
  ['options.mirror', 'options'],
  ['options', 'options'],
  ['name', 'preview'],
]

/**
 * The form field a path from main names: `record.target.bucket` → `target.bucket`,
 * `definition.source.include.2` → `source.include`. Unknown paths come back as they are.
 */
export function formField(path: string): string {
  const bare = path.replace(/^(record|definition)\./, '')
  const known = FIELD_STEPS.find(([field]) => bare === field || bare.startsWith(`${field}.`))
  return known ? known[0] : bare
}

/** The step index where a field is edited; the last step for anything it does not know. */
export function stepOfField(field: string): number {
  const known = FIELD_STEPS.find(([name]) => name === formField(field))
  return STEPS.indexOf(known ? known[1] : 'preview')
}

function wholeNumberProblem(value: number | '', min: number, max: number, what: string): string | undefined {
  if (value === '') return `Enter the ${what}.`
  if (!Number.isInteger(value)) return `The ${what} must be a whole number.`
  if (value < min) return `The ${what} must be at least ${min}.`
  if (value > max) return `The ${what} must be at most ${max.toLocaleString()}.`
  return undefined
}

/** What the step asks for, checked; `aws` is whether the destination profile is AWS. */
export function validateStep(step: StepKey, values: WizardValues, aws = false): FieldErrors {
  const errors: FieldErrors = {}
  const put = (field: string, problem: string | undefined): void => {
    if (problem !== undefined) errors[field] = problem
  }
  switch (step) {
    case 'source':
      if (values.sourceProfileId === '')
        put('source.profileId', 'Choose the OpenStack connection to copy from.')
      break
    case 'containers':
      if (!values.allContainers && values.containers.length === 0) {
        put('source.containers', 'Select at least one container, or choose "All containers".')
      }
      break
    case 'destination':
      if (values.targetProfileId === '') put('target.profileId', 'Choose the S3 destination to copy to.')
      break
    case 'bucket':
      if (usesBucketPerContainer(values))
        put('target.bucket', bucketPatternProblem(values.bucketPattern.trim()))
      else put('target.bucket', bucketNameProblem(values.bucket.trim(), aws))
      break
    case 'options': {
      put('options.maxWorkers', wholeNumberProblem(values.maxWorkers, 1, MAX_WORKERS, 'number of workers'))
      if (values.bandwidthLimitMb !== '' && !(values.bandwidthLimitMb > 0)) {
        put('options.bandwidthLimitMb', 'The bandwidth limit must be above 0, or empty for no limit.')
      }
      if (values.mirror) {
        put(
          'options.mirror.maxDeletions',
          wholeNumberProblem(values.maxDeletions, 0, Number.MAX_SAFE_INTEGER, 'deletion cap'),
        )
      }
      if (values.prefix !== '' && values.prefix.trim() === '') {
        put('source.prefix', 'The prefix is only spaces; clear it to copy every object.')
      }
      put('options.metadata.extra', metadataProblem(values))
      break
    }
    case 'preview':
      if (values.name.trim() === '') put('name', 'Give the migration a name to save it.')
      else if (values.name.trim().length > 100) put('name', 'Keep the name to 100 characters.')
      break
  }
  return errors
}

/** Every step's problems up to and including `last`, the first failing step first. */
export function validateUpTo(
  last: number,
  values: WizardValues,
  aws = false,
): { step: number; errors: FieldErrors } | null {
  for (let index = 0; index <= last && index < STEPS.length; index++) {
    const errors = validateStep(STEPS[index]!, values, aws)
    if (Object.keys(errors).length > 0) return { step: index, errors }
  }
  return null
}

/** A name to offer for a new migration: "photos → archive", "3 containers → one bucket each". */
export function suggestName(values: WizardValues): string {
  const from = values.allContainers
    ? 'All containers'
    : values.containers.length === 1
      ? values.containers[0]!
      : `${values.containers.length} containers`
  const to = usesBucketPerContainer(values) ? values.bucketPattern.trim() : values.bucket.trim()
  return `${from} → ${to}`.slice(0, 100)
}
