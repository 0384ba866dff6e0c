import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatBytes, formatCount, formatDuration, formatRate, percentOf } from './format'
import { timeLeft, type ProgressNumbers } from './progress-numbers'

function Bar({
  label,
  done,
  total,
  estimated,
  format,
  planned,
  color,
}: {
  label: string
  done: number
  total: number
  /** Main's estimate of the final total while the listing goes on, if it made one. */
  estimated: number | undefined
  format: (n: number) => string
  planned: boolean
  color: string
}): ReactNode {
  // Until the listing is read the total only grows: a share of it would mislead, so the share is of
  // main's estimate when there is one (and says so), else none is shown.
  const pct = planned ? percentOf(done, total) : estimated !== undefined ? percentOf(done, estimated) : null
  const text = planned
    ? `${format(done)} of ${format(total)}`
    : estimated !== undefined
      ? `${format(done)} of about ${format(estimated)}`
      : total > 0
        ? `${format(done)} of at least ${format(total)}`
        : 'Listing the source…'
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c="dimmed" data-testid={`progress-${label.toLowerCase()}`} ta="right">
          {text}
          {pct !== null && (
            <Text span fw={600} c="var(--mantine-color-text)" ml={8}>
              {pct}%
            </Text>
          )}
        </Text>
      </Group>
      <Progress.Root size="lg" radius="sm">
        {/* Striped while the total still grows: the bar shows the share of what is known so far. */}
        <Progress.Section
          value={pct ?? percentOf(done, total) ?? 0}
          color={color}
          aria-label={`${label}: ${text}`}
          striped={!planned}
          animated={!planned}
        />
      </Progress.Root>
    </Stack>
  )
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: string }): ReactNode {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="lg" fw={600} c={tone} data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {value}
      </Text>
    </div>
  )
}

/** Objects and bytes with their share, the rate, what is left, and how many were copied, skipped, failed. */
export function ProgressPanel({
  numbers,
  finished,
}: {
  numbers: ProgressNumbers
  finished: boolean
}): ReactNode {
  const n = numbers
  const left = timeLeft(n)
  const eta = finished
    ? n.etaSeconds === 0
      ? 'Done'
      : '—'
    : left
      ? `${left.estimated ? 'about ' : ''}${formatDuration(left.seconds)}`
      : n.rate === null
        ? '—'
        : n.planned || n.estimate
          ? 'Calculating…'
          : 'After listing'
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Progress">
      <Stack gap="md">
        <Bar
          label="Objects"
          done={n.objectsDone}
          total={n.objectsTotal}
          estimated={n.estimate?.objects}
          format={formatCount}
          planned={n.planned}
          color="indigo"
        />
        <Bar
          label="Bytes"
          done={n.bytesDone}
          total={n.bytesTotal}
          estimated={n.estimate?.bytes}
          format={formatBytes}
          planned={n.planned}
          color="teal"
        />
        {n.estimate && (
          <Text size="xs" c="dimmed" data-testid="estimate-note">
            Estimated from the containers’ object counts and sizes until the listing is complete.
          </Text>
        )}
        <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
          <Stat label="Rate" value={n.rate === null ? '—' : formatRate(n.rate)} />
          <Stat label="Time left" value={eta} />
          <Stat label="Elapsed" value={formatDuration(n.elapsedSeconds)} />
          <Stat label="Copied" value={formatCount(n.copied)} />
          <Stat label="Skipped" value={formatCount(n.skipped)} />
          <Stat label="Failed" value={formatCount(n.failed)} tone={n.failed > 0 ? 'red' : undefined} />
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
