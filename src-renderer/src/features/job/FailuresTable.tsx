import { Group, Paper, ScrollArea, Table, Text, Title, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import type { JobRecentEvent, JobReportView } from '../../../../src-preload/contract/jobs'
import { formatCount } from './format'

/** One object that could not be copied, and why. */
export interface Failure {
  key: string
  reason: string
  container?: string
  attempts?: number
}

function isFailedEvent(
  event: JobRecentEvent['event'],
): event is { type: 'object-failed'; key: string; reason: string; attempts?: number } {
  const e = event as { type: string; key?: unknown; reason?: unknown }
  return e.type === 'object-failed' && typeof e.key === 'string' && typeof e.reason === 'string'
}

/**
 * The failures to list: the report's once the run has one (it is the record), else the engine's recent
 * `object-failed` events, latest per key (a key can fail, be retried by the next run and fail again).
 */
export function failuresOf(events: readonly JobRecentEvent[], report: JobReportView | undefined): Failure[] {
  if (report?.summary) return report.summary.failures.map(({ key, reason }) => ({ key, reason }))
  const byKey = new Map<string, Failure>()
  for (const { container, event } of events) {
    if (!isFailedEvent(event)) continue
    byKey.delete(event.key)
    byKey.set(event.key, {
      key: event.key,
      reason: event.reason,
      container,
      ...(typeof event.attempts === 'number' && { attempts: event.attempts }),
    })
  }
  return [...byKey.values()].reverse()
}

/** Objects that failed with their reasons, and the way to try them again. */
export function FailuresTable({
  failures,
  failedCount,
  action,
}: {
  failures: Failure[]
  /** How many failed in all; the list may hold only the latest or the report's first ones. */
  failedCount: number
  action: ReactNode
}): ReactNode {
  const total = Math.max(failedCount, failures.length)
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="failures-title">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4" id="failures-title">
            Failures
          </Title>
          <Text size="sm" c="dimmed">
            {total === 0
              ? 'No object has failed.'
              : failures.length < total
                ? `${formatCount(total)} objects failed; the ${formatCount(failures.length)} listed here are in the log with the rest.`
                : `${formatCount(total)} ${total === 1 ? 'object' : 'objects'} failed after retries.`}
          </Text>
        </div>
        {action}
      </Group>
      {failures.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Table striped highlightOnHover stickyHeader layout="fixed" data-testid="failures-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="45%">Object</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failures.map((failure) => (
                <Table.Tr key={`${failure.container ?? ''}/${failure.key}`}>
                  <Table.Td>
                    <Tooltip label={failure.key} openDelay={300} multiline maw={480}>
                      <Text size="sm" ff="monospace" truncate="start" tabIndex={0}>
                        {failure.key}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {failure.reason}
                      {failure.attempts !== undefined && failure.attempts > 1 && (
                        <Text span c="dimmed" size="xs">
                          {' '}
                          ({failure.attempts} attempts)
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Paper>
  )
}
