import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core'
import { IconCalendarPlus, IconCalendarTime } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { navigate, useNavigation } from '../../stores/navigation'
import { dismissNotice, dismissSaved, loadSchedules, useSchedules } from '../../stores/schedules'
import { GlobalWindows } from './GlobalWindows'
import { UnattendedResult } from './PreviewPanel'
import { ScheduleForm } from './ScheduleForm'
import { ScheduleList } from './ScheduleList'

function Notices(): ReactNode {
  const notices = useSchedules((state) => state.notices)
  const lastSaved = useSchedules((state) => state.lastSaved)
  return (
    <>
      {lastSaved && (
        <Stack gap={4}>
          <Alert
            color="green"
            withCloseButton
            onClose={dismissSaved}
            title={`${lastSaved.created ? 'Created' : 'Saved'} “${lastSaved.name}”`}
            role="status"
            data-testid="schedule-saved"
          >
            {lastSaved.unattended.ok
              ? 'It can run with nobody at the screen.'
              : 'See below what it needs to run on its own.'}
          </Alert>
          {!lastSaved.unattended.ok && <UnattendedResult check={lastSaved.unattended} />}
        </Stack>
      )}
      {notices.map((notice) => (
        <Alert
          key={`${notice.at}-${notice.scheduleId}-${notice.kind}`}
          color={notice.kind === 'skipped' || notice.kind === 'missed' ? 'gray' : 'orange'}
          withCloseButton
          onClose={() => dismissNotice(notice)}
          data-testid="schedule-notice"
        >
          {notice.message}
        </Alert>
      ))}
    </>
  )
}

function ScheduleHome(): ReactNode {
  const status = useSchedules((state) => state.status)
  const error = useSchedules((state) => state.error)
  const schedules = useSchedules((state) => state.list)
  const windows = useSchedules((state) => state.windows)
  const [problem, setProblem] = useState<string | null>(null)
  const [enabledProblems, setEnabledProblems] = useState<{ name: string; problems: string[] } | null>(null)

  return (
    <Stack gap="lg">
      <Notices />
      {problem && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {enabledProblems && (
        <Alert
          color="orange"
          withCloseButton
          onClose={() => setEnabledProblems(null)}
          title={`“${enabledProblems.name}” is on, but cannot run unattended`}
        >
          <List size="sm">
            {enabledProblems.problems.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {status === 'error' ? (
        <Alert color="red" role="alert" title="The schedules could not be loaded">
          {error}
        </Alert>
      ) : status !== 'ready' ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">Loading schedules…</Text>
        </Group>
      ) : schedules.length === 0 ? (
        <EmptyState
          icon={<IconCalendarTime size={32} />}
          title="Nothing scheduled"
          action={
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => navigate('schedules', 'new')}>
              New schedule
            </Button>
          }
        >
          After the first full copy, a nightly catch-up keeps the bucket in step with Swift until the
          cut-over. Schedules run saved migrations and copy only what changed.
        </EmptyState>
      ) : (
        <Stack gap="xs">
          <Group justify="flex-end">
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => navigate('schedules', 'new')}>
              New schedule
            </Button>
          </Group>
          <ScheduleList
            schedules={schedules}
            onProblem={setProblem}
            onEnabled={(name, problems) =>
              setEnabledProblems(problems.length > 0 ? { name, problems } : null)
            }
          />
        </Stack>
      )}
      {windows && <GlobalWindows saved={windows} />}
    </Stack>
  )
}

/** Migrations that run themselves: the list of schedules, their form, and the global bandwidth windows. */
export function SchedulesScreen(): ReactNode {
  const path = useNavigation((state) => state.path)
  const status = useSchedules((state) => state.status)
  const schedules = useSchedules((state) => state.list)

  useEffect(() => {
    void loadSchedules()
  }, [])

  const [mode, id] = path
  if (mode === 'new' || mode === 'edit') {
    const existing = mode === 'edit' ? (schedules.find((s) => s.id === id) ?? null) : null
    const waiting = mode === 'edit' && !existing && status !== 'error' && status !== 'ready'
    return (
      <>
        <ScreenHeader
          title={existing ? `Edit “${existing.name}”` : 'New schedule'}
          description="A saved migration, when it runs, and how it behaves with nobody at the screen."
        />
        {waiting ? (
          <Loader size="sm" />
        ) : mode === 'edit' && !existing ? (
          <Alert color="red" role="alert">
            There is no such schedule; it may have been deleted.
          </Alert>
        ) : (
          <ScheduleForm key={existing?.id ?? 'new'} existing={existing} />
        )}
      </>
    )
  }
  return (
    <>
      <ScreenHeader title="Schedules" description="Run saved migrations on a timetable." />
      <ScheduleHome />
    </>
  )
}
