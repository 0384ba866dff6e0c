import { IconCalendarTime } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'

/** Migrations that run themselves. */
export function SchedulesScreen(): ReactNode {
  return (
    <>
      <ScreenHeader title="Schedules" description="Run saved migrations on a timetable." />
      <EmptyState icon={<IconCalendarTime size={32} />} title="Nothing scheduled">
        After the first full copy, a nightly catch-up keeps the bucket in step with Swift until the cut-over.
        Schedules are made from saved migrations.
      </EmptyState>
    </>
  )
}
