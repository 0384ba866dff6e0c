import { Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface EmptyStateProps {
  icon: ReactNode
  title: string
  children: ReactNode
  action?: ReactNode
}

/** A calm placeholder that says what belongs here and how to get there. */
export function EmptyState({ icon, title, children, action }: EmptyStateProps): ReactNode {
  return (
    <Stack align="center" justify="center" gap="sm" py={80} maw={520} mx="auto" ta="center">
      <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
        {icon}
      </ThemeIcon>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text c="dimmed">{children}</Text>
      {action}
    </Stack>
  )
}
