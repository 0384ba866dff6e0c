import { SimpleGrid, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobPlanSummary } from '../../../../../src-preload/contract/jobs'
import { formatBytes } from '../../job/format'
import { effectiveLimit, estimateSeconds, formatDuration, plural } from '../format'

function Stat({
  label,
  value,
  detail,
  testId,
}: {
  label: string
  value: string
  detail?: string
  testId: string
}): ReactNode {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
    </div>
  )
}

/** "1.2 MB. " before a detail, when the plan has the bytes (reports before they were recorded do not). */
function bytesOf(bytes: number | undefined): string {
  return bytes === undefined ? '' : `${formatBytes(bytes)}. `
}

/** How long the copy would take, at whichever limit holds it back, and whose limit that is. */
function timeEstimate(
  plan: JobPlanSummary,
  bandwidth: number | null,
  globalBandwidth: number | null,
): { value: string; detail: string } {
  if (plan.copy === 0) return { value: 'Nothing to copy', detail: 'Everything is already in the bucket.' }
  const limit = effectiveLimit(bandwidth, globalBandwidth)
  const seconds = estimateSeconds(plan.copyBytes, limit?.mb ?? null)
  if (limit === null || seconds === null) {
    return { value: 'Depends on the link', detail: 'No bandwidth limit is set, here or in Settings.' }
  }
  const whose = limit.from === 'migration' ? "this migration's limit" : 'the global limit in Settings'
  return { value: `About ${formatDuration(seconds)}`, detail: `at ${limit.mb} MB/s, ${whose}` }
}

/**
 * The dry run's plan in numbers, with the time it would take. The estimate uses the lower of the
 * migration's own limit and the global one from Settings, since every byte passes both.
 */
export function PlanNumbers({
  plan,
  bandwidth,
  globalBandwidth = null,
  mirror,
}: {
  plan: JobPlanSummary
  bandwidth: number | null
  globalBandwidth?: number | null
  mirror: boolean
}): ReactNode {
  const time = timeEstimate(plan, bandwidth, globalBandwidth)
  const extras = mirror
    ? {
        label: 'To delete (mirror)',
        value: plural(plan.delete, 'object'),
        detail:
          plan.extras > plan.delete
            ? `${bytesOf(plan.extrasBytes)}${plural(plan.extras, 'object')} only in the bucket: more than the cap, so none will be deleted.`
            : `${bytesOf(plan.deleteBytes)}Only in the bucket, not in Swift.`,
      }
    : {
        label: 'Only in the bucket',
        value: plural(plan.extras, 'object'),
        detail: `${bytesOf(plan.extrasBytes)}Left alone (mirror mode is off).`,
      }
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      <Stat
        testId="plan-copy"
        label="To copy"
        value={plural(plan.copy, 'object')}
        detail={formatBytes(plan.copyBytes)}
      />
      <Stat
        testId="plan-skip"
        label="Already there"
        value={plural(plan.skip, 'object')}
        detail={`${bytesOf(plan.skipBytes)}Same size and checksum: skipped.`}
      />
      <Stat testId="plan-delete" label={extras.label} value={extras.value} detail={extras.detail} />
      <Stat testId="plan-time" label="Estimated time" value={time.value} detail={time.detail} />
    </SimpleGrid>
  )
}
