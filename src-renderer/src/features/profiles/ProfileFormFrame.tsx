import { Alert, Anchor, Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconPlugConnected } from '@tabler/icons-react'
import { useState, type FormEvent, type ReactNode } from 'react'
import { navigate } from '../../stores/navigation'
import { useProfiles, useProfileTest, type ProfileKind } from '../../stores/profiles'
import { useAppInfo } from '../../stores/app-info'
import { ConnectionChecks } from './ConnectionChecks'
import { VaultNotice } from './VaultNotice'

interface ProfileFormFrameProps {
  kind: ProfileKind
  /** The saved profile's id; undefined while it is new. */
  id: string | undefined
  title: string
  /** Import buttons and the like, beside the title. */
  actions?: ReactNode
  /** Alerts above the fields (what an import found). */
  banner?: ReactNode
  children: ReactNode
  onSubmit: () => void
  onTest: (bucket?: string) => void
  saving: boolean
  dirty: boolean
  /** A save failure that belongs to no input. */
  formError: string | null
}

/**
 * The parts both profile forms share: the way back, the title, Save and "Test connection", what the
 * last save said (main's notices) and what the last test found, kept in the store by profile id so
 * they outlive the move from "new" to "edit".
 */
export function ProfileFormFrame(props: ProfileFormFrameProps): ReactNode {
  const { kind, id, title, actions, banner, children, onSubmit, onTest, saving, dirty, formError } = props
  const lastSave = useProfiles((state) =>
    state.lastSave !== null && state.lastSave.id === id ? state.lastSave : null,
  )
  const { test, call } = useProfileTest(kind, id)
  const vault = useProfiles((state) => state.vault)
  const vaultError = useProfiles((state) => state.vaultError)
  const mode = useAppInfo((state) => state.info?.mode)
  const [bucket, setBucket] = useState('')
  const testing = call?.running === true
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSubmit()
  }

  return (
    <Stack gap="md" maw={760}>
      <Anchor component="button" type="button" size="sm" onClick={() => navigate('profiles')} w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          All profiles
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere', minWidth: 0, flex: 1 }}>
          {title}
        </Title>
        {actions !== undefined && <Group gap="xs">{actions}</Group>}
      </Group>
      <VaultNotice vault={vault} error={vaultError} mode={mode} />
      {banner}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate data-profile-form>
        <Stack gap="md">
          {children}
          <Divider />
          {formError !== null && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title="Not saved"
              role="alert"
            >
              {formError}
            </Alert>
          )}
          {lastSave !== null && (
            <Alert
              color="teal"
              variant="light"
              icon={<IconCircleCheck size={18} />}
              role="status"
              title={lastSave.created ? `Created “${lastSave.name}”` : `Saved “${lastSave.name}”`}
            >
              {lastSave.notices.length === 0 ? (
                test === undefined &&
                !testing && <Text size="sm">Test the connection to check it works.</Text>
              ) : (
                <Stack gap={4}>
                  {lastSave.notices.map((notice) => (
                    <Text size="sm" key={notice} c="orange.8" data-testid="save-notice">
                      {notice}
                    </Text>
                  ))}
                </Stack>
              )}
            </Alert>
          )}
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              {kind === 's3' && (
                <TextInput
                  label="Bucket to check"
                  description="Optional"
                  placeholder="my-bucket"
                  value={bucket}
                  onChange={(event) => setBucket(event.currentTarget.value)}
                  w={220}
                />
              )}
              <Button
                variant="light"
                leftSection={<IconPlugConnected size={16} />}
                loading={testing}
                disabled={saving}
                onClick={() => onTest(bucket.trim() || undefined)}
              >
                {id === undefined || dirty ? 'Save and test' : 'Test connection'}
              </Button>
            </Group>
            <Group gap="sm">
              <Button variant="default" onClick={() => navigate('profiles')}>
                {dirty || id === undefined ? 'Cancel' : 'Done'}
              </Button>
              <Button type="submit" loading={saving} disabled={testing}>
                {id === undefined ? 'Save profile' : 'Save changes'}
              </Button>
            </Group>
          </Group>
          <ConnectionChecks test={test} call={call} />
        </Stack>
      </Paper>
    </Stack>
  )
}
