import { Button, Card, Group, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { navigate } from '../../stores/navigation'

interface FirstRunStepsProps {
  /** Names of the saved Swift profiles. */
  swift: string[]
  /** Names of the saved S3 profiles. */
  s3: string[]
}

/**
 * What to do before the first migration: a connection on each side. Steps already done are checked,
 * so someone coming back half-way sees where they are.
 */
export function FirstRunSteps({ swift, s3 }: FirstRunStepsProps): ReactNode {
  const steps = [
    {
      saved: swift,
      title: 'OpenStack Swift, where the data is now',
      text: 'An application credential, a password or an openrc file.',
      action: 'Add your OpenStack connection',
      go: () => navigate('profiles', 'new', 'swift'),
    },
    {
      saved: s3,
      title: 'S3, where the data goes',
      text: 'AWS or any S3-compatible store.',
      action: 'Add your S3 destination',
      go: () => navigate('profiles', 'new', 's3'),
    },
  ]
  const next = steps.findIndex((step) => step.saved.length === 0)
  return (
    <Stack gap="md" maw={680} mx="auto" py="lg" component="section" aria-labelledby="first-run-title">
      <div>
        <Title order={2} size="h3" id="first-run-title">
          Get ready for your first migration
        </Title>
        <Text c="dimmed" size="sm">
          A migration copies Swift containers into S3 and proves every object arrived intact. It needs a
          connection on each side.
        </Text>
      </div>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {steps.map((step, index) => {
          const done = step.saved.length > 0
          return (
            <Card component="li" withBorder key={step.title} padding="md">
              <Group justify="space-between" wrap="nowrap" gap="md">
                <Group gap="md" wrap="nowrap">
                  <ThemeIcon
                    size={32}
                    radius="xl"
                    variant={done ? 'filled' : 'light'}
                    color={done ? 'teal' : undefined}
                    aria-hidden
                  >
                    {done ? <IconCheck size={18} /> : <Text fw={600}>{index + 1}</Text>}
                  </ThemeIcon>
                  <div>
                    <Text fw={600}>
                      {step.title}
                      {done && <VisuallyHidden> (done)</VisuallyHidden>}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {done ? `Saved: ${step.saved.join(', ')}` : step.text}
                    </Text>
                  </div>
                </Group>
                {done ? (
                  <Text size="sm" c="teal" fw={500} aria-hidden>
                    Done
                  </Text>
                ) : (
                  <Button
                    onClick={step.go}
                    variant={index === next ? 'filled' : 'default'}
                    style={{ flexShrink: 0 }}
                  >
                    {step.action}
                  </Button>
                )}
              </Group>
            </Card>
          )
        })}
      </Stack>
    </Stack>
  )
}
