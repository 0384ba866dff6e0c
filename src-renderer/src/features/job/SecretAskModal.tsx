import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'

/**
 * Asks for one secret the vault lacks (main named it in an AUTH error) so a run of an earlier session
 * can be retried. The value goes into that one call and is forgotten.
 */
export function SecretAskModal({
  message,
  onAnswer,
}: {
  /** Main's words: which profile needs which secret. */
  message: string
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
    <Modal opened onClose={() => onAnswer(null)} title="A secret is needed" centered>
      <form onSubmit={submit} noValidate aria-label="Secret for this run">
        <Stack gap="sm">
          <Text size="sm">{message}</Text>
          <PasswordInput
            label="Secret"
            description="Used for this run only; not saved."
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
