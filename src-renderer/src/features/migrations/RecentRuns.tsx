import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobProgress, JobSummary } from '../../../../src-preload/contract/jobs'
import { navigate } from '../../stores/navigation'
import { isFinished, percentDone, stateLabel } from './job-state'

const SHOWN = 6

/** The runs under way first, then the latest finished ones; each opens its live view. */
export function RecentRuns({
  jobs,
  progress,
}: {
  jobs: JobSummary[]
  progress: Record<string, JobProgress>
}): ReactNode {
  // Previews (dry runs) belong to the New Migration flow, not to the list of real runs.
  const runs = jobs
    .filter((job) => job.mode !== 'dry-run')
    .sort(
      (a, b) =>
        Number(isFinished(a.state)) - Number(isFinished(b.state)) || b.createdAt.localeCompare(a.createdAt),
    )
  if (runs.length === 0) return null
  return (
    <Stack gap="xs" component="section" aria-labelledby="recent-runs-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="recent-runs-title">
          Running and recent
        </Title>
        {runs.length > SHOWN && (
          <Anchor component="button" size="sm" onClick={() => navigate('history')}>
            All runs in History
          </Anchor>
        )}
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {runs.slice(0, SHOWN).map((job) => (
          <li key={job.id}>
            <RunRow job={job} progress={progress[job.id]} />
          </li>
        ))}
      </Stack>
    </Stack>
  )
}

function RunRow({ job, progress }: { job: JobSummary; progress: JobProgress | undefined }): ReactNode {
  const state = stateLabel(job)
  const percent = percentDone(job, progress)
  const live = !isFinished(job.state)
  return (
    <UnstyledButton
      onClick={() => navigate('job', job.id)}
      aria-label={`${job.name}: ${state.label}, ${percent}% — open the run`}
      w="100%"
    >
      <Paper withBorder p="sm" data-testid="run-row">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Text fw={500} truncate style={{ minWidth: 0, flex: 1 }}>
            {job.name}
          </Text>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Progress
              value={percent}
              w={140}
              size="sm"
              animated={live && job.state !== 'paused'}
              color={state.color}
              aria-hidden
            />
            <Text size="sm" w={44} ta="right" c="dimmed">
              {percent}%
            </Text>
            <Badge color={state.color} variant="light" w={150}>
              {state.label}
            </Badge>
          </Group>
        </Group>
      </Paper>
    </UnstyledButton>
  )
}
