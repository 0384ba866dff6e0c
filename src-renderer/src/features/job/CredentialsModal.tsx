import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'
import { CallError } from '../../ipc/bridge'
import { provideJobCredentials } from '../../stores/jobs'

type Field = 'accessKeyId' | 'secretAccessKey' | 'sessionToken'

/**
 * Asks for new S3 keys when the destination refused the ones the run started with (expired or rotated).
 * The keys go to main once and are never read back: this form forgets them when it closes. The run
 * holds its workers meanwhile and continues from where it stopped.
 */
export function CredentialsModal({
  jobId,
  opened,
  reason,
  accessKeyId: knownKeyId,
  onClose,
}: {
  jobId: string
  opened: boolean
  reason: string | null
  /** The key id the run used; an identifier, not a secret, offered as a starting point. */
  accessKeyId: string
  onClose: () => void
}): ReactNode {
  const [accessKeyId, setAccessKeyId] = useState(knownKeyId)
  const [secretAccessKey, setSecretAccessKey] = useState('')
  const [sessionToken, setSessionToken] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function close(): void {
    // Forget the secrets: they were handed to main or abandoned.
    setSecretAccessKey('')
    setSessionToken('')
    setErrors({})
    setFailure(null)
    onClose()
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
            The destination stopped accepting this run’s keys. The run is holding; enter keys that work now
            and it continues where it stopped. They are used for this run only and are not saved.
          </Text>
          {reason && (
            <Text size="xs" c="dimmed" data-testid="credentials-reason">
              What S3 said: {reason}
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
            <Button type="submit" loading={busy}>
              Continue the run
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
