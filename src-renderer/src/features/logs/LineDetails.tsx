import { CloseButton, Group, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { LogLevelName, LogLine } from '../../../../src-preload/contract/logs'
import { highlight } from './LogLineRow'

const LEVEL_NAMES: Record<LogLevelName, string> = {
  error: 'ERROR',
  warn: 'WARNING',
  info: 'INFO',
  debug: 'DEBUG',
}

/**
 * The current line in full, wrapped: rows are one line high and cut at the view's edge, so a long
 * line's end (and the match in it) is read here.
 */
export function LineDetails({
  line,
  search,
  onClose,
}: {
  line: LogLine
  search: string
  onClose: () => void
}): ReactNode {
  return (
    <Paper withBorder p={6} radius="sm" data-testid="line-details" aria-label={`Line ${line.n + 1} in full`}>
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={2}>
        <Text size="xs" c="dimmed">
          Line {(line.n + 1).toLocaleString('en-US')} · {LEVEL_NAMES[line.level]}
          {line.truncated ? ' · cut here; export the log for the whole line' : ''}
        </Text>
        <CloseButton size="xs" aria-label="Close the line details" onClick={onClose} />
      </Group>
      <Text
        size="xs"
        ff="monospace"
        mah={56}
        style={{ overflowY: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {highlight(line.text, search)}
      </Text>
    </Paper>
  )
}
