import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { SETTINGS_LIMITS, type SettingsView } from '../../../../src-preload/contract/settings'
import { CallError } from '../../ipc/bridge'
import { useAppInfo } from '../../stores/app-info'
import { chooseLogDir, saveSettings, useSettings } from '../../stores/settings'
import { AboutApp } from './AboutApp'
import { LogFolder } from './LogFolder'
import {
  FIELD_OF,
  formValuesOf,
  messageForInput,
  patchOf,
  settingsProblems,
  type SettingsFormValues,
} from './settings-form'
import { ThemeChoice } from './ThemeChoice'

function Section({
  title,
  description,
  children,
}: {
  title: string
  description?: string
  children: ReactNode
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      <Stack gap="md" mt={description ? 0 : 'sm'}>
        {children}
      </Stack>
    </Paper>
  )
}

const L = SETTINGS_LIMITS

/** The settings form, for settings main has answered with. */
export function SettingsForm({ view }: { view: SettingsView }): ReactNode {
  const info = useAppInfo((state) => state.info)
  const vault = useSettings((state) => state.vault)
  const vaultError = useSettings((state) => state.vaultError)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<SettingsFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(view.settings),
    validate: settingsProblems,
    validateInputOnChange: true,
  })
  const desktop = view.desktop

  const notifyChanged = (title: string, message: string): void => {
    notifications.show({ color: 'green', title, message })
  }

  const onSubmit = form.onSubmit(async (values) => {
    setFailure(null)
    const patch = patchOf(values, view.settings)
    if (Object.keys(patch).length === 0) return
    setSaving(true)
    try {
      const next = await saveSettings(patch)
      // What main saved becomes the form's starting point, so "unsaved changes" is measured from it.
      form.setInitialValues(formValuesOf(next.settings))
      form.reset()
      notifyChanged(
        'Settings saved',
        'Limits apply at once; defaults apply to migrations started from now on.',
      )
    } catch (error) {
      const field = error instanceof CallError && error.field ? FIELD_OF[error.field] : undefined
      if (field && error instanceof CallError && error.field) {
        form.setFieldError(field, messageForInput(error.message, error.field))
      } else {
        setFailure(error instanceof Error ? error.message : String(error))
      }
    } finally {
      setSaving(false)
    }
  })

  const changeFolder = async (action: () => Promise<SettingsView>): Promise<void> => {
    setFailure(null)
    try {
      const before = view.logDir
      const next = await action()
      if (next.logDir !== before) notifyChanged('Log folder changed', `New runs write to ${next.logDir}.`)
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    }
  }

  // No silent clamping on blur: an out-of-range value stays as typed, with its error, and is not saved.
  const number = (field: keyof SettingsFormValues) => ({
    ...form.getInputProps(field),
    clampBehavior: 'none' as const,
  })
  const toggle = (field: keyof SettingsFormValues) => form.getInputProps(field, { type: 'checkbox' })

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" pb={72}>
        {view.problem && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title="Saved settings were not all usable"
          >
            {view.problem}
          </Alert>
        )}

        <Section
          title="New migrations"
          description="What a new migration starts with; each migration can change it."
        >
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <NumberInput
              label="Workers for a new migration"
              description="Objects one migration copies at the same time."
              min={L.defaultWorkers.min}
              max={L.defaultWorkers.max}
              allowDecimal={false}
              {...number('defaultWorkers')}
            />
            <NumberInput
              label="Upload in parts above (MiB)"
              description="Larger objects go up in parts, unless a saved migration says otherwise."
              min={L.multipartThresholdMb.min}
              max={L.multipartThresholdMb.max}
              allowDecimal={false}
              {...number('multipartThresholdMb')}
            />
          </SimpleGrid>
        </Section>

        <Section
          title="All migrations together"
          description="Shared by every migration running at once. A change applies at once to those running."
        >
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NumberInput
              label="Workers in total"
              description="More migrations wait their turn."
              min={L.globalWorkerCap.min}
              max={L.globalWorkerCap.max}
              allowDecimal={false}
              {...number('globalWorkerCap')}
            />
            <NumberInput
              label="Bandwidth (MB/s)"
              description="Empty for no limit. 1 MB = 1,000,000 bytes."
              placeholder="No limit"
              min={L.globalBandwidthMb.min}
              max={L.globalBandwidthMb.max}
              decimalScale={1}
              {...number('globalBandwidthMb')}
            />
            <NumberInput
              label="Memory for parts (MiB)"
              description="Buffers for parts being uploaded."
              min={L.partBudgetMb.min}
              max={L.partBudgetMb.max}
              allowDecimal={false}
              {...number('partBudgetMb')}
            />
          </SimpleGrid>
        </Section>

        <Section title="Logs and reports">
          <LogFolder
            view={view}
            onChoose={() => changeFolder(chooseLogDir)}
            onUseDefault={() => changeFolder(() => saveSettings({ logDir: null }))}
          />
          <NumberInput
            label="Delete logs and reports after (days)"
            description="Of finished runs, checked at start-up and once a day. Empty keeps them all."
            placeholder="Keep all"
            min={L.logRetentionDays.min}
            max={L.logRetentionDays.max}
            allowDecimal={false}
            maw={360}
            {...number('logRetentionDays')}
          />
        </Section>

        <Section
          title="Notifications and tray"
          description={
            desktop
              ? 'Desktop notifications and what the app does when its window closes.'
              : 'These apply to the desktop app; browser mode has no notifications or tray.'
          }
        >
          <Switch
            label="Notify when a migration finishes, fails or is cancelled"
            disabled={!desktop}
            {...toggle('onFinish')}
          />
          <Switch
            label="Notify when a migration needs new credentials"
            disabled={!desktop}
            {...toggle('onCredentials')}
          />
          <Switch
            label="Keep running in the tray when the window is closed"
            description="While a migration runs or a schedule is on, the app always stays in the tray."
            disabled={!desktop}
            {...toggle('closeToTray')}
          />
          <Switch
            label="Start with the system, in the tray"
            description="So schedules still run after the computer restarts."
            disabled={!desktop}
            {...toggle('startAtLogin')}
          />
        </Section>

        <Section title="Schedules">
          <Switch
            label="Run schedules missed while the app was closed, once at start-up"
            {...toggle('runMissedSchedulesAtStartup')}
          />
        </Section>

        <Section title="Appearance">
          <ThemeChoice />
        </Section>

        <Section title="About">
          <AboutApp info={info} vault={vault} vaultError={vaultError} file={view.file} />
        </Section>
      </Stack>

      <Paper
        withBorder
        p="sm"
        pos="sticky"
        bottom={0}
        style={{ zIndex: 2 }}
        shadow="sm"
        aria-label="Save settings"
        component="div"
      >
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c={failure ? 'red' : 'dimmed'} role={failure ? 'alert' : undefined}>
            {failure ?? (form.isDirty() ? 'You have unsaved changes.' : 'All changes are saved.')}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" disabled={!form.isDirty() || saving} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button
              type="submit"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={saving}
              disabled={!form.isDirty()}
            >
              Save
            </Button>
          </Group>
        </Group>
      </Paper>
    </form>
  )
}
