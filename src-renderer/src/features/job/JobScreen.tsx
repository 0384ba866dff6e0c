import type { ReactNode } from 'react'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useNavigation } from '../../stores/navigation'

/** One run, live: progress, throughput, failures and its controls. */
export function JobScreen(): ReactNode {
  const id = useNavigation((state) => state.path[0])
  return <ScreenHeader title="Run" description={id ?? 'No run selected.'} />
}
