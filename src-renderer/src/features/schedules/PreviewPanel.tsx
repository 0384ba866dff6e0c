import { Alert, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { SchedulePreview, UnattendedCheck } from '../../../../src-preload/contract/schedules'
import { formatInZone, localTimeZone, offsetName } from './format'

/** The two DST rules, in the words the UI states them. */
export const DST_RULES =
  'Times follow the clock in the chosen time zone. A time that does not exist because the clocks go ' +
  'forward runs at the first moment after the change (02:30 runs at 03:00). A time that happens twice ' +
  'because the clocks go back runs once, the first time.'

/** Whether the migration can run with nobody at the screen, and what to fix if not. */
export function UnattendedResult({ check }: { check: UnattendedCheck }): ReactNode {
  if (check.ok) {
    return (
      <Alert
        color="green"
        icon={<IconCircleCheck size={18} />}
        title="Can run unattended"
        data-testid="unattended"
      >
        Every secret it needs is kept between sessions.
        {check.notes.length > 0 && (
          <List size="sm" mt={4}>
            {check.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    )
  }
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title="Cannot run with nobody at the screen"
      data-testid="unattended"
    >
      <List size="sm">
        {[...check.problems, ...check.notes].map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Text size="sm" mt={4}>
        You can still save it; a run that finds its secrets missing waits for them, then stops as “needs
        credentials”.
      </Text>
    </Alert>
  )
}

interface PreviewPanelProps {
  preview: SchedulePreview | null
  loading: boolean
  /** Why the preview could not be made (a field main refused). */
  problem: string | null
  timeZone: string
}

/** What the draft will do: the description, the next five runs and the unattended check, live. */
export function PreviewPanel({ preview, loading, problem, timeZone }: PreviewPanelProps): ReactNode {
  const local = localTimeZone()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="schedule-preview-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5" id="schedule-preview-title">
            Preview
          </Title>
          {loading && <Loader size="xs" aria-label="Updating the preview" />}
        </Group>
        {problem ? (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        ) : preview ? (
          <>
            <Text fw={600} data-testid="schedule-description">
              Runs {preview.description}
            </Text>
            {preview.nextRuns.length === 0 ? (
              <Text size="sm" c="dimmed">
                No runs to come.
              </Text>
            ) : (
              <div>
                <Text size="sm" c="dimmed" id="next-runs-title">
                  Next {preview.nextRuns.length === 1 ? 'run' : `${preview.nextRuns.length} runs`}
                </Text>
                <List size="sm" spacing={4} aria-labelledby="next-runs-title" data-testid="next-runs">
                  {preview.nextRuns.map((run) => (
                    <List.Item key={run.at}>
                      <Text span size="sm" ff="monospace">
                        {formatInZone(run.at, timeZone)}
                      </Text>{' '}
                      <Text span size="xs" c="dimmed">
                        {offsetName(run.at, timeZone)}
                        {local !== timeZone && ` · ${formatInZone(run.at, local)} here`}
                      </Text>
                      {run.note && (
                        <Text size="xs" c="orange.8" data-testid="dst-note">
                          {run.note}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Fill in when it runs to see the next runs.
          </Text>
        )}
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
          <Text size="xs" c="dimmed">
            {DST_RULES}
          </Text>
        </Group>
        {preview?.unattended && <UnattendedResult check={preview.unattended} />}
      </Stack>
    </Paper>
  )
}
