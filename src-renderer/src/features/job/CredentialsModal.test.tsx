import { MantineProvider } from '@mantine/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { setApi } from '../../ipc/bridge'
import { resetJobsStore } from '../../stores/jobs'
import { useNavigation } from '../../stores/navigation'
import { JobScreen } from './JobScreen'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import { detail, fakeJobsApi, FakeFailure, summary } from './test-support'

/** The credentials modal's second way out: main reads the run's S3 profile again. */

function renderJob() {
  useNavigation.setState({ screen: 'job', path: ['job-1'] })
  return render(
    <MantineProvider>
      <JobScreen />
    </MantineProvider>,
  )
}

afterEach(() => resetJobsStore())

type Fake = ReturnType<typeof fakeJobsApi>

async function expireKeys(
  fake: Fake,
  definitionId: string | null = 'def-1',
  profiles: JobSummary['profiles'] = { swift: 'sw-1', s3: 's3-1' },
): Promise<HTMLElement> {
  await screen.findByRole('heading', { level: 1, name: 'Photos to S3' })
  act(() => {
    fake.emit('job.credentialsRequired', { id: 'job-1', reason: 'InvalidAccessKeyId' })
    fake.emit('job.state', summary({ state: 'waiting-for-credentials', definitionId, profiles }))
  })
  return screen.findByRole('dialog', { name: 'New S3 credentials needed' })
}

describe('credentials modal: the profile’s current keys', () => {
  it('asks main to read the profile again, closes, and the run goes on', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail(),
      'jobs.reloadCredentials': ({ id }) => summary({ id, state: 'running' }),
    })
    setApi(fake.api)
    renderJob()
    const dialog = await expireKeys(fake)
    expect(dialog).toHaveTextContent('aws sso login')

    await userEvent.click(within(dialog).getByRole('button', { name: 'Use the profile’s current keys' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(fake.callsOf('jobs.reloadCredentials')).toEqual([{ id: 'job-1' }])
    expect(fake.callsOf('jobs.provideCredentials')).toEqual([])
    expect(screen.getByTestId('job-state')).toHaveTextContent('Running')
  })

  it('shows main’s reason when the profile has no usable keys, and keeps the modal open', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => detail(),
      'jobs.reloadCredentials': () => {
        throw new FakeFailure(
          'AUTH',
          'The S3 profile "Archive" has no secret access key saved. Set it on the Profiles screen, or enter the keys here.',
          'profile:p2:secretAccessKey',
        )
      },
    })
    setApi(fake.api)
    renderJob()
    const dialog = await expireKeys(fake)

    await userEvent.click(within(dialog).getByRole('button', { name: 'Use the profile’s current keys' }))

    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('"Archive" has no secret access key saved')
    expect(screen.getByRole('dialog', { name: 'New S3 credentials needed' })).toBeInTheDocument()
    // Typing keys is still possible after the refusal.
    expect(within(dialog).getByLabelText(/Secret access key/)).toHaveValue('')
  })

  it('offers it for a run started without saving, which names its S3 profile', async () => {
    const fake = fakeJobsApi({ 'jobs.get': () => detail({ definitionId: null }) })
    setApi(fake.api)
    renderJob()
    const dialog = await expireKeys(fake, null)
    expect(within(dialog).getByRole('button', { name: 'Use the profile’s current keys' })).toBeInTheDocument()
  })

  it('does not offer it for a run that names no profile (recorded before runs kept them)', async () => {
    const fake = fakeJobsApi({ 'jobs.get': () => detail({ definitionId: null, profiles: null }) })
    setApi(fake.api)
    renderJob()
    const dialog = await expireKeys(fake, null, null)
    expect(within(dialog).queryByRole('button', { name: 'Use the profile’s current keys' })).toBeNull()
    expect(dialog).toHaveTextContent('used for this run only and are not saved')
  })
})
