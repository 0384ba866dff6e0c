import { Alert, Box, Group, Loader, Text } from '@mantine/core'
import { IconFileText } from '@tabler/icons-react'
import { useCallback, useEffect, type ReactNode } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { lineAt } from '../../stores/log-pages'
import { navigate, useNavigation } from '../../stores/navigation'
import {
  followLogEvents,
  isWriting,
  loadRuns,
  openRun,
  setFollow,
  showRows,
  useLogs,
} from '../../stores/logs'
import type { LogRun } from '../../../../src-preload/contract/logs'
import { formatCount } from '../job/format'
import { LineDetails } from './LineDetails'
import { LogHeader } from './LogHeader'
import { LogToolbar } from './LogToolbar'
import { LogView } from './LogView'
import { RunList } from './RunList'

// The screen fills the window below the header, so only the log scrolls.
const SCREEN_HEIGHT = 'calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))'

/** Each run's log: a list of runs, and the chosen run's log paged from main, filtered and searched there. */
export function LogsScreen(): ReactNode {
  const routeId = useNavigation((s) => (s.screen === 'logs' ? (s.path[0] ?? null) : null))
  const runs = useLogs((s) => s.runs)
  const runsStatus = useLogs((s) => s.runsStatus)
  const runsError = useLogs((s) => s.runsError)
  const jobId = useLogs((s) => s.jobId)

  useEffect(() => {
    const stop = followLogEvents()
    void loadRuns()
    return stop
  }, [])

  // The route names the run (#/logs/<jobId>, so other screens can link to a log); without one, the newest.
  useEffect(() => {
    if (runsStatus !== 'ready') return
    openRun(routeId ?? runs[0]?.jobId ?? null)
  }, [routeId, runsStatus, runs])

  const run = runs.find((r) => r.jobId === jobId)

  return (
    <Box h={SCREEN_HEIGHT} style={{ display: 'flex', flexDirection: 'column' }}>
      <ScreenHeader title="Logs" description="The log of every run: filter it, search it, export it." />
      {runsStatus === 'error' && (
        <Alert color="red" title="The runs could not be listed" mb="sm">
          {runsError}
        </Alert>
      )}
      {runsStatus === 'ready' && runs.length === 0 ? (
        <EmptyState icon={<IconFileText size={32} />} title="No runs yet">
          Each run writes a log file named after its date, container and bucket, and a verification report you
          can export and hand on. Start a migration and its log appears here.
        </EmptyState>
      ) : (
        <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Box component="nav" aria-label="Runs with logs" w={230} style={{ flex: 'none', minHeight: 0 }}>
            {runsStatus === 'loading' ? (
              <Loader size="sm" aria-label="Loading the runs" />
            ) : (
              <RunList runs={runs} selected={jobId} onSelect={(id) => navigate('logs', id)} />
            )}
          </Box>
          <Box
            style={{ flex: 1, minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            {jobId && <OpenLog run={run} />}
          </Box>
        </Group>
      )}
    </Box>
  )
}

function OpenLog({ run }: { run: LogRun | undefined }): ReactNode {
  const info = useLogs((s) => s.info)
  const pages = useLogs((s) => s.pages)
  const search = useLogs((s) => s.search)
  const cursor = useLogs((s) => s.cursor)
  const scrollTo = useLogs((s) => s.scrollTo)
  const follow = useLogs((s) => s.follow)
  const error = useLogs((s) => s.error)
  const notice = useLogs((s) => s.notice)
  const leaveTail = useCallback(() => {
    if (useLogs.getState().follow) setFollow(false)
  }, [])
  const current = cursor === null ? undefined : lineAt(pages, cursor)
  const select = useCallback((row: number) => useLogs.setState({ cursor: row, matchIndex: null }), [])

  return (
    <>
      <LogHeader run={run} writing={isWriting(run?.state)} />
      <LogToolbar />
      {error && run?.fileName === null ? (
        <Alert color="blue" title="No log yet">
          This run has not started writing its log. It appears here as soon as it does.
        </Alert>
      ) : error ? (
        <Alert color="red" title="The log could not be read">
          {error}
        </Alert>
      ) : (
        <LogView
          rows={info?.rows ?? 0}
          total={info?.total ?? 0}
          pages={pages}
          search={search}
          cursor={cursor}
          scrollTo={scrollTo}
          follow={follow}
          onRange={showRows}
          onLeaveTail={leaveTail}
          onSelect={select}
        />
      )}
      {current && (
        <LineDetails
          line={current}
          search={search}
          onClose={() => useLogs.setState({ cursor: null, matchIndex: null })}
        />
      )}
      <Group justify="space-between" gap="xs" wrap="nowrap" mih={18}>
        <Text size="xs" c="dimmed" data-testid="log-shown">
          {info && info.rows !== info.total
            ? `${formatCount(info.rows)} of ${formatCount(info.total)} lines shown`
            : ''}
        </Text>
        <Text size="xs" role="status" data-testid="log-notice" truncate="end">
          {notice}
        </Text>
      </Group>
    </>
  )
}
