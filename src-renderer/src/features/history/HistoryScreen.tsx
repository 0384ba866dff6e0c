import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Checkbox,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { IconArrowRight, IconFileText, IconHistory, IconSearch } from '@tabler/icons-react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import { EmptyState } from '../../components/EmptyState'
import { isFinishedState, JobStateBadge } from '../../components/JobStateBadge'
import { ScreenHeader } from '../../components/ScreenHeader'
import { loadJobReport, useJobs, useJobsStore } from '../../stores/jobs'
import { navigate } from '../../stores/navigation'
import { formatBytes, formatCount, formatDateTime, formatDuration, secondsBetween } from '../job/format'
import { modeLabel, sourceText, targetText } from '../job/job-text'
import { listingCompleteOf } from '../job/ResultPanel'
import { VerificationSummary } from '../job/VerificationSummary'
import { countedRuns, filterRuns, STATUS_FILTERS, type StatusFilter } from './history-filter'
import { HistoryReportsMenu } from './HistoryReportsMenu'
import { TriggerBadge } from './TriggerBadge'

const PAGE_SIZE = 20

/**
 * Reads the reports of the finished runs on the page, one at a time, for what only the report says
 * (whether the Swift listing was complete). Each is asked for once per visit.
 */
function useReportsOf(runs: readonly JobSummary[]): void {
  const asked = useRef(new Set<string>())
  const wanted = runs
    .filter((job) => isFinishedState(job.state) && job.reports !== null)
    .map((job) => job.id)
    .join(' ')
  useEffect(() => {
    let stop = false
    const ids = wanted.split(' ').filter((id) => id !== '' && !asked.current.has(id))
    void (async () => {
      for (const id of ids) {
        if (stop) return
        asked.current.add(id)
        await loadJobReport(id).catch(() => undefined)
      }
    })()
    return () => {
      stop = true
    }
  }, [wanted])
}

function RunRow({
  job,
  onNotice,
}: {
  job: JobSummary
  onNotice: (notice: string | null) => void
}): ReactNode {
  const report = useJobsStore((state) => state.reports[job.id])
  const started = job.startedAt ?? job.createdAt
  const duration = secondsBetween(job.startedAt, job.finishedAt)
  const t = job.totals
  return (
    <Table.Tr data-testid="history-row" data-job-id={job.id}>
      <Table.Td>
        <Stack gap={2} miw={0}>
          <Group gap={6} wrap="wrap" miw={0}>
            <Anchor
              component="button"
              fw={600}
              onClick={() => navigate('job', job.id)}
              style={{ textAlign: 'left', overflowWrap: 'anywhere' }}
              aria-label={`Open run ${job.name}`}
            >
              {job.name}
            </Anchor>
            <Badge size="xs" variant="outline" color={job.mode === 'copy' ? 'gray' : 'violet'} tt="none">
              {modeLabel(job.mode)}
            </Badge>
            <TriggerBadge job={job} />
          </Group>
          <Group
            gap={4}
            wrap="nowrap"
            miw={0}
            title={`${sourceText(job.source)} → ${targetText(job.target)}`}
          >
            <Text size="xs" c="dimmed" truncate>
              {sourceText(job.source)}
            </Text>
            <IconArrowRight size={12} aria-label="to" style={{ flexShrink: 0 }} />
            <Text size="xs" c="dimmed" truncate>
              {targetText(job.target)}
            </Text>
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        {job.error ? (
          <Tooltip label={job.error} multiline maw={320}>
            <span tabIndex={0}>
              <JobStateBadge job={job} size="sm" />
            </span>
          </Tooltip>
        ) : (
          <JobStateBadge job={job} size="sm" />
        )}
        <Text size="xs" mt={4} style={{ whiteSpace: 'nowrap' }} data-testid="history-started">
          {formatDateTime(started)}
        </Text>
        <Text size="xs" c="dimmed" data-testid="history-duration">
          {duration !== null ? formatDuration(duration) : job.startedAt ? 'under way' : 'not started'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="history-objects">
          {formatCount(t.objectsDone)} / {formatCount(t.objects)}
        </Text>
        <Text size="xs" c="dimmed" data-testid="history-bytes">
          {formatBytes(t.bytesDone)}
          {t.failed > 0 && (
            <Text span c="red" size="xs">
              {' '}
              · {formatCount(t.failed)} failed
            </Text>
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        <VerificationSummary
          counts={job.verification}
          listingComplete={listingCompleteOf(report)}
          size="sm"
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label="Open the log">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Open the log of ${job.name}`}
              onClick={() => navigate('logs', job.id)}
            >
              <IconFileText size={18} />
            </ActionIcon>
          </Tooltip>
          <HistoryReportsMenu job={job} onNotice={onNotice} />
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

/** Past runs with their verification summary, reports and logs. */
export function HistoryScreen(): ReactNode {
  const { list, status, error } = useJobs()
  const [filter, setFilter] = useState<StatusFilter>('all')
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const [notice, setNotice] = useState<string | null>(null)

  const [withPreviews, setWithPreviews] = useState(false)
  const runs = filterRuns(list, filter, search, withPreviews)
  const total = countedRuns(list, withPreviews).length
  const pages = Math.max(1, Math.ceil(runs.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const visible = runs.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
  useReportsOf(visible)

  const header = (
    <ScreenHeader title="History" description="Every run, its result and its verification report." />
  )

  if (status === 'error') {
    return (
      <>
        {header}
        <Alert color="red" title="The runs could not be loaded" role="alert">
          {error}
        </Alert>
      </>
    )
  }
  if (status !== 'ready' && list.length === 0) {
    return (
      <>
        {header}
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">Loading runs…</Text>
        </Group>
      </>
    )
  }
  if (list.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<IconHistory size={32} />} title="No runs yet">
          Runs you start appear here with what was copied and verified.
        </EmptyState>
      </>
    )
  }

  return (
    <>
      {header}
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name, container or bucket"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value)
            setPage(1)
          }}
          w={280}
        />
        <Select
          label="Status"
          data={STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={filter}
          onChange={(value) => {
            setFilter((value as StatusFilter | null) ?? 'all')
            setPage(1)
          }}
          allowDeselect={false}
          w={240}
        />
        <Checkbox
          label="Show previews"
          checked={withPreviews}
          onChange={(event) => {
            setWithPreviews(event.currentTarget.checked)
            setPage(1)
          }}
          pb={10}
        />
        <Text size="sm" c="dimmed" pb={8} aria-live="polite">
          {runs.length === total
            ? `${formatCount(total)} ${total === 1 ? 'run' : 'runs'}`
            : `${formatCount(runs.length)} of ${formatCount(total)} runs`}
        </Text>
      </Group>

      {notice && (
        <Alert
          color="gray"
          variant="light"
          mb="sm"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
          data-testid="history-notice"
        >
          {notice}
        </Alert>
      )}
      {runs.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {total === 0
            ? 'Only previews so far: tick "Show previews" to see them.'
            : 'No run matches. Clear the search or choose another status.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          {/* Fixed widths for the short columns; the run's name and route take the rest and truncate. */}
          <Table verticalSpacing="sm" highlightOnHover layout="fixed" aria-label="Past runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Run</Table.Th>
                <Table.Th w={170}>Status, started</Table.Th>
                <Table.Th w={104}>Objects</Table.Th>
                <Table.Th w={190}>Verification</Table.Th>
                <Table.Th w={80}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((job) => (
                <RunRow key={job.id} job={job} onNotice={setNotice} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={current} onChange={setPage} aria-label="Pages of runs" />
        </Group>
      )}
    </>
  )
}
