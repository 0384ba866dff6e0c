import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { isFinishedState, JobStateBadge } from '../../components/JobStateBadge'
import { ScreenHeader } from '../../components/ScreenHeader'
import { loadJobDetail, loadJobReport, useJob, useJobProgress, useJobsStore } from '../../stores/jobs'
import { navigate, useNavigation } from '../../stores/navigation'
import { BandwidthControl } from './BandwidthControl'
import { CredentialsModal } from './CredentialsModal'
import { FailuresTable, failuresOf } from './FailuresTable'
import { formatDateTime } from './format'
import { JobControls } from './JobControls'
import { modeLabel, sourceText, targetText } from './job-text'
import { ProgressPanel } from './ProgressPanel'
import { progressNumbers } from './progress-numbers'
import { ResultPanel } from './ResultPanel'
import { ThroughputChart } from './ThroughputChart'
import { WorkersList } from './WorkersList'
import { rerunLabel, useRerun } from './use-rerun'
import type { JobSummary } from '../../../../src-preload/contract/jobs'

/** A note under the header for states that need explaining. */
function stateNote(state: JobSummary['state'], cancelRequested: boolean): string | null {
  if (cancelRequested && !isFinishedState(state))
    return 'Stopping: objects in flight finish, then the run writes its report.'
  switch (state) {
    case 'queued':
      return 'Waiting for free workers: other runs are using them. It starts by itself.'
    case 'planning':
      return 'Listing the source and the destination to work out what to copy.'
    case 'paused':
      return 'Paused: nothing new starts; objects that were in flight have finished. Resume to go on.'
    case 'verifying':
      return 'Copy done: checking every object on the destination against the source.'
    case 'waiting-for-credentials':
      return 'The destination refused the run’s keys (they expired or were changed). Enter new ones to go on.'
    case 'interrupted':
      return 'The app stopped while this run was under way. Resume continues it as a new run; what was copied is kept.'
    case 'needs-credentials':
      return 'The run ended because the destination’s keys expired and no new ones were given.'
    default:
      return null
  }
}

/** One run, live: progress, throughput, workers, failures, its controls and, at the end, its result. */
export function JobScreen(): ReactNode {
  const id = useNavigation((state) => state.path[0])
  const job = useJob(id)
  const progress = useJobProgress(id)
  const extras = useJobsStore((state) => (id ? state.extras[id] : undefined))
  const report = useJobsStore((state) => (id ? state.reports[id] : undefined))
  const detailError = useJobsStore((state) => (id ? state.detailErrors[id] : undefined))
  const credentialsReason = useJobsStore((state) => (id ? state.credentialsRequests[id] : undefined))
  const [credentialsDismissed, setCredentialsDismissed] = useState(false)

  const finished = job ? isFinishedState(job.state) : false
  const failedCount = progress?.objects.failed ?? job?.totals.failed ?? 0

  // The whole detail on open and after a reload: main keeps the samples, so the chart comes back.
  useEffect(() => {
    if (id) void loadJobDetail(id)
  }, [id])

  // At the end: the final numbers and the report (verification, failures, files).
  useEffect(() => {
    if (!id || !finished) return
    void loadJobDetail(id)
    loadJobReport(id).catch(() => undefined)
  }, [id, finished])

  // New failures while running: fetch the recent events again for their reasons, at most once a second.
  useEffect(() => {
    if (!id || finished || failedCount === 0) return
    const timer = setTimeout(() => void loadJobDetail(id), 1000)
    return () => clearTimeout(timer)
  }, [id, finished, failedCount])

  // A new request for keys opens the modal again even if the last one was put off.
  const waiting = job?.state === 'waiting-for-credentials' || credentialsReason !== undefined
  const [wasWaiting, setWasWaiting] = useState(waiting)
  if (wasWaiting !== waiting) {
    setWasWaiting(waiting)
    if (waiting) setCredentialsDismissed(false)
  }

  if (!id) {
    return (
      <>
        <ScreenHeader title="Run" description="No run selected." />
        <Button variant="light" onClick={() => navigate('history')}>
          See all runs in History
        </Button>
      </>
    )
  }

  if (!job) {
    return (
      <Stack>
        <ScreenHeader title="Run" description={id} />
        {detailError ? (
          <Alert color="red" title="This run cannot be shown" role="alert">
            {detailError}{' '}
            <Anchor component="button" onClick={() => navigate('history')}>
              Go to History
            </Anchor>
          </Alert>
        ) : (
          <Group gap="xs">
            <Loader size="sm" />
            <Text c="dimmed">Loading the run…</Text>
          </Group>
        )}
      </Stack>
    )
  }

  const numbers = progressNumbers(job, progress)
  const note = stateNote(job.state, job.cancelRequested)
  const failures = failuresOf(extras?.events ?? [], report)
  const accessKeyId = extras?.spec.target.credentials?.accessKeyId ?? ''
  const live = !finished

  return (
    <Stack gap="md">
      <Anchor component="button" size="sm" onClick={() => navigate('history')} w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} /> All runs
        </Group>
      </Anchor>

      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} miw={0} style={{ flex: '1 1 320px' }}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {job.name}
            </Title>
            <JobStateBadge job={job} size="lg" />
            {job.mode !== 'copy' && (
              <Badge variant="outline" color="gray">
                {modeLabel(job.mode)}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="wrap" data-testid="job-route">
            <Text size="sm" fw={500}>
              {sourceText(job.source)}
            </Text>
            <IconArrowRight size={14} aria-label="to" />
            <Text size="sm" fw={500}>
              {targetText(job.target)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {job.startedAt
              ? `Started ${formatDateTime(job.startedAt)}`
              : `Queued ${formatDateTime(job.createdAt)}`}
            {job.finishedAt && ` · finished ${formatDateTime(job.finishedAt)}`} · by {job.startedBy}
            {job.workers !== null && ` · ${job.workers} workers`}
          </Text>
        </Stack>
        <JobControls
          job={job}
          failedCount={failedCount}
          onEnterCredentials={() => setCredentialsDismissed(false)}
        />
      </Group>

      {note && (
        <Alert
          color={
            job.state === 'waiting-for-credentials' || job.state === 'needs-credentials' ? 'orange' : 'blue'
          }
          variant="light"
          role="status"
          data-testid="state-note"
        >
          {note}
        </Alert>
      )}
      {job.retryOf && (
        <Text size="sm" c="dimmed">
          This run continues{' '}
          <Anchor component="button" size="sm" onClick={() => navigate('job', job.retryOf ?? '')}>
            an earlier run
          </Anchor>
          .
        </Text>
      )}
      {job.rerunBy && (
        <Alert color="gray" variant="light">
          This run was run again.{' '}
          <Anchor component="button" onClick={() => navigate('job', job.rerunBy ?? '')}>
            Open the newer run
          </Anchor>
        </Alert>
      )}

      <ProgressPanel numbers={numbers} finished={finished} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: live ? 8 : 12 }}>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-labelledby="throughput-title"
            h="100%"
          >
            <Title order={2} size="h4" id="throughput-title" mb="xs">
              Throughput
            </Title>
            <ThroughputChart samples={numbers.samples} limitMb={job.bandwidthLimitMb} />
          </Paper>
        </Grid.Col>
        {live && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper
              withBorder
              p="md"
              radius="md"
              component="section"
              aria-labelledby="bandwidth-title"
              h="100%"
            >
              <Title order={2} size="h4" id="bandwidth-title" mb="xs">
                Bandwidth
              </Title>
              <BandwidthControl
                jobId={job.id}
                currentMb={job.bandwidthLimitMb}
                disabled={job.cancelRequested}
              />
            </Paper>
          </Grid.Col>
        )}
      </Grid>

      {live && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="workers-title">
          <Title order={2} size="h4" id="workers-title" mb="xs">
            Workers
          </Title>
          <WorkersList
            workers={numbers.workers}
            emptyText={
              job.state === 'paused'
                ? 'Paused: no object is being copied.'
                : job.state === 'queued' || job.state === 'planning'
                  ? 'Workers start once the listing is read.'
                  : 'No object in flight right now.'
            }
          />
        </Paper>
      )}

      {finished && <ResultPanel job={job} report={report} />}

      <FailuresTable
        failures={failures}
        failedCount={failedCount}
        action={finished && failedCount > 0 && job.state !== 'interrupted' ? <RetryButton job={job} /> : null}
      />

      {(waiting || credentialsReason !== undefined) && !credentialsDismissed && live && (
        <CredentialsModal
          jobId={job.id}
          opened
          reason={credentialsReason ?? null}
          accessKeyId={accessKeyId}
          fromProfile={job.profiles !== null || job.definitionId !== null}
          onClose={() => setCredentialsDismissed(true)}
        />
      )}
    </Stack>
  )
}

/** "Retry failed" next to the failures: a new run that copies what is missing or changed. */
function RetryButton({ job }: { job: JobSummary }): ReactNode {
  const again = useRerun(job.id)
  return (
    <Stack gap={4} align="flex-end">
      <Button size="sm" loading={again.busy} onClick={again.rerun}>
        {rerunLabel(job)}
      </Button>
      {again.error && (
        <Text size="xs" c="red" role="alert" maw={360}>
          {again.error}
        </Text>
      )}
      {again.prompt}
    </Stack>
  )
}
