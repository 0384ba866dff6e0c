import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import type {
  Schedule,
  SchedulePreview,
  SchedulePreviewInput,
} from '../../../../src-preload/contract/schedules'
import { navigate } from '../../stores/navigation'
import { loadProfiles, useProfiles } from '../../stores/profiles'
import { noteSaved, previewSchedule, saveSchedule } from '../../stores/schedules'
import { timeZones } from './format'
import { PreviewPanel } from './PreviewPanel'
import {
  draftOf,
  emptyForm,
  fieldErrorOf,
  formOf,
  previewInputOf,
  windowErrors,
  type FieldError,
  type FormState,
} from './schedule-draft'
import { TriggerFields } from './TriggerFields'
import { WindowsEditor } from './WindowsEditor'

const PREVIEW_DELAY_MS = 250

interface PreviewState {
  /** The input the result is for; while it differs from the form's, a new preview is on its way. */
  key: string | null
  preview: SchedulePreview | null
  error: FieldError | null
  problem: string | null
}

/** The live preview of the draft's timing: main computes it, so it is exactly what will run. */
function usePreview(form: FormState): Omit<PreviewState, 'key'> & { loading: boolean } {
  const key = JSON.stringify(previewInputOf(form))
  const [state, setState] = useState<PreviewState>({ key: null, preview: null, error: null, problem: null })
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      previewSchedule(JSON.parse(key) as SchedulePreviewInput)
        .then((preview) => current && setState({ key, preview, error: null, problem: null }))
        .catch((error: unknown) => {
          if (!current) return
          const found = fieldErrorOf(error)
          setState({
            key,
            preview: null,
            error: found.field ? (found as FieldError) : null,
            problem: found.message,
          })
        })
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key])
  return { preview: state.preview, error: state.error, problem: state.problem, loading: state.key !== key }
}

/** Create or edit a schedule, with the next five runs and the unattended check shown as you type. */
export function ScheduleForm({ existing }: { existing: Schedule | null }): ReactNode {
  const jobs = useProfiles((state) => state.jobs)
  const [form, setForm] = useState<FormState>(() =>
    existing ? formOf(existing, Date.now()) : emptyForm(Date.now()),
  )
  const [error, setError] = useState<FieldError | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const preview = usePreview(form)
  const zones = useMemo(() => timeZones(), [])

  // Asked afresh on every visit: a migration saved elsewhere since (another window, the CLI) is listed.
  useEffect(() => {
    void loadProfiles()
  }, [])

  const update = (patch: Partial<FormState>): void => {
    setForm((current) => ({ ...current, ...patch }))
    setError(null)
    setProblem(null)
  }

  const fieldError = (field: string): string | undefined =>
    error?.field === field ? error.message : undefined
  // A trigger error from saving wins; the live preview's shows while typing.
  const triggerError = error?.field.startsWith('trigger') ? error : preview.error

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    setProblem(null)
    try {
      const result = await saveSchedule(draftOf(form))
      noteSaved(result, !existing)
      navigate('schedules')
    } catch (caught) {
      const found = fieldErrorOf(caught)
      if (found.field) setError(found as FieldError)
      else setProblem(found.message)
    } finally {
      setSaving(false)
    }
  }

  const definitions = jobs.map((entry) => ({ value: entry.record.id, label: entry.record.name }))

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={existing ? `Edit ${existing.name}` : 'New schedule'}
    >
      <Stack gap="md" maw={720}>
        {problem && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        )}
        <Fieldset legend="What runs">
          <Stack gap="sm">
            <Select
              label="Saved migration"
              placeholder={definitions.length === 0 ? 'No saved migrations yet' : 'Pick one'}
              description="Schedules run saved migrations; make one under Migrations first."
              data={definitions}
              searchable
              nothingFoundMessage="No saved migration by that name"
              value={form.definitionId}
              onChange={(id) => {
                const name = jobs.find((entry) => entry.record.id === id)?.record.name
                update({ definitionId: id, ...(form.name.trim() === '' && name ? { name } : {}) })
              }}
              error={fieldError('definitionId')}
              required
            />
            <TextInput
              label="Schedule name"
              placeholder="Nightly catch-up"
              value={form.name}
              onChange={(e) => update({ name: e.currentTarget.value })}
              error={fieldError('name')}
              required
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="When">
          <Stack gap="sm">
            <TriggerFields form={form} update={update} error={triggerError} />
            <Select
              label="Time zone"
              description="Times above are read on this zone's clock; the machine's zone unless you pick another."
              data={zones}
              searchable
              limit={80}
              nothingFoundMessage="No time zone by that name"
              value={form.timeZone}
              onChange={(zone) => zone && update({ timeZone: zone })}
              error={
                fieldError('timeZone') ??
                (preview.error?.field === 'timeZone' ? preview.error.message : undefined)
              }
              allowDeselect={false}
              styles={{ wrapper: { maxWidth: 320 } }}
            />
          </Stack>
        </Fieldset>

        <PreviewPanel
          preview={preview.preview}
          loading={preview.loading}
          problem={preview.error ? 'Fix the field marked in red to see the next runs.' : preview.problem}
          timeZone={form.timeZone}
        />

        <Fieldset legend="Running unattended">
          <Stack gap="sm">
            <NumberInput
              label="Wait for secrets (minutes)"
              description="A run whose secrets are missing, or whose S3 keys expire, waits this long for someone to enter them, then stops as “needs credentials” and says so."
              min={0}
              max={1440}
              allowDecimal={false}
              value={form.credentialsWaitMinutes}
              onChange={(value) =>
                update({
                  credentialsWaitMinutes:
                    typeof value === 'number' ? value : value === '' ? '' : Number(value),
                })
              }
              error={fieldError('credentialsWaitMinutes')}
              styles={{ wrapper: { maxWidth: 140 } }}
            />
            <Switch
              label="Enabled"
              description="A disabled schedule keeps its settings and runs only with Run now."
              checked={form.enabled}
              onChange={(e) => update({ enabled: e.currentTarget.checked })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Bandwidth windows for this schedule">
          <Text size="sm" c="dimmed" mb="xs">
            Slow this schedule's runs down at set hours, in its time zone. The lower of a window and the
            migration's own limit applies; the global windows on the Schedules screen apply as well.
          </Text>
          <WindowsEditor
            label="Schedule window"
            windows={form.windows}
            onChange={(windows) => update({ windows })}
            errors={windowErrors(error, 'bandwidthWindows')}
          />
        </Fieldset>

        <Group>
          <Button type="submit" loading={saving}>
            {existing ? 'Save changes' : 'Save schedule'}
          </Button>
          <Button variant="default" onClick={() => navigate('schedules')}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
