import { Alert, Badge, Button, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core'
import { IconBrandAws } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import type { AwsProfileList, AwsProfileSummary } from '../../../../src-preload/contract/profile-import'
import type { S3ProfileDraft } from '../../../../src-preload/contract/profiles'
import { call } from '../../ipc/bridge'

const SOURCE_LABELS: Record<AwsProfileSummary['source'], string> = {
  keys: 'static keys',
  role: 'assumes a role',
  sso: 'AWS SSO',
  process: 'credential process',
  unknown: 'unknown source',
}

interface AwsProfilePickerProps {
  onPick: (profile: AwsProfileSummary) => void
  variant?: 'default' | 'light' | 'subtle'
  label?: string
}

/**
 * "Use an AWS profile": lists the profiles of ~/.aws on the machine running the engine (main reads
 * them; no key crosses to the renderer) and hands the chosen one's name, region and endpoint back.
 */
export function AwsProfilePicker({
  onPick,
  variant = 'default',
  label = 'Use an AWS profile…',
}: AwsProfilePickerProps): ReactNode {
  const [opened, setOpened] = useState(false)
  const [list, setList] = useState<AwsProfileList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)

  const open = async (): Promise<void> => {
    setOpened(true)
    setList(null)
    setError(null)
    try {
      const result = await call('profiles.awsProfiles')
      setList(result)
      setChosen(result.profiles[0]?.name ?? null)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  const confirm = (): void => {
    const profile = list?.profiles.find((p) => p.name === chosen)
    if (profile === undefined) return
    setOpened(false)
    onPick(profile)
  }

  return (
    <>
      <Button variant={variant} leftSection={<IconBrandAws size={16} />} onClick={() => void open()}>
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Use an AWS profile" centered size="lg">
        <Stack>
          <Text size="sm" c="dimmed">
            The profile&apos;s keys stay in ~/.aws and are read when a migration runs, so SSO, roles and
            credential processes keep refreshing themselves. Only the name, region and endpoint are copied
            into the form.
          </Text>
          {error !== null && (
            <Alert color="red" variant="light" title="Could not read the AWS profiles">
              {error}
            </Alert>
          )}
          {list === null && error === null && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">Reading ~/.aws…</Text>
            </Group>
          )}
          {list !== null && list.profiles.length === 0 && (
            <Alert color="yellow" variant="light" title="No AWS profiles found">
              {list.files.length
                ? `Looked in ${list.files.join(' and ')}.`
                : 'There is no ~/.aws/config or ~/.aws/credentials on the machine running the engine.'}
            </Alert>
          )}
          {list !== null && list.profiles.length > 0 && (
            <Radio.Group
              value={chosen}
              onChange={setChosen}
              label="Profile"
              name="aws-profile"
              description={`From ${list.files.join(' and ')}`}
            >
              <Stack gap="xs" mt="xs">
                {list.profiles.map((profile) => (
                  <Radio
                    key={profile.name}
                    value={profile.name}
                    label={
                      <Group gap="xs" wrap="wrap">
                        <Text size="sm" fw={500}>
                          {profile.name}
                        </Text>
                        <Badge variant="light" color="gray" size="sm">
                          {SOURCE_LABELS[profile.source]}
                        </Badge>
                      </Group>
                    }
                    description={[profile.region ?? 'no region', profile.endpoint ?? 'AWS endpoint'].join(
                      ' · ',
                    )}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button disabled={chosen === null || list === null} onClick={confirm}>
              Use this profile
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

function isAwsEndpoint(endpoint: string): boolean {
  try {
    return /(^|\.)amazonaws\.com(\.cn)?$/.test(new URL(endpoint).hostname)
  } catch {
    return false
  }
}

/** An S3 profile draft from an AWS profile: its name, region and endpoint; keys are read at run time. */
export function draftFromAwsProfile(profile: AwsProfileSummary): S3ProfileDraft {
  const endpoint = profile.endpoint
  return {
    name: `AWS ${profile.name}`.slice(0, 100),
    provider: endpoint === undefined || isAwsEndpoint(endpoint) ? 'aws' : 's3-compatible',
    ...(profile.region !== undefined && { region: profile.region }),
    ...(endpoint !== undefined && { endpoint }),
    credentials: { type: 'aws-profile', profile: profile.name },
  }
}
