import { ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import type { LogRun } from '../../../../src-preload/contract/logs'
import { JobStateBadge } from '../../components/JobStateBadge'
import { formatBytes } from '../job/format'
import { formatWhen } from './format'

interface RunListProps {
  runs: LogRun[]
  selected: string | null
  onSelect: (jobId: string) => void
}

/** Every run, newest first; the selected one's log is shown beside. */
export function RunList({ runs, selected, onSelect }: RunListProps): ReactNode {
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars>
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Runs">
        {runs.map((run) => {
          const active = run.jobId === selected
          return (
            <li key={run.jobId}>
              <UnstyledButton
                onClick={() => onSelect(run.jobId)}
                aria-current={active ? 'true' : undefined}
                data-testid="log-run"
                w="100%"
                p="xs"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: active ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                <Text size="sm" fw={600} truncate="end">
                  {run.name}
                </Text>
                <JobStateBadge
                  job={{ state: run.state, outcome: run.outcome, cancelRequested: false }}
                  size="sm"
                />
                <Text size="xs" c="dimmed" truncate="end" mt={2}>
                  {formatWhen(run.startedAt ?? run.createdAt)} ·{' '}
                  {run.fileName === null
                    ? 'no log yet'
                    : run.bytes === null
                      ? 'log file missing'
                      : formatBytes(run.bytes)}
                </Text>
              </UnstyledButton>
            </li>
          )
        })}
      </Stack>
    </ScrollArea>
  )
}
