import { Button, Chip, Group, Switch, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconArrowBarToUp } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { LogLevelName } from '../../../../src-preload/contract/logs'
import { find, LEVELS, setLevels, setOnlyMatches, setSearch, useLogs, type LogInfo } from '../../stores/logs'
import { formatCount } from '../job/format'
import { SearchBox } from './SearchBox'

const LEVEL_LABELS: Record<LogLevelName, string> = {
  error: 'ERROR',
  warn: 'WARNING',
  info: 'INFO',
  debug: 'DEBUG',
}

const LEVEL_COLORS: Record<LogLevelName, string> = {
  error: 'red',
  warn: 'yellow',
  info: 'blue',
  debug: 'gray',
}

function matchText(info: LogInfo | null, matchIndex: number | null): string {
  if (!info || info.matched === null) return ''
  if (info.matched === 0) return 'No matches'
  const count = `${formatCount(info.matched)} ${info.matched === 1 ? 'match' : 'matches'}`
  return matchIndex === null ? count : `${formatCount(matchIndex + 1)} of ${count}`
}

/** Search, level filter and error navigation for the open log; all applied in main. */
export function LogToolbar(): ReactNode {
  const levels = useLogs((s) => s.levels)
  const search = useLogs((s) => s.search)
  const onlyMatches = useLogs((s) => s.onlyMatches)
  const info = useLogs((s) => s.info)
  const matchIndex = useLogs((s) => s.matchIndex)
  const errorsShown = levels.includes('error')

  return (
    <>
      <Group gap="xs" wrap="wrap" align="center">
        <SearchBox
          search={search}
          onSearch={setSearch}
          onStep={(direction) => void find('match', direction)}
        />
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="match-count" miw={80}>
          {matchText(info, matchIndex)}
        </Text>
        <Switch
          label="Only matching lines"
          size="xs"
          checked={onlyMatches}
          disabled={search === ''}
          onChange={(event) => setOnlyMatches(event.currentTarget.checked)}
        />
      </Group>
      <Group gap="xs" wrap="wrap" align="center">
        <Chip.Group multiple value={levels} onChange={(value) => setLevels(value as LogLevelName[])}>
          <Group gap={6} role="group" aria-label="Levels shown">
            {LEVELS.map((level) => (
              <Chip key={level} value={level} size="xs" color={LEVEL_COLORS[level]} variant="light">
                {LEVEL_LABELS[level]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip label={errorsShown ? 'Previous error' : 'ERROR lines are filtered out'}>
            <Button
              size="compact-sm"
              variant="default"
              aria-label="Previous error"
              disabled={!errorsShown}
              onClick={() => void find('error', 'previous')}
            >
              <IconArrowBarToUp size={14} />
            </Button>
          </Tooltip>
          <Button
            size="compact-sm"
            variant="light"
            color="red"
            leftSection={<IconAlertTriangle size={14} />}
            disabled={!errorsShown}
            title={errorsShown ? undefined : 'ERROR lines are filtered out'}
            onClick={() => void find('error', 'next')}
          >
            Jump to next error
          </Button>
        </Group>
      </Group>
    </>
  )
}
