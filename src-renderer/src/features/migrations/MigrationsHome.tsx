import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import { isFinishedState } from '../../components/JobStateBadge'
import { loadJobDetail, loadJobs, useJobs, useJobsStore } from '../../stores/jobs'
import { navigate } from '../../stores/navigation'
import { loadProfiles } from '../../stores/profiles'
import { FirstRunSteps } from './FirstRunSteps'
import { setNotice, useMigrationsNotice } from './notice'
import { RecentRuns, recentRuns } from './RecentRuns'
import { SavedMigrations } from './SavedMigrations'
import { useSavedLists } from './saved-lists'

/** The Migrations screen's list: getting started, the runs, and the saved migrations. */
export function MigrationsHome(): ReactNode {
  const { saved, error } = useSavedLists()
  const jobs = useJobs()
  const progress = useJobsStore((state) => state.progress)
  const notice = useMigrationsNotice((state) => state.notice)

  // Main may have changed the saved records (another window, the CLI): always ask again.
  useEffect(() => void loadProfiles(), [])

  // Progress comes as pushes, and a paused run sends none: ask once for the runs under way that have
  // not said anything since the page opened, so each shows its share and time left at once.
  const silent = recentRuns(jobs.list)
    .filter((job) => !isFinishedState(job.state) && job.state !== 'queued' && !(job.id in progress))
    .map((job) => job.id)
    .join(' ')
  useEffect(() => {
    for (const id of silent.split(' ').filter(Boolean)) void loadJobDetail(id)
  }, [silent])

  const ready = saved !== null && saved.swift.length > 0 && saved.s3.length > 0
  const problem = error ?? jobs.error
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Migrations
          </Title>
          <Text c="dimmed" size="sm">
            Copy containers from OpenStack Swift into S3 buckets.
          </Text>
        </div>
        {ready && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('migrations', 'new')}>
            New migration
          </Button>
        )}
      </Group>

      {notice && (
        <Alert
          color="teal"
          withCloseButton
          onClose={() => setNotice(null)}
          role="status"
          closeButtonLabel="Dismiss"
        >
          {notice}
        </Alert>
      )}

      {problem && (
        <Alert color="red" title="Could not load the migrations" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problem}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                void loadProfiles()
                void loadJobs()
              }}
            >
              Try again
            </Button>
          </Stack>
        </Alert>
      )}

      {saved === null ? (
        !problem && (
          <Group gap="sm">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              Loading…
            </Text>
          </Group>
        )
      ) : (
        <>
          {!ready && (
            <FirstRunSteps
              swift={saved.swift.map((entry) => entry.record.name)}
              s3={saved.s3.map((entry) => entry.record.name)}
            />
          )}
          <RecentRuns jobs={jobs.list} progress={progress} />
          {ready || saved.jobs.length > 0 ? <SavedMigrations saved={saved} /> : null}
        </>
      )}
    </Stack>
  )
}
