import { Button } from '@mantine/core'
import { IconArrowsTransferUp } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { navigate } from '../../stores/navigation'

/** Saved migrations and running jobs. */
export function MigrationsScreen(): ReactNode {
  return (
    <>
      <ScreenHeader title="Migrations" description="Copy containers from OpenStack Swift into S3 buckets." />
      <EmptyState
        icon={<IconArrowsTransferUp size={32} />}
        title="No migrations yet"
        action={<Button onClick={() => navigate('profiles')}>Set up connections</Button>}
      >
        A migration copies one or more Swift containers into a bucket and proves every object arrived intact.
        Start by adding your OpenStack connection and your S3 destination.
      </EmptyState>
    </>
  )
}
