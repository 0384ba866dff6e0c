import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconDeviceFloppy, IconPlayerPlay } from '@tabler/icons-react'
import { useEffect, type ReactNode } from 'react'
import { navigate } from '../../../stores/navigation'
import { loadProfiles } from '../../../stores/profiles'
import { setNotice } from '../notice'
import { useSavedLists } from '../saved-lists'
import { BucketStep } from './BucketStep'
import { ContainersStep } from './ContainersStep'
import { STEPS } from './draft'
import { OptionsStep } from './OptionsStep'
import { PreviewStep } from './PreviewStep'
import { DestinationStep, SourceStep } from './ProfileSteps'
import {
  closeWizard,
  goToStep,
  nextStep,
  openWizard,
  previousStep,
  saveDefinition,
  startMigration,
  useWizard,
} from './wizard-store'

const LABELS: Record<(typeof STEPS)[number], string> = {
  source: 'Source',
  containers: 'Containers',
  destination: 'Destination',
  bucket: 'Bucket',
  options: 'Options',
  preview: 'Preview',
}

/** New Migration (or editing a saved one): six steps, a dry-run preview, then Start or Save. */
export function MigrationWizard({ definitionId }: { definitionId: string | null }): ReactNode {
  const { saved, error: savedError } = useSavedLists()
  const step = useWizard((state) => state.step)
  const reached = useWizard((state) => state.reached)
  const loading = useWizard((state) => state.loading)
  const loadError = useWizard((state) => state.loadError)
  const busy = useWizard((state) => state.busy)
  const submitError = useWizard((state) => state.submitError)
  const values = useWizard((state) => state.values)

  useEffect(() => {
    void openWizard(definitionId)
    void loadProfiles()
  }, [definitionId])

  const target = saved?.s3.find((entry) => entry.record.id === values.targetProfileId)
  const aws = target?.record.provider === 'aws'
  const last = step === STEPS.length - 1
  const editing = definitionId !== null

  const leave = (): void => {
    closeWizard()
    navigate('migrations')
  }
  const save = async (): Promise<void> => {
    const id = await saveDefinition(aws)
    if (id === null) return
    closeWizard()
    setNotice(`Saved "${useWizard.getState().values.name.trim()}".`)
    navigate('migrations')
  }
  const start = async (): Promise<void> => {
    const jobId = await startMigration(aws)
    if (jobId === null) return
    closeWizard()
    navigate('job', jobId)
  }

  const title = editing ? `Edit "${values.name || '…'}"` : 'New migration'
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            Choose what to copy and where; the preview shows what would happen before anything is copied.
          </Text>
        </div>
        <Anchor component="button" onClick={leave} size="sm">
          Cancel
        </Anchor>
      </Group>

      {(loadError || savedError) && (
        <Alert
          color="red"
          title={loadError ? 'This migration could not be opened' : 'Could not load the profiles'}
          role="alert"
        >
          {loadError ?? savedError}
        </Alert>
      )}
      {loading || saved === null ? (
        !loadError &&
        !savedError && (
          <Group gap="sm">
            <Loader size="sm" />
            <Text size="sm">Loading…</Text>
          </Group>
        )
      ) : (
        <>
          <Stepper
            active={step}
            onStepClick={(index) => goToStep(index, aws)}
            size="sm"
            iconSize={28}
            allowNextStepsSelect={false}
            // Six steps on one line at 1024 px: tighter than Mantine's default spacing.
            styles={{ separator: { marginInline: 6, minWidth: 8 }, stepBody: { marginInlineStart: 8 } }}
            aria-label="Steps"
          >
            {STEPS.map((key, index) => (
              <Stepper.Step key={key} label={LABELS[key]} allowStepSelect={index <= reached} />
            ))}
          </Stepper>

          <Paper withBorder p="lg" radius="md" component="section" aria-label={LABELS[STEPS[step]!]}>
            {STEPS[step] === 'source' && <SourceStep profiles={saved.swift} />}
            {STEPS[step] === 'containers' && <ContainersStep />}
            {STEPS[step] === 'destination' && <DestinationStep profiles={saved.s3} />}
            {STEPS[step] === 'bucket' && <BucketStep aws={aws} />}
            {STEPS[step] === 'options' && <OptionsStep />}
            {STEPS[step] === 'preview' && <PreviewStep saved={saved} aws={aws} />}
          </Paper>

          {submitError && (
            <Alert color="red" title={busy === 'save' ? 'Not saved' : 'Something went wrong'} role="alert">
              {submitError}
            </Alert>
          )}

          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              onClick={previousStep}
              disabled={step === 0}
            >
              Back
            </Button>
            {last ? (
              <Group gap="sm">
                <Button
                  variant="default"
                  leftSection={<IconDeviceFloppy size={16} />}
                  loading={busy === 'save'}
                  disabled={busy !== null}
                  onClick={() => void save()}
                >
                  {editing ? 'Save changes' : 'Save as job definition'}
                </Button>
                <Button
                  leftSection={<IconPlayerPlay size={16} />}
                  loading={busy === 'start'}
                  disabled={busy !== null}
                  onClick={() => void start()}
                >
                  {editing ? 'Save and start' : 'Start migration'}
                </Button>
              </Group>
            ) : (
              <Button rightSection={<IconArrowRight size={16} />} onClick={() => nextStep(aws)}>
                Next
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  )
}
