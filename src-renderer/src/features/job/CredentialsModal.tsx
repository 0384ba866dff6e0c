import {
  Alert,
  Button,
  Code,
  Divider,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'
import { CallError } from '../../ipc/bridge'
import { provideJobCredentials, reloadJobCredentials } from '../../stores/jobs'

type Field = 'accessKeyId' | 'secretAccessKey' | 'sessionToken'

/**
 * Asks for new S3 keys when the destination refused the ones the run started with (expired or rotated).
 * Two ways out: main reads the saved migration's S3 profile again (its secret may just have been
 * replaced on the Profiles screen, or its AWS profile renewed), or the user types keys for this run.
 * Typed keys go to main once and are never read back: this form forgets them when it closes. The run
 * holds its workers meanwhile and continues from where it stopped.
 */
export function CredentialsModal({
  jobId,
  opened,
  reason,
  accessKeyId: knownKeyId,
  fromProfile,
  onClose,
}: {
  jobId: string
  opened: boolean
  reason: string | null
  /** The key id the run used; an identifier, not a secret, offered as a starting point. */
  accessKeyId: string
  /** The run came from a saved migration, so main can read its S3 profile again. */
  fromProfile: boolean
  onClose: () => void
}): ReactNode {
  const [accessKeyId, setAccessKeyId] = useState(knownKeyId)
  const [secretAccessKey, setSecretAccessKey] = useState('')
  const [sessionToken, setSessionToken] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [reloading, setReloading] = useState(false)
  const [reloadFailure, setReloadFailure] = useState<string | null>(null)

  function close(): void {
    // Forget the secrets: they were handed to main or abandoned.
    setSecretAccessKey('')
    setSessionToken('')
    setErrors({})
    setFailure(null)
    setReloadFailure(null)
    onClose()
  }

  async function takeProfileKeys(): Promise<void> {
    setReloadFailure(null)
    setFailure(null)
    setReloading(true)
    try {
      await reloadJobCredentials(jobId)
      close()
    } catch (error) {
      setReloadFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setReloading(false)
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    if (!accessKeyId.trim()) found.accessKeyId = 'Enter the access key ID.'
    if (!secretAccessKey) found.secretAccessKey = 'Enter the secret access key.'
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      await provideJobCredentials({
        id: jobId,
        accessKeyId: accessKeyId.trim(),
        secretAccessKey,
        ...(sessionToken.trim() !== '' && { sessionToken: sessionToken.trim() }),
      })
      close()
    } catch (error) {
      const field = error instanceof CallError ? error.field : undefined
      const text = error instanceof Error ? error.message : String(error)
      if (field === 'accessKeyId' || field === 'secretAccessKey' || field === 'sessionToken') {
        setErrors({ [field]: text })
      } else {
        setFailure(text)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="New S3 credentials needed"
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="New S3 credentials">
        <Stack gap="sm">
          <Text size="sm">
            The destination stopped accepting this run’s keys. The run is holding; give it keys that work now
            and it continues where it stopped.
          </Text>
          {reason && (
            <Text size="xs" c="dimmed" data-testid="credentials-reason">
              What S3 said: {reason}
            </Text>
          )}
          {fromProfile && (
            <Paper withBorder p="sm" radius="md">
              <Stack gap="xs">
                <Text size="sm">
                  After you replaced the secret on the Profiles screen, or renewed the AWS profile with{' '}
                  <Code>aws sso login</Code>, the run can read the S3 profile again and take the keys it holds
                  now.
                </Text>
                <Group>
                  <Button
                    type="button"
                    variant="light"
                    onClick={() => void takeProfileKeys()}
                    loading={reloading}
                    disabled={busy}
                  >
                    Use the profile’s current keys
                  </Button>
                </Group>
                {reloadFailure && (
                  <Alert color="red" title="The profile gave no keys that could be used" role="alert">
                    {reloadFailure}
                  </Alert>
                )}
              </Stack>
            </Paper>
          )}
          {fromProfile && <Divider label="or enter keys for this run only" labelPosition="center" />}
          {!fromProfile && (
            <Text size="sm" c="dimmed">
              Keys typed here are used for this run only and are not saved.
            </Text>
          )}
          <TextInput
            label="Access key ID"
            value={accessKeyId}
            onChange={(event) => setAccessKeyId(event.currentTarget.value)}
            error={errors.accessKeyId}
            required
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          <PasswordInput
            label="Secret access key"
            value={secretAccessKey}
            onChange={(event) => setSecretAccessKey(event.currentTarget.value)}
            error={errors.secretAccessKey}
            required
            autoComplete="off"
          />
          <PasswordInput
            label="Session token"
            description="Only for temporary credentials (AWS STS); leave empty otherwise."
            value={sessionToken}
            onChange={(event) => setSessionToken(event.currentTarget.value)}
            error={errors.sessionToken}
            autoComplete="off"
          />
          {failure && (
            <Alert color="red" title="The keys were not taken">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Later
            </Button>
            <Button type="submit" loading={busy} disabled={reloading}>
              Continue the run
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
