import { Badge } from '@mantine/core'
import { IconCalendarTime } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'

/**
 * How a run came about, when a schedule had a part in it: "Scheduled" for a run a schedule started
 * (or skipped) at its due time, "Schedule, run now" for a schedule's migration started by hand with
 * Run now. Runs started from Migrations show nothing. The title names the schedule.
 */
export function TriggerBadge({
  job,
}: {
  job: Pick<JobSummary, 'trigger' | 'scheduleId' | 'startedBy'>
}): ReactNode {
  if (job.trigger === 'schedule') {
    return (
      <Badge
        size="xs"
        variant="light"
        color="indigo"
        tt="none"
        leftSection={<IconCalendarTime size={10} aria-hidden />}
        title={`Started by ${job.startedBy}`}
        data-testid="history-scheduled"
      >
        Scheduled
      </Badge>
    )
  }
  if (job.scheduleId !== null) {
    return (
      <Badge
        size="xs"
        variant="outline"
        color="indigo"
        tt="none"
        leftSection={<IconCalendarTime size={10} aria-hidden />}
        title={`Run now, by ${job.startedBy}`}
        data-testid="history-schedule-run-now"
      >
        Schedule, run now
      </Badge>
    )
  }
  return null
}
