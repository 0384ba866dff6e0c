import { Button, Code, Group, Stack, Text } from '@mantine/core'
import { IconFolder } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import type { SettingsView } from '../../../../src-preload/contract/settings'

interface LogFolderProps {
  view: SettingsView
  /** Main's folder dialog; only in the desktop app. */
  onChoose: () => Promise<void>
  onUseDefault: () => Promise<void>
}

/**
 * Where runs write their logs and reports. The folder is chosen in main's own dialog (no page sends a
 * path); browser mode has no dialog on the engine's machine, so it says where the folder is instead.
 */
export function LogFolder({ view, onChoose, onUseDefault }: LogFolderProps): ReactNode {
  const [busy, setBusy] = useState(false)
  const custom = view.settings.logDir !== null
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Folder for logs and reports
      </Text>
      <Code block data-testid="log-folder">
        {view.logDir}
      </Code>
      {view.desktop ? (
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFolder size={16} />}
            onClick={run(onChoose)}
            loading={busy}
          >
            Choose folder…
          </Button>
          {custom && (
            <Button variant="subtle" onClick={run(onUseDefault)} disabled={busy}>
              Use the default folder
            </Button>
          )}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          In browser mode the folder is on the machine running the engine and cannot be chosen from this page.{' '}
          {custom ? 'It was set in the desktop app.' : 'This is the default, inside the data folder.'}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        A new folder is used by migrations started after the change; runs under way keep theirs.
      </Text>
    </Stack>
  )
}
