import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import {
  IconFileText,
  IconKey,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
} from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import { isFinishedState } from '../../components/JobStateBadge'
import { cancelJob, pauseJob, resumeJob } from '../../stores/jobs'
import { navigate } from '../../stores/navigation'
import { useRerun } from './use-rerun'

type Busy = 'pause' | 'resume' | 'cancel' | null

/**
 * Pause, resume, cancel (after a confirmation) and, once finished, run again, as the run's state allows.
 * Resuming an interrupted run or running again starts a new run linked to this one: the page moves to it.
 */
export function JobControls({
  job,
  failedCount,
  onEnterCredentials,
}: {
  job: JobSummary
  /** With failures the failures table offers "Retry failed" instead. */
  failedCount: number
  onEnterCredentials: () => void
}): ReactNode {
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const again = useRerun(job.id)
  // An interrupted run resumes as a new run; its secrets may have to be asked for again, as for a rerun.
  const resumeInterrupted = useRerun(job.id, resumeJob)

  const finished = isFinishedState(job.state)
  const stopping = job.cancelRequested && !finished

  async function act(kind: Exclude<Busy, null>, action: () => Promise<JobSummary>): Promise<void> {
    setBusy(kind)
    setError(null)
    try {
      const next = await action()
      if (next.id !== job.id) navigate('job', next.id)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" justify="flex-end">
        {job.state === 'waiting-for-credentials' && !stopping && (
          <Button leftSection={<IconKey size={16} />} color="orange" onClick={onEnterCredentials}>
            Enter new keys
          </Button>
        )}
        {!finished && !stopping && job.state !== 'queued' && job.state !== 'paused' && (
          <Button
            variant="default"
            leftSection={<IconPlayerPause size={16} />}
            loading={busy === 'pause'}
            onClick={() => void act('pause', () => pauseJob(job.id))}
          >
            Pause
          </Button>
        )}
        {(job.state === 'paused' || job.state === 'interrupted') && !stopping && (
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            loading={busy === 'resume' || resumeInterrupted.busy}
            onClick={() =>
              job.state === 'interrupted'
                ? resumeInterrupted.rerun()
                : void act('resume', () => resumeJob(job.id))
            }
          >
            Resume
          </Button>
        )}
        {!finished && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconPlayerStop size={16} />}
            loading={busy === 'cancel' || stopping}
            disabled={stopping}
            onClick={() => setConfirmCancel(true)}
          >
            {stopping ? 'Cancelling…' : 'Cancel'}
          </Button>
        )}
        {finished && job.state !== 'interrupted' && failedCount === 0 && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={again.busy}
            onClick={again.rerun}
          >
            Run again
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconFileText size={16} />}
          onClick={() => navigate('logs', job.id)}
        >
          Open log
        </Button>
      </Group>
      {(error ?? again.error ?? resumeInterrupted.error) && (
        <Alert color="red" variant="light" p="xs" role="alert" maw={520}>
          {error ?? again.error ?? resumeInterrupted.error}
        </Alert>
      )}

      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title="Cancel this run?" centered>
        <Stack gap="md">
          <Text size="sm">
            {job.state === 'queued'
              ? 'The run leaves the queue without copying anything.'
              : 'Objects being copied now finish, then the run stops and writes its report. What was copied stays in the bucket; running it again copies only the rest.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmCancel(false)} data-autofocus>
              Keep running
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmCancel(false)
                void act('cancel', () => cancelJob(job.id))
              }}
            >
              Cancel run
            </Button>
          </Group>
        </Stack>
      </Modal>
      {again.prompt}
      {resumeInterrupted.prompt}
    </Stack>
  )
}
