import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import type { Schedule } from '../../../../src-preload/contract/schedules'
import { navigate } from '../../stores/navigation'
import { deleteSchedule, runScheduleNow, setScheduleEnabled } from '../../stores/schedules'
import { formatInZone, resultLabel } from './format'

interface RowProps {
  schedule: Schedule
  onProblem: (text: string | null) => void
  onDelete: (schedule: Schedule) => void
  onEnabled: (name: string, unattendedProblems: string[]) => void
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function LastRun({ schedule }: { schedule: Schedule }): ReactNode {
  const last = schedule.lastRun
  if (!last) {
    return (
      <Text size="sm" c="dimmed">
        Not yet
      </Text>
    )
  }
  const { label, color } = resultLabel(last.result)
  const badge = (
    <Badge color={color} variant="light" size="sm" data-testid="schedule-last-result">
      {label}
    </Badge>
  )
  return (
    <Stack gap={2}>
      <Group gap={4}>
        {last.message ? (
          <Tooltip label={last.message} multiline maw={320}>
            <span tabIndex={0}>{badge}</span>
          </Tooltip>
        ) : (
          badge
        )}
        {last.result === 'running' && <Loader size={10} aria-hidden />}
      </Group>
      <Text size="xs" c="dimmed">
        {last.jobId ? (
          <Anchor size="xs" component="button" onClick={() => navigate('job', last.jobId!)}>
            {formatInZone(last.at, schedule.timeZone)}
          </Anchor>
        ) : (
          formatInZone(last.at, schedule.timeZone)
        )}
      </Text>
    </Stack>
  )
}

function ScheduleRow({ schedule, onProblem, onDelete, onEnabled }: RowProps): ReactNode {
  const [busy, setBusy] = useState<'run' | 'toggle' | null>(null)

  const runNow = async (): Promise<void> => {
    onProblem(null)
    setBusy('run')
    try {
      const job = await runScheduleNow(schedule.id)
      navigate('job', job.id)
    } catch (error) {
      onProblem(`"${schedule.name}" did not start: ${message(error)}`)
    } finally {
      setBusy(null)
    }
  }

  const toggle = async (enabled: boolean): Promise<void> => {
    onProblem(null)
    setBusy('toggle')
    try {
      const result = await setScheduleEnabled(schedule.id, enabled)
      if (enabled) onEnabled(schedule.name, result.unattended.ok ? [] : result.unattended.problems)
    } catch (error) {
      onProblem(`"${schedule.name}" could not be ${enabled ? 'enabled' : 'disabled'}: ${message(error)}`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Table.Tr data-testid="schedule-row" data-schedule-id={schedule.id}>
      <Table.Td>
        <Stack gap={2} miw={0}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {schedule.name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="schedule-trigger">
            {schedule.description}
          </Text>
          <Text size="xs" c={schedule.definitionName ? 'dimmed' : 'red'}>
            {schedule.definitionName
              ? `Runs “${schedule.definitionName}”`
              : 'Its saved migration was deleted'}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {schedule.active?.phase === 'waiting-for-credentials' ? (
          <Badge color="orange" variant="light" size="sm">
            Waiting for secrets
          </Badge>
        ) : (
          <Text size="sm" data-testid="schedule-next-run">
            {schedule.nextRun
              ? formatInZone(schedule.nextRun, schedule.timeZone)
              : schedule.enabled
                ? 'No more runs'
                : 'Off'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <LastRun schedule={schedule} />
      </Table.Td>
      <Table.Td>
        <Switch
          checked={schedule.enabled}
          disabled={busy === 'toggle'}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          aria-label={`${schedule.name} enabled`}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label="Run now">
            <ActionIcon
              variant="light"
              aria-label={`Run ${schedule.name} now`}
              loading={busy === 'run'}
              disabled={schedule.active !== null}
              onClick={() => void runNow()}
            >
              <IconPlayerPlay size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Edit">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Edit ${schedule.name}`}
              onClick={() => navigate('schedules', 'edit', schedule.id)}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${schedule.name}`}
              onClick={() => onDelete(schedule)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

interface ScheduleListProps {
  schedules: Schedule[]
  onProblem: (text: string | null) => void
  onEnabled: RowProps['onEnabled']
}

/** Every schedule: what it runs and when, its next run, its last result, a toggle and its actions. */
export function ScheduleList({ schedules, onProblem, onEnabled }: ScheduleListProps): ReactNode {
  const [deleting, setDeleting] = useState<Schedule | null>(null)

  const remove = async (schedule: Schedule): Promise<void> => {
    setDeleting(null)
    try {
      await deleteSchedule(schedule.id)
    } catch (error) {
      onProblem(`"${schedule.name}" could not be deleted: ${message(error)}`)
    }
  }

  return (
    <>
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="sm" aria-label="Schedules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Schedule</Table.Th>
              <Table.Th w={170}>Next run</Table.Th>
              <Table.Th w={170}>Last run</Table.Th>
              <Table.Th w={70}>On</Table.Th>
              <Table.Th w={110}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schedules.map((schedule) => (
              <ScheduleRow
                key={schedule.id}
                schedule={schedule}
                onProblem={onProblem}
                onDelete={setDeleting}
                onEnabled={onEnabled}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this schedule?"
        centered
      >
        <Stack>
          <Text size="sm">
            “{deleting?.name}” will not run any more. Its runs stay in History, and the saved migration stays
            under Migrations.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button color="red" onClick={() => deleting && void remove(deleting)}>
              Delete schedule
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
