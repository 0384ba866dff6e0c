import {
  Autocomplete,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconCheck, IconPlus } from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import { useBucketMapping } from './bucket-mapping'
import { checkBucket, createBucket, listBuckets, useBucketBrowser, type BucketStatus } from './bucket-browser'
import { CONTAINER_PLACEHOLDER, bucketNameProblem } from './draft'
import { updateValues, useWizard } from './wizard-store'

/** Step 4: the bucket (or one per container), checked or created, and the key prefix in it. */
export function BucketStep({ aws }: { aws: boolean }): ReactNode {
  const values = useWizard((state) => state.values)
  const bucketError = useWizard((state) => state.errors['target.bucket'])
  const prefixError = useWizard((state) => state.errors['target.destPrefix'])
  const profileId = values.targetProfileId

  useEffect(() => {
    if (profileId !== '') void listBuckets(profileId)
  }, [profileId])

  const many = values.allContainers || values.containers.length > 1
  const perContainer = values.bucketMode === 'per-container'
  return (
    <Stack gap="md">
      {many && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="bucket-mode-label">
            Where do the containers go?
          </Text>
          <SegmentedControl
            aria-labelledby="bucket-mode-label"
            value={values.bucketMode}
            onChange={(mode) =>
              updateValues({ bucketMode: mode as 'single' | 'per-container' }, 'target.bucket')
            }
            data={[
              { value: 'single', label: 'One bucket, a folder per container' },
              { value: 'per-container', label: 'One bucket per container' },
            ]}
          />
        </Stack>
      )}
      {perContainer && many ? (
        <PerContainerBuckets profileId={profileId} error={bucketError} />
      ) : (
        <SingleBucket profileId={profileId} aws={aws} error={bucketError} many={many} />
      )}
      <TextInput
        label="Destination prefix (optional)"
        description={
          many && !perContainer
            ? 'Keys become <container>/<prefix><object name>. Leave empty for <container>/<object name>.'
            : 'Put in front of every key, e.g. "from-swift/". Leave empty to keep the object names as they are.'
        }
        placeholder="e.g. from-swift/"
        value={values.destPrefix}
        onChange={(event) => updateValues({ destPrefix: event.currentTarget.value }, 'target.destPrefix')}
        error={prefixError}
      />
    </Stack>
  )
}

function statusText(status: BucketStatus | undefined): ReactNode {
  if (!status) return null
  if (status.state === 'checking' || status.state === 'creating') {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{status.state === 'checking' ? 'Checking…' : 'Creating…'}</Text>
      </Group>
    )
  }
  if (status.state === 'failed')
    return (
      <Text size="sm" c="red">
        {status.error}
      </Text>
    )
  const { check } = status
  if (check.exists === true && !check.error) {
    return (
      <Text size="sm" c="teal">
        <IconCheck size={14} style={{ verticalAlign: 'middle' }} /> The bucket is there and these keys can use
        it
        {check.region ? ` (region ${check.region})` : ''}.
      </Text>
    )
  }
  return (
    <Text size="sm" c={check.exists === false ? 'orange' : 'red'}>
      {check.error?.message ?? 'The bucket cannot be used.'}
    </Text>
  )
}

function SingleBucket(props: {
  profileId: string
  aws: boolean
  error: string | undefined
  many: boolean
}): ReactNode {
  const { profileId, aws, error, many } = props
  const bucket = useWizard((state) => state.values.bucket)
  const browser = useBucketBrowser()
  const name = bucket.trim()
  const status = browser.status[name]
  const problem = name === '' ? undefined : bucketNameProblem(name, aws)
  const missing = status?.state === 'checked' && status.check.exists === false
  return (
    <Stack gap="xs">
      <Autocomplete
        label="Bucket"
        description={
          browser.listError
            ? 'Type the bucket name, then check it.'
            : 'Pick one of the buckets these keys can see, or type a new name.'
        }
        placeholder={browser.listing ? 'Listing buckets…' : 'e.g. swift-archive'}
        data={browser.buckets ?? []}
        value={bucket}
        onChange={(value) => updateValues({ bucket: value }, 'target.bucket')}
        error={error ?? problem}
        limit={200}
        maxDropdownHeight={240}
        withAsterisk
        inputContainer={(input) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1 }}>{input}</div>
            <Button
              variant="default"
              disabled={name === '' || problem !== undefined || status?.state === 'checking'}
              onClick={() => void checkBucket(profileId, name)}
            >
              Check
            </Button>
          </Group>
        )}
      />
      {browser.listError && (
        <Text size="sm" c="dimmed">
          {browser.listError.forbidden
            ? 'These keys may not list the buckets; that is fine, type the name.'
            : `The buckets could not be listed: ${browser.listError.message}`}
        </Text>
      )}
      {statusText(status)}
      {missing && (
        <Group>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => void createBucket(profileId, name)}
          >
            Create bucket "{name}"
          </Button>
        </Group>
      )}
      {many && (
        <Text size="sm" c="dimmed">
          Each container becomes a folder in this bucket, named exactly as the container.
        </Text>
      )}
    </Stack>
  )
}

function PerContainerBuckets({
  profileId,
  error,
}: {
  profileId: string
  error: string | undefined
}): ReactNode {
  const pattern = useWizard((state) => state.values.bucketPattern)
  const containers = useWizard((state) => state.values.containers)
  const all = useWizard((state) => state.values.allContainers)
  const status = useBucketBrowser((state) => state.status)
  const mapping = useBucketMapping(containers, pattern.trim(), !error && !all)
  const rows = mapping.rows
  const checkable = rows
  const missing = checkable.filter((row) => {
    const s = status[row.bucket]
    return s?.state === 'checked' && s.check.exists === false
  })
  return (
    <Stack gap="xs">
      <TextInput
        label="Bucket name pattern"
        description={`${CONTAINER_PLACEHOLDER} is replaced by each container's name, made a valid bucket name (lowercase, "-" for "_" and spaces).`}
        value={pattern}
        onChange={(event) => updateValues({ bucketPattern: event.currentTarget.value }, 'target.bucket')}
        error={error ?? mapping.error}
        withAsterisk
      />
      {all ? (
        <Text size="sm" c="dimmed">
          The buckets are named when the run starts, from the containers the account has then. They must exist
          before the run.
        </Text>
      ) : (
        rows.length > 0 && (
          <>
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                Container → bucket
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    for (const row of checkable) void checkBucket(profileId, row.bucket)
                  }}
                >
                  Check the buckets
                </Button>
                {missing.length > 0 && (
                  <Button
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => {
                      for (const row of missing) void createBucket(profileId, row.bucket)
                    }}
                  >
                    Create {missing.length === 1 ? 'the missing bucket' : `${missing.length} missing buckets`}
                  </Button>
                )}
              </Group>
            </Group>
            <Table withTableBorder verticalSpacing={4} aria-label="Container to bucket mapping">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Container</Table.Th>
                  <Table.Th>Bucket</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.container}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{row.container}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      {row.bucket}
                      {row.changed && (
                        <Text size="xs" c="dimmed">
                          Adjusted to be a valid bucket name of its own
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MappingStatus status={status[row.bucket]} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )
      )}
    </Stack>
  )
}

function MappingStatus({ status }: { status: BucketStatus | undefined }): ReactNode {
  if (!status)
    return (
      <Text size="xs" c="dimmed">
        Not checked
      </Text>
    )
  if (status.state === 'checking' || status.state === 'creating') return <Loader size="xs" />
  if (status.state === 'failed')
    return (
      <Badge color="red" variant="light">
        {status.error}
      </Badge>
    )
  if (status.check.exists === true && !status.check.error)
    return (
      <Badge color="teal" variant="light">
        Ready
      </Badge>
    )
  if (status.check.exists === false)
    return (
      <Badge color="orange" variant="light">
        Missing
      </Badge>
    )
  return (
    <Text size="xs" c="red">
      {status.check.error?.message ?? 'Cannot be used'}
    </Text>
  )
}
