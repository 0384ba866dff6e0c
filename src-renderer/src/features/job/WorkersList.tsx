import { Badge, Group, List, Text, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'

/** What each worker is copying now; long keys are cut in the middle of the line, the tooltip has them whole. */
export function WorkersList({
  workers,
  emptyText,
}: {
  workers: readonly { id: number; key: string }[]
  emptyText: string
}): ReactNode {
  if (workers.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="workers-empty">
        {emptyText}
      </Text>
    )
  }
  const sorted = [...workers].sort((a, b) => a.id - b.id)
  return (
    <List listStyleType="none" spacing={6} aria-label="Objects in flight" data-testid="workers">
      {sorted.map((worker) => (
        <List.Item key={worker.id}>
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Badge variant="outline" color="gray" size="sm" style={{ flexShrink: 0 }}>
              #{worker.id}
            </Badge>
            <Tooltip
              label={worker.key}
              openDelay={300}
              multiline
              maw={480}
              style={{ wordBreak: 'break-all' }}
            >
              <Text
                size="sm"
                ff="monospace"
                truncate="start"
                miw={0}
                tabIndex={0}
                aria-label={`Worker ${worker.id}: ${worker.key}`}
              >
                {worker.key}
              </Text>
            </Tooltip>
          </Group>
        </List.Item>
      ))}
    </List>
  )
}
