import { Group, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** Title and one-line purpose at the top of every screen. */
export function ScreenHeader({ title, description }: { title: string; description: string }): ReactNode {
  return (
    <Group justify="space-between" mb="lg">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      </div>
    </Group>
  )
}
