import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useState, type FormEvent, type ReactNode } from 'react'
import { answerSecret, useSecretPrompt } from './secret-prompt'

/** The modal behind askForSecret: one password field, used for this run only. */
export function SecretPromptModal(): ReactNode {
  const pending = useSecretPrompt((state) => state.pending)
  return (
    <Modal opened={pending !== null} onClose={() => answerSecret(null)} title="A secret is needed to start">
      {/* Keyed by the field so a second question starts with an empty input. */}
      {pending && <SecretForm key={pending.field} message={pending.message} />}
    </Modal>
  )
}

function SecretForm({ message }: { message: string }): ReactNode {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (value === '') {
      setError('Enter the secret, or cancel.')
      return
    }
    answerSecret(value)
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="md">
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
          <Button variant="default" onClick={() => answerSecret(null)}>
            Cancel
          </Button>
          <Button type="submit">Continue</Button>
        </Group>
      </Stack>
    </form>
  )
}
