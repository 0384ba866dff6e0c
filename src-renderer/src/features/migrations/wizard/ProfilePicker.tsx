import { Anchor, Group, Radio, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export interface PickableProfile {
  id: string
  name: string
  /** Where it points, in a few words (auth URL, endpoint or provider). */
  detail: string
}

interface ProfilePickerProps {
  label: string
  profiles: PickableProfile[]
  value: string
  onChange: (id: string) => void
  error?: string | undefined
  /** What to offer when there is no profile of this kind yet. */
  emptyText: string
  onAdd: () => void
  addLabel: string
}

/** Picks one saved profile: a card per profile, arrow keys move between them. */
export function ProfilePicker(props: ProfilePickerProps): ReactNode {
  const { label, profiles, value, onChange, error, emptyText, onAdd, addLabel } = props
  if (profiles.length === 0) {
    return (
      <Stack gap="xs">
        <Text fw={500}>{label}</Text>
        <Text size="sm" c={error ? 'red' : 'dimmed'}>
          {emptyText}{' '}
          <Anchor component="button" size="sm" onClick={onAdd}>
            {addLabel}
          </Anchor>
        </Text>
      </Stack>
    )
  }
  return (
    <Radio.Group label={label} value={value} onChange={onChange} error={error}>
      <Stack gap="xs" mt="xs">
        {profiles.map((profile) => (
          <Radio.Card key={profile.id} value={profile.id} p="sm" radius="md">
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator />
              <div style={{ minWidth: 0 }}>
                <Text fw={500}>{profile.name}</Text>
                <Text size="sm" c="dimmed" truncate>
                  {profile.detail}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
      <Anchor component="button" size="sm" mt="sm" onClick={onAdd}>
        {addLabel}
      </Anchor>
    </Radio.Group>
  )
}
