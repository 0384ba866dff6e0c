import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { IconCopy, IconPencil, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react'
import { Fragment, useEffect, useState, type ReactNode } from 'react'
import type { LastConnectionTest } from '../../../../src-preload/contract/connections'
import { navigate } from '../../stores/navigation'
import {
  testProfile,
  useProfileTest,
  type ProfileEntry,
  type ProfileKind,
  type TestCall,
} from '../../stores/profiles'
import { ConnectionChecks } from './ConnectionChecks'
import { endpointOf, kindLabel } from './labels'
import { summarizeTest, whenTested } from './test-summary'

interface ProfileSectionProps {
  kind: ProfileKind
  title: string
  description: string
  entries: ProfileEntry[]
  /** "Add your OpenStack connection". */
  addLabel: string
  /** Import buttons beside the add button. */
  extra?: ReactNode
  emptyText: string
  onDuplicate: (entry: ProfileEntry) => void
  onDelete: (entry: ProfileEntry) => void
}

const TONES = { worked: 'teal', warning: 'orange.8', failed: 'red' } as const

/** Re-renders every minute, so "5 min ago" does not stand still while the list is open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** "Worked · 2 h ago", "Failed at Authentication · 12 Mar, 10:42", "Testing…" or "Not tested". */
function TestSummary({
  test,
  call,
}: {
  test: LastConnectionTest | undefined
  call: TestCall | undefined
}): ReactNode {
  const now = useMinuteClock()
  if (call?.running === true) {
    return (
      <Group gap={6} wrap="nowrap">
        <Loader size={14} />
        <Text size="sm">Testing…</Text>
      </Group>
    )
  }
  if (test === undefined) {
    return call?.error !== undefined ? (
      <Text size="sm" c="red" fw={500} title={call.error}>
        Could not test
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        Not tested
      </Text>
    )
  }
  const summary = summarizeTest(test)
  const line = (
    <Text size="sm" span data-testid="last-test" data-tone={summary.tone}>
      <Text span size="sm" fw={500} c={TONES[summary.tone]}>
        {summary.label}
      </Text>
      <Text span size="xs" c="dimmed">
        {' · '}
        <time dateTime={test.at}>{whenTested(test.at, now)}</time>
      </Text>
    </Text>
  )
  if (summary.message === undefined) return line
  return (
    <Tooltip label={summary.message} multiline w={360} withArrow openDelay={200}>
      {line}
    </Tooltip>
  )
}

/** The last test in words for a screen reader: "failed at Authentication: Keystone said …". */
function describeTest(test: LastConnectionTest | undefined, call: TestCall | undefined): string {
  if (test === undefined) return `could not test: ${call?.error ?? ''}`
  const summary = summarizeTest(test)
  const when = new Date(test.at).toLocaleString()
  return `${summary.label.toLowerCase()} (${when})${summary.message === undefined ? '' : `: ${summary.message}`}`
}

function Row({
  entry,
  onDuplicate,
  onDelete,
}: {
  entry: ProfileEntry
  onDuplicate: () => void
  onDelete: () => void
}): ReactNode {
  const { record } = entry
  const { test, call } = useProfileTest(entry.kind, record.id)
  const running = call?.running === true
  const [open, setOpen] = useState(false)
  const unset = entry.secrets.filter((slot) => slot.status === 'unset')
  const detailsId = `profile-test-${record.id}`
  const run = (): void => {
    setOpen(true)
    void testProfile(entry.kind, record.id)
  }

  return (
    <Fragment>
      <Table.Tr data-testid={`profile-row-${record.name}`}>
        <Table.Td>
          <Text fw={500} size="sm" truncate="end" title={record.name}>
            {record.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {kindLabel(record)}
          </Text>
          <Text size="xs" c="dimmed" truncate="end" title={endpointOf(record)} ff="monospace">
            {endpointOf(record)}
          </Text>
          {unset.map((slot) => (
            <Text key={slot.field} size="xs" c="orange">
              No {slot.label} stored
            </Text>
          ))}
        </Table.Td>
        <Table.Td>
          {(test !== undefined || call?.error !== undefined) && !running ? (
            <UnstyledButton
              onClick={() => setOpen((value) => !value)}
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={`Last test of ${record.name}: ${describeTest(test, call)}; show details`}
            >
              <TestSummary test={test} call={call} />
            </UnstyledButton>
          ) : (
            <TestSummary test={test} call={call} />
          )}
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap" justify="flex-end">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlugConnected size={14} />}
              loading={running}
              onClick={run}
              aria-label={`Test connection of ${record.name}`}
            >
              Test
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} />}
              onClick={() => navigate('profiles', 'edit', entry.kind, record.id)}
              aria-label={`Edit ${record.name}`}
            >
              Edit
            </Button>
            <Tooltip label="Duplicate">
              <ActionIcon
                variant="default"
                size="md"
                onClick={onDuplicate}
                aria-label={`Duplicate ${record.name}`}
              >
                <IconCopy size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete">
              <ActionIcon
                variant="default"
                color="red"
                size="md"
                onClick={onDelete}
                aria-label={`Delete ${record.name}`}
              >
                <IconTrash size={16} color="var(--mantine-color-red-6)" />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (test !== undefined || call !== undefined) && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={3} bg="var(--mantine-color-default-hover)">
            <ConnectionChecks test={test} call={call} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  )
}

/** One kind of profile: a table with each profile's kind, endpoint, last test and actions, or a first-run prompt. */
export function ProfileSection(props: ProfileSectionProps): ReactNode {
  const { kind, title, description, entries, addLabel, extra, emptyText, onDuplicate, onDelete } = props
  const headingId = `profiles-${kind}-heading`
  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('profiles', 'new', kind)}>
      {addLabel}
    </Button>
  )
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {entries.length > 0 && (
          <Group gap="xs">
            {extra}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => navigate('profiles', 'new', kind)}
            >
              Add
            </Button>
          </Group>
        )}
      </Group>
      {entries.length === 0 ? (
        <Paper withBorder p="lg" radius="md" style={{ borderStyle: 'dashed' }}>
          <Stack align="center" gap="sm" ta="center">
            <Text size="sm" c="dimmed" maw={480}>
              {emptyText}
            </Text>
            <Group gap="xs" justify="center">
              {add}
              {extra}
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="xs" highlightOnHover={false} aria-labelledby={headingId} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Profile</Table.Th>
                <Table.Th w={200}>Last test</Table.Th>
                <Table.Th w={264}>
                  <Text span size="sm" fw={700} style={{ display: 'block', textAlign: 'right' }}>
                    Actions
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Row
                  key={entry.record.id}
                  entry={entry}
                  onDuplicate={() => onDuplicate(entry)}
                  onDelete={() => onDelete(entry)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  )
}
