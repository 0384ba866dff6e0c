import { ActionIcon, Alert, Button, Group, Menu, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCopy, IconDots, IconPencil, IconPlayerPlay, IconTerminal2, IconTrash } from '@tabler/icons-react'
import { useRef, useState, type ReactNode } from 'react'
import type { JobEntry, ProfileList } from '../../../../src-preload/contract/profiles'
import { isFinishedState } from '../../components/JobStateBadge'
import { startJob, useJobsStore } from '../../stores/jobs'
import { navigate } from '../../stores/navigation'
import { deleteProfile, duplicateProfile } from '../../stores/profiles'
import { showCliCommand } from './cli-command'
import { SecretCancelled, withSecrets } from './secret-prompt'

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** In words, where a saved migration reads and writes: "Swift prod: photos, logs → S3 AWS: archive". */
export function describeRoute(entry: JobEntry, saved: ProfileList): string {
  const { source, target } = entry.record
  const from = saved.swift.find((p) => p.record.id === source.profileId)?.record.name ?? 'a deleted profile'
  const to = saved.s3.find((p) => p.record.id === target.profileId)?.record.name ?? 'a deleted profile'
  const containers =
    source.containers === 'all'
      ? 'all containers'
      : source.containers.length <= 3
        ? source.containers.join(', ')
        : `${source.containers.slice(0, 2).join(', ')} and ${source.containers.length - 2} more`
  const bucket = target.bucketMode === 'per-container' ? `one bucket each (${target.bucket})` : target.bucket
  return `${from}: ${containers} → ${to}: ${bucket}`
}

/** The saved migrations with what can be done to each. */
export function SavedMigrations({ saved }: { saved: ProfileList }): ReactNode {
  const [problem, setProblem] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<JobEntry | null>(null)
  const [starting, setStarting] = useState<string | null>(null)
  // Each row's "More actions" button. A dialog opened from its menu gives focus back to it when it
  // closes; Mantine would return focus to the menu item, which is gone by then, and a keyboard user
  // would start again from the top of the page.
  const moreButtons = useRef(new Map<string, HTMLButtonElement>())
  const titleRef = useRef<HTMLHeadingElement>(null)
  const fromMenu = (entry: JobEntry, open: () => void): void => {
    moreButtons.current.get(entry.record.id)?.focus()
    open()
  }

  const run = async (entry: JobEntry): Promise<void> => {
    setProblem(null)
    // Main runs one copy of a migration at a time: Run on one under way opens that run.
    const running = useJobsStore
      .getState()
      .list.find(
        (job) =>
          job.definitionId === entry.record.id && job.mode !== 'dry-run' && !isFinishedState(job.state),
      )
    if (running) {
      navigate('job', running.id)
      return
    }
    setStarting(entry.record.id)
    try {
      const job = await withSecrets({}, (secrets) =>
        startJob({ definitionId: entry.record.id, ...(secrets && { secrets }) }),
      )
      navigate('job', job.id)
    } catch (error) {
      if (!(error instanceof SecretCancelled))
        setProblem(`"${entry.record.name}" did not start: ${errorText(error)}`)
    } finally {
      setStarting(null)
    }
  }

  const duplicate = async (entry: JobEntry): Promise<void> => {
    setProblem(null)
    try {
      await duplicateProfile('job', entry.record.id)
    } catch (error) {
      setProblem(`"${entry.record.name}" could not be duplicated: ${errorText(error)}`)
    }
  }

  const remove = async (entry: JobEntry): Promise<void> => {
    setDeleting(null)
    setProblem(null)
    try {
      await deleteProfile('job', entry.record.id)
      // Its row (and the button that opened the dialog) is gone: continue from the list's title.
      titleRef.current?.focus()
    } catch (error) {
      setProblem(`"${entry.record.name}" could not be deleted: ${errorText(error)}`)
    }
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="saved-migrations-title">
      <Title order={2} size="h4" id="saved-migrations-title" ref={titleRef} tabIndex={-1}>
        Saved migrations
      </Title>
      {problem && (
        <Alert color="red" withCloseButton onClose={() => setProblem(null)} role="alert">
          {problem}
        </Alert>
      )}
      {saved.jobs.length === 0 ? (
        <Text c="dimmed" size="sm">
          None yet. Save a migration at the end of "New migration" to run it again with one click, or to
          schedule it.
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {saved.jobs.map((entry) => (
            <Paper component="li" withBorder p="sm" key={entry.record.id} data-testid="saved-migration">
              <Group justify="space-between" wrap="nowrap" gap="md">
                <div style={{ minWidth: 0 }}>
                  <Text fw={500} truncate>
                    {entry.record.name}
                  </Text>
                  <Text size="sm" c="dimmed" truncate>
                    {describeRoute(entry, saved)}
                  </Text>
                </div>
                <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Button
                    size="xs"
                    leftSection={<IconPlayerPlay size={14} />}
                    loading={starting === entry.record.id}
                    onClick={() => void run(entry)}
                    aria-label={`Run ${entry.record.name}`}
                  >
                    Run
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => navigate('migrations', 'edit', entry.record.id)}
                    aria-label={`Edit ${entry.record.name}`}
                  >
                    Edit
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="default"
                        size={30}
                        aria-label={`More actions for ${entry.record.name}`}
                        ref={(button) => {
                          if (button) moreButtons.current.set(entry.record.id, button)
                          else moreButtons.current.delete(entry.record.id)
                        }}
                      >
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => void duplicate(entry)}>
                        Duplicate
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconTerminal2 size={14} />}
                        onClick={() =>
                          fromMenu(
                            entry,
                            () => void showCliCommand({ definitionId: entry.record.id }, entry.record.name),
                          )
                        }
                      >
                        Copy as CLI command
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item
                        // The -text shade: red-6 is under 4.5:1 on the dark menu.
                        color="var(--mantine-color-red-text)"
                        leftSection={<IconTrash size={14} />}
                        onClick={() => fromMenu(entry, () => setDeleting(entry))}
                      >
                        Delete…
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this migration?">
        {deleting && (
          <Stack gap="md">
            <Text size="sm">
              "{deleting.record.name}" will be removed from the saved migrations. Its past runs stay in
              History and nothing in Swift or S3 is touched.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
                Keep it
              </Button>
              <Button color="red" onClick={() => void remove(deleting)}>
                Delete
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
