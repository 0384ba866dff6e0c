import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobProgress, JobSummary } from '../../../../src-preload/contract/jobs'
import { isFinishedState, jobStateColor, jobStateLabel } from '../../components/JobStateBadge'
import { navigate } from '../../stores/navigation'
import { formatDuration } from '../job/format'
import { progressNumbers, shareOf, timeLeft } from '../job/progress-numbers'

const SHOWN = 6

/** The runs the list shows: real runs (previews belong to the New Migration flow), under way first. */
export function recentRuns(jobs: JobSummary[]): JobSummary[] {
  return jobs
    .filter((job) => job.mode !== 'dry-run')
    .sort(
      (a, b) =>
        Number(isFinishedState(a.state)) - Number(isFinishedState(b.state)) ||
        b.createdAt.localeCompare(a.createdAt),
    )
    .slice(0, SHOWN)
}

/** The runs under way first, then the latest finished ones; each opens its live view. */
export function RecentRuns({
  jobs,
  progress,
}: {
  jobs: JobSummary[]
  progress: Record<string, JobProgress>
}): ReactNode {
  const runs = recentRuns(jobs)
  if (runs.length === 0) return null
  const more = jobs.filter((job) => job.mode !== 'dry-run').length > SHOWN
  return (
    <Stack gap="xs" component="section" aria-labelledby="recent-runs-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="recent-runs-title">
          Running and recent
        </Title>
        {more && (
          <Anchor component="button" size="sm" onClick={() => navigate('history')}>
            All runs in History
          </Anchor>
        )}
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {runs.map((job) => (
          <li key={job.id}>
            <RunRow job={job} progress={progress[job.id]} />
          </li>
        ))}
      </Stack>
    </Stack>
  )
}

/**
 * One run: its share done and time left as the job view computes them (from main's estimate, and
 * saying so, until the listing is complete), and its state.
 */
function RunRow({ job, progress }: { job: JobSummary; progress: JobProgress | undefined }): ReactNode {
  const label = jobStateLabel(job)
  const color = jobStateColor(job)
  const live = !isFinishedState(job.state)
  const numbers = progressNumbers(job, progress)
  const share =
    job.state === 'done' && job.outcome === 'completed'
      ? { percent: 100, estimated: false }
      : shareOf(numbers)
  const shareText = share.percent === null ? null : `${share.estimated ? 'about ' : ''}${share.percent}%`
  const left = live ? timeLeft(numbers) : null
  const leftText = left && `${left.estimated ? 'about ' : ''}${formatDuration(left.seconds)} left`
  const name = [label, shareText, leftText].filter(Boolean).join(', ')
  return (
    <UnstyledButton
      onClick={() => navigate('job', job.id)}
      aria-label={`${job.name}: ${name} — open the run`}
      w="100%"
    >
      <Paper withBorder p="sm" data-testid="run-row">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text fw={500} truncate>
              {job.name}
            </Text>
            {leftText && (
              <Text size="xs" c="dimmed" data-testid="run-time-left">
                {leftText}
              </Text>
            )}
          </div>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Progress
              value={share.percent ?? 0}
              w={140}
              size="sm"
              striped={live && !numbers.planned}
              animated={live && job.state !== 'paused'}
              color={color}
              aria-hidden
            />
            <Text size="sm" w={76} ta="right" c="dimmed" data-testid="run-share">
              {shareText ?? '—'}
            </Text>
            <Badge color={color} variant="light" w={180}>
              {label}
            </Badge>
          </Group>
        </Group>
      </Paper>
    </UnstyledButton>
  )
}
