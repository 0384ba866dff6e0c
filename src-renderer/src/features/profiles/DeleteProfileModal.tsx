import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { deleteProfile, useProfiles, type ProfileEntry } from '../../stores/profiles'

interface DeleteProfileModalProps {
  /** The profile to delete; the modal is open while this is set. */
  entry: ProfileEntry | null
  onClose: () => void
  onDeleted: (name: string) => void
}

/** Asks before deleting a profile, says what else goes with it, and shows main's refusal if any. */
export function DeleteProfileModal({ entry, onClose, onDeleted }: DeleteProfileModalProps): ReactNode {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const jobs = useProfiles((state) => state.jobs)
  const id = entry?.record.id
  const users = jobs.filter((job) => job.record.source.profileId === id || job.record.target.profileId === id)

  const close = (): void => {
    setError(null)
    onClose()
  }

  const confirm = async (): Promise<void> => {
    if (entry === null) return
    setBusy(true)
    setError(null)
    try {
      const removed = await deleteProfile(entry.kind, entry.record.id)
      onDeleted(removed.name)
      onClose()
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened={entry !== null} onClose={close} title="Delete this profile?" centered>
      {entry !== null && (
        <Stack>
          <Text size="sm">
            “{entry.record.name}” and the secrets stored with it will be deleted. This cannot be undone.
          </Text>
          {users.length > 0 && (
            <Alert color="orange" variant="light" title="Saved migrations use it">
              {users.map((job) => job.record.name).join(', ')}. Delete or change those first.
            </Alert>
          )}
          {error !== null && (
            <Alert color="red" variant="light" title="Not deleted" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              Delete profile
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
