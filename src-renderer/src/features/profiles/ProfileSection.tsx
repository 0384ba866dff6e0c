import {
  ActionIcon,
  Badge,
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
import { Fragment, useState, type ReactNode } from 'react'
import { navigate } from '../../stores/navigation'
import {
  testProfile,
  useProfiles,
  type ProfileEntry,
  type ProfileKind,
  type ProfileTestState,
} from '../../stores/profiles'
import { ConnectionChecks } from './ConnectionChecks'
import { endpointOf, kindLabel } from './labels'

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

function time(at: string | undefined): string {
  return at === undefined
    ? ''
    : new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
}

function TestSummary({ test }: { test: ProfileTestState | undefined }): ReactNode {
  if (test === undefined) {
    return (
      <Text size="sm" c="dimmed">
        Not tested
      </Text>
    )
  }
  if (test.running) {
    return (
      <Group gap={6} wrap="nowrap">
        <Loader size={14} />
        <Text size="sm">Testing…</Text>
      </Group>
    )
  }
  const ok = test.result?.ok === true
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={ok ? 'teal' : 'red'} variant="light" tt="none">
        {ok ? 'Passed' : test.result === undefined ? 'Could not test' : 'Failed'}
      </Badge>
      <Text size="xs" c="dimmed">
        {time(test.at)}
      </Text>
    </Stack>
  )
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
  const test = useProfiles((state) => state.tests[record.id])
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
          {test !== undefined && !test.running ? (
            <UnstyledButton
              onClick={() => setOpen((value) => !value)}
              aria-expanded={open}
              aria-controls={detailsId}
              aria-label={`Last test of ${record.name}: ${test.result?.ok ? 'passed' : 'failed'}; show details`}
            >
              <TestSummary test={test} />
            </UnstyledButton>
          ) : (
            <TestSummary test={test} />
          )}
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap" justify="flex-end">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlugConnected size={14} />}
              loading={test?.running === true}
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
      {open && test !== undefined && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={3} bg="var(--mantine-color-default-hover)">
            <ConnectionChecks test={test} />
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
                <Table.Th w={130}>Last test</Table.Th>
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
