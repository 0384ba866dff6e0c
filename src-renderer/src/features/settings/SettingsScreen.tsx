import { Alert, Button, Loader, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import { ScreenHeader } from '../../components/ScreenHeader'
import { loadSettings, useSettings } from '../../stores/settings'
import { SettingsForm } from './SettingsForm'

/** Defaults for new migrations, limits for all of them, logs, notifications, and the app itself. */
export function SettingsScreen(): ReactNode {
  const status = useSettings((state) => state.status)
  const view = useSettings((state) => state.view)
  const error = useSettings((state) => state.error)

  useEffect(() => {
    void loadSettings()
  }, [])

  return (
    <>
      <ScreenHeader
        title="Settings"
        description="Defaults for new migrations, limits for all of them, logs, notifications and the app."
      />
      {error !== null && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="The settings could not be loaded"
          mb="md"
        >
          <Stack gap="xs" align="flex-start">
            {error}
            <Button size="xs" variant="default" onClick={() => void loadSettings()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {view ? (
        // A fresh form when main's saved settings are read again (a reload of the screen).
        <SettingsForm key={view.file} view={view} />
      ) : (
        status === 'loading' && <Loader aria-label="Loading settings" />
      )}
    </>
  )
}
