import { Badge, Button, Group, Input, PasswordInput, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useId, useState, type ReactNode } from 'react'
import type { SecretEdit, SecretOrigin } from './form-support'

interface SecretInputProps {
  label: string
  /** Where the secret stands in main (or that an import found it). */
  origin: SecretOrigin
  edit: SecretEdit
  onChange: (edit: SecretEdit) => void
  error?: ReactNode
  /** Shown under a typed input. */
  description?: ReactNode
}

const STORED: Record<Exclude<SecretOrigin, 'unset'>, { badge: string; hint: string }> = {
  set: { badge: 'Set', hint: 'Stored by the app; it is never shown again.' },
  session: {
    badge: 'Set for this session',
    hint: 'Kept in memory only; you will be asked again after the engine restarts.',
  },
  imported: { badge: 'Found in the imported file', hint: 'It is stored when you save the profile.' },
}

/**
 * A write-only secret. The renderer never has the saved value: a stored secret shows as "Set" with
 * Replace and Clear; a new one (or a replacement) is typed into a password input and sent on save.
 */
export function SecretInput({
  label,
  origin,
  edit,
  onChange,
  error,
  description,
}: SecretInputProps): ReactNode {
  const labelId = useId()
  // The button pressed disappears with the view it was in; focus moves to what replaced it, so a
  // keyboard user is not dropped at the top of the page. Nothing takes focus on the first render.
  const [switched, setSwitched] = useState(false)
  const change = (next: SecretEdit): void => {
    setSwitched(true)
    onChange(next)
  }
  if (origin === 'unset' || edit.action === 'set') {
    return (
      <PasswordInput
        label={label}
        value={edit.value}
        onChange={(event) => onChange({ action: 'set', value: event.currentTarget.value })}
        error={error}
        description={
          origin === 'unset' ? description : 'Type the new secret; it replaces the stored one when you save.'
        }
        autoComplete="new-password"
        autoFocus={switched && origin !== 'unset'}
        leftSection={<IconLock size={16} aria-hidden />}
        {...(origin !== 'unset' && {
          inputContainer: (children: ReactNode) => (
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ flex: 1 }}>{children}</div>
              <Button variant="default" onClick={() => change({ action: 'keep', value: '' })}>
                Keep stored
              </Button>
            </Group>
          ),
        })}
      />
    )
  }
  const stored = STORED[origin]
  const clearing = edit.action === 'clear'
  return (
    <Input.Wrapper label={label} error={error} labelElement="div" labelProps={{ id: labelId }}>
      <Group gap="xs" mih={36} wrap="wrap" role="group" aria-labelledby={labelId}>
        <Badge
          variant="light"
          tt="none"
          size="lg"
          fw={600}
          color={clearing ? 'red' : origin === 'session' ? 'yellow' : 'teal'}
          leftSection={<IconLock size={14} aria-hidden />}
        >
          {clearing ? 'Cleared when you save' : stored.badge}
        </Badge>
        {clearing ? (
          <Button
            size="xs"
            variant="default"
            autoFocus={switched}
            onClick={() => change({ action: 'keep', value: '' })}
          >
            Undo
          </Button>
        ) : (
          <>
            <Button
              size="xs"
              variant="default"
              aria-label={`Replace ${label.toLowerCase()}`}
              autoFocus={switched}
              onClick={() => change({ action: 'set', value: '' })}
            >
              Replace
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={`Clear ${label.toLowerCase()}`}
              onClick={() => change({ action: 'clear', value: '' })}
            >
              Clear
            </Button>
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {clearing ? 'The stored secret is removed when you save.' : stored.hint}
      </Text>
    </Input.Wrapper>
  )
}
