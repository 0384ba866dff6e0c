import { create } from 'zustand'
import { useSettings } from '../../../stores/settings'
import type { JobPlanSummary } from '../../../../../src-preload/contract/jobs'
import type { JobDefinitionDraft } from '../../../../../src-preload/contract/profiles'
import {
  STEPS,
  emptyValues,
  formField,
  stepOfField,
  suggestName,
  toDraft,
  validateStep,
  validateUpTo,
  valuesFromDefinition,
  type FieldErrors,
  type WizardValues,
} from './draft'
import { isFinishedState } from '../../../components/JobStateBadge'
import { waitForRun } from './wait-for-run'
import { SecretCancelled, withSecrets } from '../secret-prompt'
import { call, CallError } from '../../../ipc/bridge'
import { cancelJob, startJob } from '../../../stores/jobs'
import { loadProfiles } from '../../../stores/profiles'

/**
 * The New Migration wizard: the form's values, where the user is, field problems (found here or
 * named by main), and the dry-run preview. Module-level actions, as the other stores.
 */

/**
 * The dry run behind the Preview step. `key` is the draft it was made for, so edits make it stale.
 * While it runs, its state and progress are read from the shared jobs store by `jobId`.
 */
export type PreviewState =
  | { status: 'idle' }
  | { status: 'running'; key: string; jobId: string | null }
  | { status: 'done'; key: string; jobId: string; plan: JobPlanSummary }
  | { status: 'failed'; key: string; error: string }

interface WizardState {
  /** False once the wizard was left by Cancel, Save or Start; true while a visit may resume. */
  active: boolean
  /** The saved migration being edited; null for a new one. */
  definitionId: string | null
  loading: boolean
  loadError: string | null
  step: number
  /** The furthest step reached; steps up to it can be clicked. */
  reached: number
  values: WizardValues
  errors: FieldErrors
  preview: PreviewState
  busy: 'save' | 'start' | null
  /** A problem with saving or starting that no field explains. */
  submitError: string | null
}

function initial(definitionId: string | null): WizardState {
  return {
    active: true,
    definitionId,
    loading: definitionId !== null,
    loadError: null,
    step: 0,
    reached: 0,
    values: emptyValues(useSettings.getState().view?.settings.defaultWorkers),
    errors: {},
    preview: { status: 'idle' },
    busy: null,
    submitError: null,
  }
}

export const useWizard = create<WizardState>(() => ({ ...initial(null), active: false }))

/**
 * Secrets typed in for this wizard's runs (preview, then start), by vault reference. Memory only:
 * never in the store's state (which tests and devtools print), never saved; dropped when the wizard
 * opens again.
 */
let runSecrets: Record<string, string> = {}
let previewRun = 0

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Opens the wizard empty, or on a saved migration to edit. A visit left half-way (say, to add a
 * profile) resumes where it was, unless it was for another migration.
 */
export async function openWizard(definitionId: string | null): Promise<void> {
  const current = useWizard.getState()
  if (current.active && current.definitionId === definitionId && !current.loadError) return
  runSecrets = {}
  previewRun++
  useWizard.setState(initial(definitionId))
  if (definitionId === null) return
  try {
    const entry = await call('profiles.get', { kind: 'job', id: definitionId })
    if (entry.kind !== 'job') throw new Error('That record is not a saved migration.')
    if (useWizard.getState().definitionId !== definitionId) return
    // Every step of a saved migration is filled in, so all of them can be visited.
    useWizard.setState({
      loading: false,
      values: valuesFromDefinition(entry.record, useSettings.getState().view?.settings.defaultWorkers),
      reached: STEPS.length - 1,
    })
  } catch (error) {
    if (useWizard.getState().definitionId === definitionId) {
      useWizard.setState({ loading: false, loadError: message(error) })
    }
  }
}

/** Ends the visit: the next open starts afresh. Stops a preview under way. */
export function closeWizard(): void {
  void cancelPreview()
  runSecrets = {}
  useWizard.setState({ active: false })
}

/** Changes some values; the problems shown for `fields` go away, since the user is fixing them. */
export function updateValues(patch: Partial<WizardValues>, ...fields: string[]): void {
  useWizard.setState(({ values, errors }) => {
    const rest = { ...errors }
    for (const field of fields) delete rest[field]
    return { values: { ...values, ...patch }, errors: rest, submitError: null }
  })
}

/** Checks the current step and moves on when it is complete; `aws` picks the bucket naming rules. */
export function nextStep(aws: boolean): boolean {
  const { step, values, reached } = useWizard.getState()
  const errors = validateStep(STEPS[step]!, values, aws)
  if (Object.keys(errors).length > 0) {
    useWizard.setState({ errors })
    return false
  }
  const next = Math.min(step + 1, STEPS.length - 1)
  useWizard.setState({ step: next, reached: Math.max(reached, next), errors: {} })
  return true
}

export function previousStep(): void {
  useWizard.setState(({ step }) => ({ step: Math.max(0, step - 1), errors: {} }))
}

/** Jumps to a step already reached; forward only as far as the steps in between are complete. */
export function goToStep(index: number, aws: boolean): void {
  const { step, reached, values } = useWizard.getState()
  if (index > reached || index === step) return
  if (index > step) {
    const problem = validateUpTo(index - 1, values, aws)
    if (problem) {
      useWizard.setState({ step: problem.step, errors: problem.errors })
      return
    }
  }
  useWizard.setState({ step: index, errors: {} })
}

/** The key a preview is made for: the draft without its name, which does not change what is copied. */
export function previewKey(values: WizardValues): string {
  const { name: _name, ...draft } = toDraft({ ...values, name: '' })
  return JSON.stringify(draft)
}

/** Shows main's problem on its field and takes the user to the step where it is edited. */
function showCallError(error: unknown): void {
  if (error instanceof CallError && error.code === 'VALIDATION' && error.field) {
    const field = formField(error.field)
    useWizard.setState(({ errors }) => ({
      errors: { ...errors, [field]: error.message },
      step: stepOfField(field),
      submitError: null,
    }))
    return
  }
  useWizard.setState({ submitError: message(error) })
}

/** What jobs.start takes for this form; an unsaved migration needs a name too, so it gets one. */
function inlineDefinition(values: WizardValues): JobDefinitionDraft {
  return toDraft({ ...values, name: values.name.trim() || suggestName(values) })
}

/**
 * Runs the dry run for the Preview step: main plans the copy exactly as a real run would (listing
 * Swift and the bucket) and copies nothing; its report has the plan.
 */
export async function runPreview(aws: boolean): Promise<void> {
  const { values } = useWizard.getState()
  const problem = validateUpTo(STEPS.indexOf('options'), values, aws)
  if (problem) {
    useWizard.setState({ step: problem.step, errors: problem.errors })
    return
  }
  const run = ++previewRun
  const key = previewKey(values)
  const isCurrent = (): boolean => run === previewRun
  useWizard.setState({ preview: { status: 'running', key, jobId: null } })
  try {
    const started = await withSecrets(runSecrets, (secrets) =>
      startJob({
        definition: inlineDefinition(values),
        options: { dryRun: true },
        ...(secrets && { secrets }),
      }),
    )
    if (!isCurrent()) {
      // Stopped (or replaced) while main was starting it: nobody will look at this one.
      await cancelJob(started.id).catch(() => undefined)
      return
    }
    useWizard.setState({ preview: { status: 'running', key, jobId: started.id } })
    const finished = isFinishedState(started.state) ? started : await waitForRun(started.id, isCurrent)
    if (!isCurrent()) return
    if (finished.state !== 'done') {
      const why = finished.error ?? `The preview ended ${finished.state}.`
      useWizard.setState({ preview: { status: 'failed', key, error: why } })
      return
    }
    const report = await call('jobs.report', { id: finished.id })
    if (!isCurrent()) return
    const plan = report.summary?.plan
    useWizard.setState({
      preview: plan
        ? { status: 'done', key, jobId: finished.id, plan }
        : { status: 'failed', key, error: 'The preview finished but its report has no plan.' },
    })
  } catch (error) {
    if (!isCurrent()) return
    if (error instanceof SecretCancelled) {
      useWizard.setState({ preview: { status: 'idle' } })
      return
    }
    if (error instanceof CallError && error.code === 'VALIDATION' && error.field) {
      useWizard.setState({ preview: { status: 'idle' } })
      showCallError(error)
      return
    }
    useWizard.setState({ preview: { status: 'failed', key, error: message(error) } })
  }
}

/** Stops a preview under way. */
export async function cancelPreview(): Promise<void> {
  const { preview } = useWizard.getState()
  previewRun++
  useWizard.setState({ preview: { status: 'idle' } })
  if (preview.status === 'running' && preview.jobId) {
    await cancelJob(preview.jobId).catch(() => undefined)
  }
}

/** Saves the migration (a new one, or the edited one); resolves with its id, or null when it was refused. */
export async function saveDefinition(aws: boolean): Promise<string | null> {
  const { values, definitionId } = useWizard.getState()
  const problem = validateUpTo(STEPS.length - 1, values, aws)
  if (problem) {
    useWizard.setState({ step: problem.step, errors: problem.errors })
    return null
  }
  useWizard.setState({ busy: 'save', submitError: null })
  try {
    const draft = toDraft(values, definitionId ?? undefined)
    const { entry } = await call('profiles.save', { kind: 'job', record: draft })
    useWizard.setState({ busy: null })
    void loadProfiles()
    return entry.record.id
  } catch (error) {
    useWizard.setState({ busy: null })
    showCallError(error)
    return null
  }
}

/**
 * Starts the real run and resolves with its id (null when it did not start). A saved migration being
 * edited is saved first and run by its id, so its runs stay linked to it in History; a new one runs
 * as it is, unsaved.
 */
export async function startMigration(aws: boolean): Promise<string | null> {
  const { values, definitionId } = useWizard.getState()
  const lastStep = definitionId === null ? STEPS.indexOf('options') : STEPS.length - 1
  const problem = validateUpTo(lastStep, values, aws)
  if (problem) {
    useWizard.setState({ step: problem.step, errors: problem.errors })
    return null
  }
  let savedId: string | null = null
  if (definitionId !== null) {
    savedId = await saveDefinition(aws)
    if (savedId === null) return null
  }
  useWizard.setState({ busy: 'start', submitError: null })
  try {
    const job = await withSecrets(runSecrets, (secrets) =>
      startJob(
        savedId !== null
          ? { definitionId: savedId, ...(secrets && { secrets }) }
          : { definition: inlineDefinition(values), ...(secrets && { secrets }) },
      ),
    )
    useWizard.setState({ busy: null })
    return job.id
  } catch (error) {
    useWizard.setState({ busy: null })
    if (!(error instanceof SecretCancelled)) showCallError(error)
    return null
  }
}
