import { Alert, Code, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconCircleMinus, IconCircleX } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { ConnectionCheck, LastConnectionTest } from '../../../../src-preload/contract/connections'
import type { TestCall } from '../../stores/profiles'
import { STEP_LABELS } from './labels'
import { summarizeTest } from './test-summary'

const ICONS: Record<ConnectionCheck['status'], { icon: ReactNode; color: string; word: string }> = {
  passed: { icon: <IconCircleCheck size={18} />, color: 'teal', word: 'passed' },
  warning: { icon: <IconAlertTriangle size={18} />, color: 'orange', word: 'passed, with a warning' },
  failed: { icon: <IconCircleX size={18} />, color: 'red', word: 'failed' },
  skipped: { icon: <IconCircleMinus size={18} />, color: 'gray', word: 'skipped' },
}

function CheckRow({ check }: { check: ConnectionCheck }): ReactNode {
  const look = ICONS[check.status]
  return (
    <List.Item
      icon={
        <ThemeIcon color={look.color} variant="transparent" size={22} aria-hidden>
          {look.icon}
        </ThemeIcon>
      }
      data-testid={`check-${check.step}`}
      data-status={check.status}
    >
      <Text size="sm" fw={500}>
        {STEP_LABELS[check.step]}: <span style={{ fontWeight: 400 }}>{look.word}</span>
      </Text>
      {check.detail !== undefined && (
        <Text
          size="sm"
          c={check.status === 'warning' ? 'orange.8' : 'dimmed'}
          style={{ overflowWrap: 'anywhere' }}
        >
          {check.detail}
        </Text>
      )}
      {check.error !== undefined && (
        <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
          {check.error.message} <Code>{check.error.code}</Code>
          {check.error.field !== undefined && (
            <Text span size="xs" c="dimmed">
              {' '}
              (field: {check.error.field})
            </Text>
          )}
        </Text>
      )}
    </List.Item>
  )
}

const VERDICTS = {
  worked: { text: 'Connection works', color: 'teal' },
  warning: { text: 'Connection works, with a warning', color: 'orange.8' },
  failed: { text: 'Connection failed', color: 'red' },
} as const

/**
 * What the last connection test checked, step by step, with the exact failure as main reported it.
 * The test is main's (kept with the profile); `call` is this window's test under way, or why it could
 * not run.
 */
export function ConnectionChecks({
  test,
  call,
}: {
  test: LastConnectionTest | undefined
  call: TestCall | undefined
}): ReactNode {
  if (test === undefined && call === undefined) return null
  const running = call?.running === true
  const verdict = test === undefined ? undefined : VERDICTS[summarizeTest(test).tone]
  return (
    <Stack gap="xs" aria-live="polite" data-testid="connection-checks">
      {running && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Testing the connection…</Text>
        </Group>
      )}
      {!running && call?.error !== undefined && (
        <Alert color="red" variant="light" title="The test could not run">
          {call.error}
        </Alert>
      )}
      {test !== undefined && verdict !== undefined && (
        <>
          {!running && (
            <Group gap="xs" align="baseline">
              <Text size="sm" fw={600} c={verdict.color} data-testid="connection-verdict">
                {verdict.text}
              </Text>
              <Text size="xs" c="dimmed">
                tested {new Date(test.at).toLocaleString()}
              </Text>
            </Group>
          )}
          <List spacing={6} size="sm" center={false} style={{ opacity: running ? 0.5 : 1 }}>
            {test.checks.map((check) => (
              <CheckRow key={check.step} check={check} />
            ))}
          </List>
        </>
      )}
    </Stack>
  )
}
