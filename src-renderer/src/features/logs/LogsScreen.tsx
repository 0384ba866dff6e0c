import { IconFileText } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'

/** Log files and reports of past runs. */
export function LogsScreen(): ReactNode {
  return (
    <>
      <ScreenHeader title="Logs" description="The log file and verification report of every run." />
      <EmptyState icon={<IconFileText size={32} />} title="No runs yet">
        Each run writes a log file named after its date, container and bucket, and a verification report you
        can export and hand on.
      </EmptyState>
    </>
  )
}
