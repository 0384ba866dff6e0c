import { IconPlugConnected } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'

/** Saved connections: OpenStack sources and S3 destinations. */
export function ProfilesScreen(): ReactNode {
  return (
    <>
      <ScreenHeader title="Profiles" description="Saved connections to OpenStack Swift and S3." />
      <EmptyState icon={<IconPlugConnected size={32} />} title="No connections yet">
        Add your OpenStack connection (an application credential, a password or an openrc file) and your S3
        destination (AWS or any S3-compatible store). Secrets are kept in the system keychain.
      </EmptyState>
    </>
  )
}
