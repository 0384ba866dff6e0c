import { Badge, Group, Text, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobSummary, VerificationClass } from '../../../../src-preload/contract/jobs'
import { formatCount } from './format'

type Counts = NonNullable<JobSummary['verification']>

const CLASSES: ReadonlyArray<{
  key: VerificationClass | 'extras'
  label: string
  color: string
  help: string
  /** Shown even at zero: the reassuring classes are worth seeing as 0 only when something else is not. */
  always: boolean
}> = [
  {
    key: 'verified-md5',
    label: 'Verified (MD5)',
    color: 'green',
    help: 'The target’s checksum equals the source object’s MD5.',
    always: true,
  },
  {
    key: 'verified-recorded',
    label: 'Verified (recorded)',
    color: 'teal',
    help: 'Segmented (large) objects: the source’s recorded ETag and size match the target.',
    always: false,
  },
  {
    key: 'mismatched',
    label: 'Mismatched',
    color: 'red',
    help: 'On the target, but different from the source.',
    always: false,
  },
  { key: 'missing', label: 'Missing', color: 'red', help: 'Not on the target.', always: false },
  {
    key: 'extras',
    label: 'Extra on target',
    color: 'gray',
    help: 'On the target but not in the source (kept unless mirror mode deleted them).',
    always: false,
  },
]

/** How many objects verification looked at; 0 when it did not run (a run cancelled or failed before it). */
export function checkedCount(counts: Counts): number {
  return counts['verified-md5'] + counts['verified-recorded'] + counts.mismatched + counts.missing
}

/** Whether verification ran and every object it checked is verified one way or the other. */
export function allVerified(counts: Counts): boolean {
  return checkedCount(counts) > 0 && counts.mismatched === 0 && counts.missing === 0
}

/**
 * The verification by class, in the report's words. `listingComplete` says whether the Swift listing
 * returned every object the container reports (null or absent: the report cannot tell).
 */
export function VerificationSummary({
  counts,
  listingComplete,
  size = 'md',
}: {
  counts: Counts | null
  listingComplete?: boolean | null
  size?: 'sm' | 'md'
}): ReactNode {
  if (!counts || (checkedCount(counts) === 0 && counts.extras === 0)) {
    return (
      <Text size="sm" c="dimmed">
        Not verified
      </Text>
    )
  }
  return (
    <Group gap={6} data-testid="verification" aria-label="Verification summary" role="group">
      {CLASSES.filter(({ key, always }) => always || counts[key] > 0).map(({ key, label, color, help }) => (
        <Tooltip key={key} label={help} multiline maw={280} openDelay={300}>
          <Badge
            color={color}
            variant={key === 'mismatched' || key === 'missing' ? 'filled' : 'light'}
            size={size}
            tt="none"
            data-class={key}
            tabIndex={0}
          >
            {label}: {formatCount(counts[key])}
          </Badge>
        </Tooltip>
      ))}
      {listingComplete !== undefined && listingComplete !== null && (
        <Tooltip
          label={
            listingComplete
              ? 'The Swift listing returned every object the container reports.'
              : 'The Swift listing and the container’s object count differ: re-run verification if the container was being written to.'
          }
          multiline
          maw={280}
          openDelay={300}
        >
          <Badge
            color={listingComplete ? 'gray' : 'orange'}
            variant="outline"
            size={size}
            tt="none"
            data-class="listing"
            tabIndex={0}
          >
            {listingComplete ? 'Listing complete' : 'Listing incomplete'}
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}
