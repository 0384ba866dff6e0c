import { Alert, Code, Group, List, Loader, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCircleCheck, IconCircleMinus, IconCircleX } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { ConnectionCheck, ConnectionTestResult } from '../../../../src-preload/contract/connections'
import type { ProfileTestState } from '../../stores/profiles'
import { STEP_LABELS } from './labels'

const ICONS: Record<ConnectionCheck['status'], { icon: ReactNode; color: string; word: string }> = {
  passed: { icon: <IconCircleCheck size={18} />, color: 'teal', word: 'passed' },
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
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
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

function Findings({ result }: { result: ConnectionTestResult }): ReactNode {
  const lines: string[] = []
  if (result.storageUrl !== undefined) lines.push(`Storage URL: ${result.storageUrl}`)
  if (result.containerCount !== undefined) lines.push(`Containers: ${result.containerCount.toLocaleString()}`)
  if (result.bucket !== undefined && result.region !== undefined) {
    lines.push(`Bucket ${result.bucket} in region ${result.region}`)
  }
  if (result.buckets !== undefined) {
    const shown = result.buckets.slice(0, 8).join(', ')
    const more = result.buckets.length > 8 ? ` and ${result.buckets.length - 8} more` : ''
    lines.push(result.buckets.length ? `Buckets: ${shown}${more}` : 'Buckets: none yet')
  }
  if (lines.length === 0) return null
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </Stack>
  )
}

/** What a connection test checked, step by step, with the exact failure as main reported it. */
export function ConnectionChecks({ test }: { test: ProfileTestState | undefined }): ReactNode {
  if (test === undefined) return null
  return (
    <Stack gap="xs" aria-live="polite" data-testid="connection-checks">
      {test.running && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Testing the connection…</Text>
        </Group>
      )}
      {!test.running && test.error !== undefined && (
        <Alert color="red" variant="light" title="The test could not run">
          {test.error}
        </Alert>
      )}
      {test.result !== undefined && (
        <>
          {!test.running && (
            <Text size="sm" fw={600} c={test.result.ok ? 'teal' : 'red'} data-testid="connection-verdict">
              {test.result.ok ? 'Connection works' : 'Connection failed'}
            </Text>
          )}
          <List spacing={6} size="sm" center={false} style={{ opacity: test.running ? 0.5 : 1 }}>
            {test.result.checks.map((check) => (
              <CheckRow key={check.step} check={check} />
            ))}
          </List>
          <Findings result={test.result} />
        </>
      )}
    </Stack>
  )
}
