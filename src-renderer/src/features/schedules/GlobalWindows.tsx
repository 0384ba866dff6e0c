import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState, type ReactNode } from 'react'
import type { GlobalBandwidthWindows } from '../../../../src-preload/contract/schedules'
import { saveGlobalWindows } from '../../stores/schedules'
import { timeZones } from './format'
import { fieldErrorOf, windowErrors, type FieldError } from './schedule-draft'
import { fromWindowDrafts, toWindowDrafts, WindowsEditor, type WindowDraft } from './WindowsEditor'

/**
 * Windows that slow every migration down, by hand or scheduled: "2 MB/s on weekdays 08:00–18:00".
 * They apply under the global limit in Settings, and to runs under way as each window opens and closes.
 * It starts from the windows saved when the screen opened; it does not follow another page's save.
 */
export function GlobalWindows({ saved }: { saved: GlobalBandwidthWindows }): ReactNode {
  const [timeZone, setTimeZone] = useState(saved.timeZone)
  const [windows, setWindows] = useState<WindowDraft[]>(() => toWindowDrafts(saved.windows))
  const [error, setError] = useState<FieldError | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [saving, setSaving] = useState(false)
  const zones = useMemo(() => timeZones(), [])

  const savedKey = JSON.stringify(saved)
  const changed = JSON.stringify({ timeZone, windows: fromWindowDrafts(windows) }) !== savedKey

  const save = async (): Promise<void> => {
    setSaving(true)
    setError(null)
    setProblem(null)
    setDone(false)
    try {
      await saveGlobalWindows({ timeZone, windows: fromWindowDrafts(windows) })
      setDone(true)
    } catch (caught) {
      const found = fieldErrorOf(caught)
      if (found.field) setError(found as FieldError)
      else setProblem(found.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="global-windows-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="global-windows-title">
            Bandwidth windows for every migration
          </Title>
          <Text size="sm" c="dimmed">
            For example 2 MB/s on weekdays 08:00–18:00 and no limit otherwise. They apply to every run,
            scheduled or not, as each window opens and closes, and never above the limit in Settings.
          </Text>
        </div>
        <Select
          label="Time zone of these windows"
          data={zones}
          searchable
          limit={80}
          value={timeZone}
          onChange={(zone) => {
            if (zone) setTimeZone(zone)
            setDone(false)
          }}
          error={error?.field === 'timeZone' ? error.message : undefined}
          allowDeselect={false}
          w={320}
        />
        <WindowsEditor
          label="Global window"
          windows={windows}
          onChange={(next) => {
            setWindows(next)
            setError(null)
            setDone(false)
          }}
          errors={windowErrors(error, 'windows')}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={!changed}>
            Save windows
          </Button>
          {done && !changed && (
            <Text size="sm" c="green.8" role="status">
              Saved; they apply now.
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
