import type { ReactNode } from 'react'
import type { S3Entry, SwiftEntry } from '../../../../../src-preload/contract/profiles'
import { navigate } from '../../../stores/navigation'
import { ProfilePicker } from './ProfilePicker'
import { updateValues, useWizard } from './wizard-store'

function swiftDetail(entry: SwiftEntry): string {
  const auth = entry.record.auth
  return 'authUrl' in auth ? auth.authUrl : auth.storageUrl
}

function s3Detail(entry: S3Entry): string {
  const { provider, endpoint, region } = entry.record
  if (provider === 'aws') return `AWS${region ? `, ${region}` : ''}`
  return endpoint ?? 'S3-compatible'
}

/** Step 1: which OpenStack connection to copy from. */
export function SourceStep({ profiles }: { profiles: SwiftEntry[] }): ReactNode {
  const value = useWizard((state) => state.values.sourceProfileId)
  const error = useWizard((state) => state.errors['source.profileId'])
  return (
    <ProfilePicker
      label="Copy from this OpenStack connection"
      profiles={profiles.map((entry) => ({
        id: entry.record.id,
        name: entry.record.name,
        detail: swiftDetail(entry),
      }))}
      value={value}
      // Containers belong to an account: a different connection starts the selection again.
      onChange={(id) =>
        updateValues(
          id === value ? {} : { sourceProfileId: id, containers: [] },
          'source.profileId',
          'source.containers',
        )
      }
      error={error}
      emptyText="There is no OpenStack connection yet."
      onAdd={() => navigate('profiles', 'new', 'swift')}
      addLabel="Add an OpenStack connection"
    />
  )
}

/** Step 3: which S3 destination to copy to. */
export function DestinationStep({ profiles }: { profiles: S3Entry[] }): ReactNode {
  const value = useWizard((state) => state.values.targetProfileId)
  const error = useWizard((state) => state.errors['target.profileId'])
  return (
    <ProfilePicker
      label="Copy to this S3 destination"
      profiles={profiles.map((entry) => ({
        id: entry.record.id,
        name: entry.record.name,
        detail: s3Detail(entry),
      }))}
      value={value}
      onChange={(id) => updateValues({ targetProfileId: id }, 'target.profileId')}
      error={error}
      emptyText="There is no S3 destination yet."
      onAdd={() => navigate('profiles', 'new', 's3')}
      addLabel="Add an S3 destination"
    />
  )
}
