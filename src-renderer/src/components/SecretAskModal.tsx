import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'

/**
 * Asks for one secret the vault lacks (main named it in an AUTH error) so a run can start: a saved
 * migration, the New Migration form's preview or start, or a rerun of a run from an earlier session.
 * The value goes into that run's calls only and is never saved.
 */
export function SecretAskModal({
  title,
  message,
  onAnswer,
}: {
  title: string
  /** Main's words: which profile needs which secret. */
  message: string
  /** The value typed, or null when the person cancelled. */
  onAnswer: (value: string | null) => void
}): ReactNode {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (!value) {
      setError('Enter the secret, or cancel.')
      return
    }
    onAnswer(value)
  }

  return (
    <Modal opened onClose={() => onAnswer(null)} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{message}</Text>
          <PasswordInput
            label="Secret"
            description="Used for this run only and not saved. To keep it, set it on the profile."
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value)
              setError(null)
            }}
            error={error}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onAnswer(null)}>
              Cancel
            </Button>
            <Button type="submit">Continue</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
