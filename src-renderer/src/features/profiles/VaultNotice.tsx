import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle, IconLock } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import type { VaultInfo } from '../../../../src-preload/contract/secrets'
import { allowInsecureSecrets } from '../../stores/profiles'

interface VaultNoticeProps {
  vault: VaultInfo | null
  /** Why `secrets.backend` failed, if it did. */
  error: string | null
  mode: 'desktop' | 'browser' | undefined
}

function Problem({ vault }: { vault: VaultInfo }): ReactNode {
  if (vault.problem === undefined) return null
  return (
    <Text size="sm" mt={4}>
      Why: {vault.problem}
    </Text>
  )
}

/**
 * The explicit agreement a `basic_text` system needs before secrets are written: asked in a dialog that
 * says what it means, and revocable (which takes them off the disk again).
 */
function InsecureConsent({ vault }: { vault: VaultInfo }): ReactNode {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!vault.consentPossible) return null

  async function answer(allow: boolean): Promise<void> {
    setBusy(true)
    setError(null)
    try {
      await allowInsecureSecrets(allow)
      setAsking(false)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  if (vault.persistent) {
    return (
      <Group mt="xs" gap="xs">
        <Button size="xs" variant="default" loading={busy} onClick={() => void answer(false)}>
          Stop storing secrets on disk
        </Button>
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
      </Group>
    )
  }
  return (
    <>
      <Button mt="xs" size="xs" variant="default" onClick={() => setAsking(true)}>
        Store secrets on disk anyway…
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Store secrets without a keyring?">
        <Stack gap="sm">
          <Text size="sm">
            Secrets would be written to the app&apos;s data folder protected only by a key every copy of the
            app knows, so anyone who can read your files can read them. Migrations and schedules could then
            run after a restart without asking.
          </Text>
          <Text size="sm">You can take them off the disk again here at any time.</Text>
          {error && (
            <Text size="sm" c="red">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Keep them for this session only
            </Button>
            <Button color="orange" loading={busy} onClick={() => void answer(true)}>
              Store them anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

/**
 * Says where secrets go: quietly when the system keychain keeps them, plainly when they cannot be
 * stored securely (no keyring, no encryption, or browser mode without a key) and what that means.
 */
export function VaultNotice({ vault, error, mode }: VaultNoticeProps): ReactNode {
  if (error !== null) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title="Unknown where secrets go"
      >
        The engine did not say how it keeps secrets: {error}
      </Alert>
    )
  }
  if (vault === null) return null
  const browser = mode === 'browser'
  switch (vault.kind) {
    case 'os-keychain':
      return (
        <Group gap={6} data-testid="vault-notice">
          <IconLock size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            Secrets are kept encrypted by the system keychain{vault.detail ? ` (${vault.detail})` : ''}.
          </Text>
        </Group>
      )
    case 'encrypted-file':
      return (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          data-testid="vault-notice"
          title={browser ? 'Browser mode: secrets encrypted on disk' : 'Secrets encrypted on disk'}
        >
          Secrets are kept encrypted in the data folder with the key given in SWIFT2S3_VAULT_KEY, and are
          still there after a restart. Anyone with that key can read them.
        </Alert>
      )
    case 'memory':
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          data-testid="vault-notice"
          title={browser ? 'Browser mode: secrets kept in memory only' : 'Secrets kept in memory only'}
        >
          Secrets you enter last until the engine stops; after that a migration asks for them again.
          {browser && ' To keep them encrypted on disk, start browser mode with SWIFT2S3_VAULT_KEY set.'}
          <Problem vault={vault} />
        </Alert>
      )
    case 'basic_text':
      return (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          data-testid="vault-notice"
          title="Secrets cannot be stored securely on this machine"
        >
          {vault.persistent
            ? 'This system has no keyring (its secret store is "basic_text"), and you agreed to store secrets anyway: anyone who can read your files can read them.'
            : 'This system has no keyring (its secret store is "basic_text"), so the app does not write secrets to disk. They are kept for this session; after a restart a migration asks for them again.'}
          <Problem vault={vault} />
          <InsecureConsent vault={vault} />
        </Alert>
      )
    case 'unavailable':
      return (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          data-testid="vault-notice"
          title="Secrets cannot be stored on this machine"
        >
          No encryption is available, so secrets are kept for this session only; after a restart a migration
          asks for them again.
          <Problem vault={vault} />
        </Alert>
      )
  }
}
