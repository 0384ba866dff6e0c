import { IconHistory } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'

/** Past runs with their verification summary, reports and logs. */
export function HistoryScreen(): ReactNode {
  return (
    <>
      <ScreenHeader title="History" description="Every run, its result and its verification report." />
      <EmptyState icon={<IconHistory size={32} />} title="No runs yet">
        Runs you start appear here with what was copied and verified.
      </EmptyState>
    </>
  )
}
