import { IconSettings } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useAppInfo } from '../../stores/app-info'

/** Defaults for new migrations and app preferences. */
export function SettingsScreen(): ReactNode {
  const info = useAppInfo((state) => state.info)
  return (
    <>
      <ScreenHeader title="Settings" description="Defaults for new migrations, logs and notifications." />
      <EmptyState icon={<IconSettings size={32} />} title="Defaults come with the engine">
        Worker count, bandwidth limit, multipart threshold and log retention will be set here.
        {info ? ` ${info.name} ${info.version} on ${info.platform}.` : ''}
      </EmptyState>
    </>
  )
}
