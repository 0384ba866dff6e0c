import { Alert, Button, Center, Loader, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { ScreenHeader } from '../../components/ScreenHeader'
import { useAppInfo } from '../../stores/app-info'
import { navigate, useNavigation } from '../../stores/navigation'
import {
  dismissLastSave,
  duplicateProfile,
  loadProfiles,
  loadVaultInfo,
  stageImport,
  useProfiles,
  type ProfileEntry,
} from '../../stores/profiles'
import { AwsProfilePicker, draftFromAwsProfile } from './AwsProfilePicker'
import { DeleteProfileModal } from './DeleteProfileModal'
import { ProfileSection } from './ProfileSection'
import { S3ProfileForm } from './S3ProfileForm'
import { SwiftImportMenu } from './SwiftImportMenu'
import { SwiftProfileForm } from './SwiftProfileForm'
import { VaultNotice } from './VaultNotice'

interface Notice {
  color: 'teal' | 'red' | 'orange'
  title: string
  lines: string[]
}

/** Remounts a form when main's copy of its profile changes (a save, a cleared secret), so it shows that. */
function formKey(entry: ProfileEntry): string {
  return [entry.record.id, entry.record.updatedAt, ...entry.secrets.map((slot) => slot.status)].join(':')
}

function ProfileList(): ReactNode {
  const { status, error, swift, s3, vault, vaultError } = useProfiles()
  const mode = useAppInfo((state) => state.info?.mode)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [deleting, setDeleting] = useState<ProfileEntry | null>(null)
  // What the last save said belongs to its form; back on the list it is done with.
  useEffect(() => dismissLastSave(), [])

  const duplicate = async (entry: ProfileEntry): Promise<void> => {
    try {
      const result = await duplicateProfile(entry.kind, entry.record.id)
      setNotice({ color: 'teal', title: `Created “${result.entry.record.name}”`, lines: result.notices })
    } catch (cause) {
      setNotice({
        color: 'red',
        title: `Could not duplicate “${entry.record.name}”`,
        lines: [String((cause as Error).message ?? cause)],
      })
    }
  }

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <ScreenHeader
          title="Profiles"
          description="Saved connections: OpenStack Swift sources and S3 destinations."
        />
        <VaultNotice vault={vault} error={vaultError} mode={mode} />
        {notice !== null && (
          <Alert
            color={notice.color}
            variant="light"
            title={notice.title}
            withCloseButton
            onClose={() => setNotice(null)}
            role={notice.color === 'red' ? 'alert' : 'status'}
          >
            {notice.lines.join(' ')}
          </Alert>
        )}
        {status === 'error' && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="Could not load the profiles"
          >
            {error}
            <Button
              size="xs"
              variant="light"
              color="red"
              mt="xs"
              display="block"
              onClick={() => void loadProfiles()}
            >
              Try again
            </Button>
          </Alert>
        )}
      </Stack>
      {status === 'loading' && swift.length + s3.length === 0 ? (
        <Center py="xl">
          <Loader aria-label="Loading profiles" />
        </Center>
      ) : (
        status !== 'error' && (
          <>
            <ProfileSection
              kind="swift"
              title="OpenStack Swift sources"
              description="Where the objects are copied from."
              entries={swift}
              addLabel="Add your OpenStack connection"
              emptyText="Add the OpenStack project that holds your containers: an application credential is best, a password or an openrc / clouds.yaml file works too."
              extra={
                <SwiftImportMenu
                  onImported={(result) => {
                    stageImport({ kind: 'swift', result })
                    navigate('profiles', 'new', 'swift')
                  }}
                  onError={(message) =>
                    setNotice(
                      message === null
                        ? null
                        : { color: 'red', title: 'Could not import the file', lines: [message] },
                    )
                  }
                />
              }
              onDuplicate={(entry) => void duplicate(entry)}
              onDelete={setDeleting}
            />
            <ProfileSection
              kind="s3"
              title="S3 destinations"
              description="Where the objects are copied to."
              entries={s3}
              addLabel="Add your S3 destination"
              emptyText="Add the S3 service to copy into: Amazon S3, or any S3-compatible store (Ceph, MinIO, another Swift with s3api). Keys, or a profile from ~/.aws."
              extra={
                <AwsProfilePicker
                  label="From an AWS profile…"
                  onPick={(profile) => {
                    stageImport({
                      kind: 's3',
                      draft: draftFromAwsProfile(profile),
                      source: `AWS profile ${profile.name}`,
                    })
                    navigate('profiles', 'new', 's3')
                  }}
                />
              }
              onDuplicate={(entry) => void duplicate(entry)}
              onDelete={setDeleting}
            />
          </>
        )
      )}
      <DeleteProfileModal
        entry={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(name) => setNotice({ color: 'teal', title: `Deleted “${name}”`, lines: [] })}
      />
    </Stack>
  )
}

function EditRoute({ kind, id }: { kind: string; id: string }): ReactNode {
  const status = useProfiles((state) => state.status)
  const entry = useProfiles((state) =>
    kind === 'swift' ? state.swift.find((e) => e.record.id === id) : state.s3.find((e) => e.record.id === id),
  )
  if (entry === undefined) {
    if (status === 'idle' || status === 'loading') {
      return (
        <Center py="xl">
          <Loader aria-label="Loading the profile" />
        </Center>
      )
    }
    return (
      <Alert color="orange" variant="light" title="This profile is not there" maw={560}>
        It may have been deleted, or the link is wrong.
        <Button size="xs" variant="light" mt="xs" display="block" onClick={() => navigate('profiles')}>
          Back to the profiles
        </Button>
      </Alert>
    )
  }
  return entry.kind === 'swift' ? (
    <SwiftProfileForm key={formKey(entry)} entry={entry} />
  ) : (
    <S3ProfileForm key={formKey(entry)} entry={entry} />
  )
}

/**
 * Saved connections, and the forms to add and change them. Routes: `#/profiles`, `#/profiles/new/swift`,
 * `#/profiles/new/s3`, `#/profiles/edit/<swift|s3>/<id>`.
 */
export function ProfilesScreen(): ReactNode {
  const path = useNavigation((state) => state.path)

  // Main's copy is the truth (the CLI edits the same file): fetch it whenever the screen opens.
  useEffect(() => {
    void loadProfiles()
    if (useProfiles.getState().vault === null) void loadVaultInfo()
  }, [])

  const [action, kind, id] = path
  if (action === 'new' && kind === 'swift') return <SwiftProfileForm key="new-swift" entry={undefined} />
  if (action === 'new' && kind === 's3') return <S3ProfileForm key="new-s3" entry={undefined} />
  if (action === 'edit' && (kind === 'swift' || kind === 's3') && id !== undefined) {
    return <EditRoute kind={kind} id={id} />
  }
  return <ProfileList />
}
