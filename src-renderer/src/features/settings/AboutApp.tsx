import { Alert, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconLock } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { VaultInfo } from '../../../../src-preload/contract/secrets'
import type { AppInfo } from '../../../../src-preload/contract/types'
import { secretsStatus } from './secrets-status'

interface AboutAppProps {
  info: AppInfo | null
  vault: VaultInfo | null
  vaultError: string | null
  file: string
}

/** The app's version and mode, and where secrets and settings are kept. */
export function AboutApp({ info, vault, vaultError, file }: AboutAppProps): ReactNode {
  const status = vault ? secretsStatus(vault, info?.mode) : null
  const runtime = info
    ? [
        info.versions.electron && `Electron ${info.versions.electron}`,
        `Node ${info.versions.node}`,
        info.platform,
      ]
        .filter(Boolean)
        .join(', ')
    : ''
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="about-version">
        {info
          ? `${info.name} ${info.version}, ${info.mode === 'desktop' ? 'desktop app' : 'browser mode'} (${runtime})`
          : 'Connecting to the engine…'}
      </Text>
      {vaultError !== null ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          The engine did not say how it keeps secrets: {vaultError}
        </Alert>
      ) : status?.tone === 'ok' ? (
        <Group gap={6} wrap="nowrap" data-testid="secrets-status">
          <IconLock size={16} aria-hidden />
          <Text size="sm">{status.text}</Text>
        </Group>
      ) : status ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          data-testid="secrets-status"
        >
          {status.text}
        </Alert>
      ) : null}
      <Text size="xs" c="dimmed">
        Settings are kept in {file}.
      </Text>
    </Stack>
  )
}
