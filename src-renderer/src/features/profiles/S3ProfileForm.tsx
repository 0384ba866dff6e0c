import { Alert, NativeSelect, SimpleGrid, Switch, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconBrandAws } from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import type { AwsProfileSummary } from '../../../../src-preload/contract/profile-import'
import type { S3Entry } from '../../../../src-preload/contract/profiles'
import { SegmentedField } from '../../components/SegmentedField'
import { clearStagedImport, stagedImport } from '../../stores/profiles'
import { AdvancedConnection } from './AdvancedConnection'
import { AwsProfilePicker, draftFromAwsProfile } from './AwsProfilePicker'
import { typedSecret, type SecretOrigin } from './form-support'
import { ProfileFormFrame } from './ProfileFormFrame'
import {
  S3_ADVANCED_KEYS,
  s3Draft,
  s3KeyOf,
  s3Values,
  s3VisibleKeys,
  validateS3,
  type S3FormValues,
} from './s3-form'
import { SecretInput } from './SecretInput'
import { useProfileSave } from './use-profile-save'

const CREDENTIAL_OPTIONS = [
  { value: 'keys', label: 'Access key and secret key' },
  { value: 'aws-profile', label: 'A profile from ~/.aws (SSO, roles, credential_process)' },
  { value: 'default-chain', label: 'The default chain (environment, instance or container role)' },
]

const CHECKSUM_OPTIONS = [
  { value: 'auto', label: 'Automatic: AWS defaults on AWS, only when required elsewhere' },
  { value: 'sdk-default', label: 'Always (the AWS SDK default)' },
  { value: 'when-required', label: 'Only when required (older S3-compatible servers)' },
]

const SSE_OPTIONS = [
  { value: '', label: 'None (the bucket default)' },
  { value: 'AES256', label: 'S3-managed keys (AES256)' },
  { value: 'aws:kms', label: 'AWS KMS (aws:kms)' },
]

/** Create or edit an S3 destination: AWS or S3-compatible, keys or an AWS profile. */
export function S3ProfileForm({ entry }: { entry: S3Entry | undefined }): ReactNode {
  const id = entry?.record.id
  const origin: SecretOrigin =
    entry?.secrets.find((slot) => slot.field === 'secretAccessKey')?.status ?? 'unset'
  const [fromAws, setFromAws] = useState<string | null>(() =>
    entry === undefined ? (stagedImport('s3')?.source ?? null) : null,
  )
  const [advanced, setAdvanced] = useState(false)

  const form = useForm<S3FormValues>({
    mode: 'controlled',
    initialValues: s3Values(
      entry?.record ?? (entry === undefined ? stagedImport('s3')?.draft : undefined),
      origin,
    ),
    validate: validateS3,
  })
  useEffect(() => clearStagedImport(), [])
  const values = form.getValues()

  const { save, saveAndTest, saving, formError } = useProfileSave<S3FormValues>({
    kind: 's3',
    id,
    form,
    input: (v) => {
      const typed = v.credentialsType === 'keys' ? typedSecret(v.secrets.secretAccessKey) : undefined
      return {
        kind: 's3',
        record: s3Draft(v, id),
        ...(typed !== undefined && { secrets: { secretAccessKey: typed } }),
      }
    },
    toClear: (v) =>
      (origin === 'set' || origin === 'session') &&
      v.credentialsType === 'keys' &&
      v.secrets.secretAccessKey.action === 'clear'
        ? ['secretAccessKey']
        : [],
    keyOf: (field) => s3KeyOf(field),
    visibleKeys: s3VisibleKeys,
    onErrors: (keys) => {
      if (keys.some((key) => S3_ADVANCED_KEYS.includes(key))) setAdvanced(true)
    },
  })

  const onAwsProfile = (profile: AwsProfileSummary): void => {
    const draft = draftFromAwsProfile(profile)
    const current = form.getValues()
    form.setValues({
      ...s3Values(draft, origin),
      // Keep what the user already typed as the name; the rest comes from the AWS profile.
      name: current.name.trim() === '' ? draft.name : current.name,
    })
    form.clearErrors()
    setFromAws(`AWS profile ${profile.name}`)
  }

  const compatible = values.provider === 's3-compatible'

  return (
    <ProfileFormFrame
      kind="s3"
      id={id}
      title={entry === undefined ? 'New S3 destination' : `Edit ${entry.record.name}`}
      actions={<AwsProfilePicker onPick={onAwsProfile} />}
      banner={
        fromAws !== null && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconBrandAws size={18} />}
            title={`Filled in from ${fromAws}`}
          >
            The keys stay in ~/.aws and are read when a migration runs. Check the settings below, then save.
          </Alert>
        )
      }
      onSubmit={() => void save()}
      onTest={(bucket) => void saveAndTest(bucket)}
      saving={saving}
      dirty={form.isDirty()}
      formError={formError}
    >
      <TextInput
        label="Profile name"
        withAsterisk
        placeholder="Archive bucket on AWS"
        {...form.getInputProps('name')}
      />
      <SegmentedField
        label="Provider"
        data={[
          { value: 'aws', label: 'Amazon S3' },
          { value: 's3-compatible', label: 'S3-compatible (Ceph, MinIO, Swift s3api…)' },
        ]}
        {...form.getInputProps('provider')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput
          label="Endpoint"
          withAsterisk={compatible}
          placeholder={compatible ? 'https://s3.example.com' : 'Leave empty for AWS'}
          description={compatible ? 'The server’s S3 URL' : 'Only for a VPC or FIPS endpoint'}
          {...form.getInputProps('endpoint')}
        />
        <TextInput
          label="Region"
          placeholder={compatible ? 'us-east-1' : 'eu-west-1'}
          description={compatible ? 'Often us-east-1 on S3-compatible servers' : 'Where the buckets are'}
          {...form.getInputProps('region')}
        />
      </SimpleGrid>
      <Switch
        label="Path-style addressing"
        description="https://endpoint/bucket instead of https://bucket.endpoint; most S3-compatible servers need it"
        {...form.getInputProps('forcePathStyle', { type: 'checkbox' })}
      />
      <NativeSelect
        label="Credentials"
        data={CREDENTIAL_OPTIONS}
        {...form.getInputProps('credentialsType')}
      />
      {values.credentialsType === 'keys' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Access key ID"
            withAsterisk
            description="The public half, e.g. AKIA…"
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('accessKeyId')}
          />
          <SecretInput
            label="Secret access key"
            origin={origin}
            edit={values.secrets.secretAccessKey}
            onChange={(edit) => form.setFieldValue('secrets.secretAccessKey', edit)}
            error={form.errors['secrets.secretAccessKey.value']}
            description="Leave empty to be asked for it when a migration starts."
          />
        </SimpleGrid>
      )}
      {values.credentialsType === 'aws-profile' && (
        <TextInput
          label="AWS profile name"
          withAsterisk
          placeholder="default"
          description="A profile of ~/.aws/config on the machine running the engine; its keys are read at run time."
          {...form.getInputProps('awsProfile')}
        />
      )}
      {values.credentialsType === 'default-chain' && (
        <Text size="sm" c="dimmed">
          The AWS SDK looks for keys in the environment (AWS_ACCESS_KEY_ID …), ~/.aws, and the instance or
          container role, when a migration runs.
        </Text>
      )}
      <AdvancedConnection
        opened={advanced}
        onToggle={() => setAdvanced((open) => !open)}
        caBundle={form.getInputProps('caBundle')}
        onCaBundleFile={(text) => form.setFieldValue('caBundle', text)}
        insecure={form.getInputProps('insecure', { type: 'checkbox' })}
        proxyUrl={form.getInputProps('proxyUrl')}
      >
        <NativeSelect
          label="Checksums"
          description="When uploads add the SDK’s CRC checksums; some S3-compatible servers reject them"
          data={CHECKSUM_OPTIONS}
          {...form.getInputProps('checksumMode')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Storage class"
            placeholder="STANDARD"
            description="e.g. STANDARD_IA, GLACIER_IR"
            {...form.getInputProps('storageClass')}
          />
          <NativeSelect
            label="Server-side encryption"
            data={SSE_OPTIONS}
            {...form.getInputProps('serverSideEncryption')}
          />
        </SimpleGrid>
        {values.serverSideEncryption === 'aws:kms' && (
          <TextInput
            label="KMS key ID"
            description="Leave empty for the AWS-managed key"
            {...form.getInputProps('sseKmsKeyId')}
          />
        )}
      </AdvancedConnection>
    </ProfileFormFrame>
  )
}
