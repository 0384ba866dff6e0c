import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconRefresh, IconTerminal2 } from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import type { ProfileList } from '../../../../../src-preload/contract/profiles'
import { useJob, useJobProgress } from '../../../stores/jobs'
import { useSettings } from '../../../stores/settings'
import { showCliCommand } from '../cli-command'
import { plural } from '../format'
import { suggestName, toDraft, type WizardValues } from './draft'
import { metadataSummary } from './metadata-draft'
import { PlanNumbers } from './PlanNumbers'
import {
  cancelPreview,
  previewKey,
  runPreview,
  updateValues,
  useWizard,
  type PreviewState,
} from './wizard-store'

/** Step 6: what the run would do, from a dry run, and the name to save it under. */
export function PreviewStep({ saved, aws }: { saved: ProfileList; aws: boolean }): ReactNode {
  const values = useWizard((state) => state.values)
  const preview = useWizard((state) => state.preview)
  const nameError = useWizard((state) => state.errors['name'])
  // Every run also passes the global limit; Settings are loaded at start-up (none known: no limit).
  const globalBandwidth = useSettings((state) => state.view?.settings.globalBandwidthMb ?? null)
  const key = previewKey(values)
  const stale = preview.status !== 'idle' && preview.key !== key

  // A preview for exactly these choices is made once on arrival; after a failure the user retries.
  useEffect(() => {
    const { preview: current } = useWizard.getState()
    if (current.status === 'idle' || (current.key !== key && current.status !== 'running'))
      void runPreview(aws)
  }, [key, aws])

  return (
    <Stack gap="md">
      <Summary values={values} saved={saved} />
      <Card withBorder padding="md" aria-labelledby="preview-title" component="section">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5" id="preview-title">
            Preview
          </Title>
          {(preview.status === 'done' || preview.status === 'failed') && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              onClick={() => void runPreview(aws)}
            >
              {stale ? 'Update the preview' : 'Run the preview again'}
            </Button>
          )}
        </Group>
        <PreviewBody
          preview={preview}
          stale={stale}
          bandwidth={values.bandwidthLimitMb === '' ? null : values.bandwidthLimitMb}
          globalBandwidth={globalBandwidth}
          mirror={values.mirror}
        />
      </Card>
      <TextInput
        label="Name"
        description="Needed to save the migration; runs are listed under it."
        placeholder={suggestName(values)}
        value={values.name}
        onChange={(event) => updateValues({ name: event.currentTarget.value }, 'name')}
        error={nameError}
        maxLength={100}
      />
    </Stack>
  )
}

function PreviewBody(props: {
  preview: PreviewState
  stale: boolean
  bandwidth: number | null
  globalBandwidth: number | null
  mirror: boolean
}): ReactNode {
  const { preview, stale, bandwidth, globalBandwidth, mirror } = props
  if (preview.status === 'idle') {
    return (
      <Text size="sm" c="dimmed">
        The preview compares the containers with the bucket without copying anything.
      </Text>
    )
  }
  if (preview.status === 'running') return <PreviewRunning jobId={preview.jobId} />
  if (preview.status === 'failed') {
    return (
      <Alert color="red" title="The preview failed" role="alert">
        {preview.error}
      </Alert>
    )
  }
  return (
    <Stack gap="sm">
      {stale && (
        <Text size="sm" c="orange" role="status">
          The choices changed since this preview; update it to see the new numbers.
        </Text>
      )}
      <PlanNumbers
        plan={preview.plan}
        bandwidth={bandwidth}
        globalBandwidth={globalBandwidth}
        mirror={mirror}
      />
    </Stack>
  )
}

function Summary({ values, saved }: { values: WizardValues; saved: ProfileList }): ReactNode {
  const from = saved.swift.find((p) => p.record.id === values.sourceProfileId)?.record.name ?? '—'
  const to = saved.s3.find((p) => p.record.id === values.targetProfileId)?.record.name ?? '—'
  const containers = values.allContainers ? 'all containers' : values.containers.join(', ')
  const bucket =
    values.bucketMode === 'per-container'
      ? `one bucket per container (${values.bucketPattern})`
      : `bucket ${values.bucket}`
  const filters = [
    values.prefix && `names starting with "${values.prefix}"`,
    values.include.length > 0 && `including ${values.include.join(', ')}`,
    values.exclude.length > 0 && `excluding ${values.exclude.join(', ')}`,
    values.directoryMarkers === 'skip' && 'without directory markers',
  ].filter(Boolean)
  const how = [
    `${values.maxWorkers} parallel transfers`,
    values.bandwidthLimitMb === '' ? 'no bandwidth limit' : `at most ${values.bandwidthLimitMb} MB/s`,
    values.deep && 'deep verification',
    values.mirror && `mirror mode (at most ${values.maxDeletions} deletions)`,
  ].filter(Boolean)
  return (
    <Card withBorder padding="md" component="section" aria-label="Summary">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="sm">
            <Text span fw={600}>
              From{' '}
            </Text>
            {from}: {containers}
            {filters.length > 0 && ` (${filters.join('; ')})`}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              To{' '}
            </Text>
            {to}: {bucket}
            {values.destPrefix.trim() && `, keys under "${values.destPrefix.trim()}"`}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              How{' '}
            </Text>
            {how.join(', ')}
          </Text>
          <Text size="sm" data-testid="summary-metadata">
            <Text span fw={600}>
              Metadata{' '}
            </Text>
            {metadataSummary(values)}
          </Text>
        </Stack>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconTerminal2 size={14} />}
          style={{ flexShrink: 0 }}
          onClick={() => {
            const name = values.name.trim() || suggestName(values)
            void showCliCommand({ definition: toDraft({ ...values, name }) }, name)
          }}
        >
          Copy as CLI command
        </Button>
      </Group>
    </Card>
  )
}

/** The dry run under way, as the shared jobs store follows it: its place in the queue, what it listed. */
function PreviewRunning({ jobId }: { jobId: string | null }): ReactNode {
  const job = useJob(jobId ?? undefined)
  const progress = useJobProgress(jobId ?? undefined)
  const listed = progress?.objects.total ?? job?.totals.objects ?? 0
  const ahead = job?.state === 'queued' ? job.queuePosition : null
  return (
    <Group justify="space-between" role="status">
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm">
          {ahead
            ? `Waiting: ${plural(ahead, 'run')} ahead.`
            : `Comparing Swift with the bucket… ${listed > 0 ? `${plural(listed, 'object')} listed so far.` : ''}`}
        </Text>
      </Group>
      <Button size="xs" variant="default" onClick={() => void cancelPreview()}>
        Stop
      </Button>
    </Group>
  )
}
