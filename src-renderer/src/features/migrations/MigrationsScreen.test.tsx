import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MigrationsScreen } from './MigrationsScreen'
import { fakeApi, FakeFailure } from './test/fake-api'
import { definition, job, jobEntry, profileList, s3Entry, swiftEntry } from './test/fixtures'
import { renderWith } from './test/render'

describe('Migrations screen, first run', () => {
  it('guides to both connections when there are none', async () => {
    const api = fakeApi({ 'profiles.list': () => profileList({ swift: [], s3: [] }), 'jobs.list': () => [] })
    renderWith(api, <MigrationsScreen />)
    expect(
      await screen.findByRole('heading', { name: 'Get ready for your first migration' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'New migration' })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Add your OpenStack connection' }))
    expect(window.location.hash).toBe('#/profiles/new/swift')
  })

  it('checks the step already done and offers the next', async () => {
    const api = fakeApi({ 'profiles.list': () => profileList({ s3: [] }), 'jobs.list': () => [] })
    renderWith(api, <MigrationsScreen />)
    expect(await screen.findByText('Saved: Swift prod')).toBeInTheDocument()
    expect(screen.getByText(/(done)/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add your OpenStack connection' })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Add your S3 destination' }))
    expect(window.location.hash).toBe('#/profiles/new/s3')
  })
})

describe('Migrations screen, with connections', () => {
  it('lists runs with their progress, follows progress pushes and opens a run', async () => {
    const live = {
      objects: { total: 4, done: 2, copied: 2, skipped: 0, failed: 0 },
      bytes: { total: 400, done: 250 },
      planned: false,
      rate: 25,
      etaSeconds: null,
      samples: [],
      workers: [],
      elapsedSeconds: 3,
      estimate: null,
    }
    const api = fakeApi({
      'profiles.list': () => profileList(),
      'jobs.list': () => [
        job('j1', { name: 'Photos', state: 'running' }),
        job('j2', { name: 'Preview', mode: 'dry-run' }),
        job('j3', {
          name: 'Old run',
          state: 'done',
          outcome: 'completed',
          createdAt: '2024-01-01T00:00:00.000Z',
        }),
      ],
      // Asked once for the run under way, so its numbers show before its first push.
      'jobs.get': ({ id }) => ({
        ...job(id, { name: 'Photos' }),
        progress: { ...live, estimate: { objects: 10, bytes: 1000, etaSeconds: 30 } },
        events: [],
        spec: {} as never,
      }),
    })
    renderWith(api, <MigrationsScreen />)
    // Until the listing is complete the share and the time left come from main's estimate, and say so.
    const running = await screen.findByRole('button', { name: /Photos: Running, about 25%, about 30s left/ })
    expect(within(running).getByTestId('run-time-left')).toHaveTextContent('about 30s left')
    expect(screen.getByRole('button', { name: /Old run: Completed, 100%/ })).toBeInTheDocument()
    expect(api.callsTo('jobs.get')).toEqual([{ id: 'j1' }])
    // Previews are not runs the user started.
    expect(screen.queryByText('Preview')).not.toBeInTheDocument()

    // A total still growing with no estimate (a prefix, say) gives no share at all.
    act(() => api.emit('job.progress', { id: 'j1', progress: live }))
    expect(running).toHaveAccessibleName('Photos: Running — open the run')
    expect(within(running).getByTestId('run-share')).toHaveTextContent('—')

    act(() =>
      api.emit('job.progress', {
        id: 'j1',
        progress: {
          ...live,
          objects: { total: 10, done: 9, copied: 9, skipped: 0, failed: 0 },
          bytes: { total: 1000, done: 900 },
          planned: true,
          rate: 100,
          etaSeconds: 1,
        },
      }),
    )
    expect(running).toHaveAccessibleName(/Photos: Running, 90%, 1s left/)
    await userEvent.click(running)
    expect(window.location.hash).toBe('#/job/j1')
  })

  it('runs a saved migration, asking for a secret the vault lacks', async () => {
    const start = vi.fn((input: { secrets?: Record<string, string> }) => {
      if (!input.secrets?.['swift:sw1:key']) {
        throw new FakeFailure({
          code: 'AUTH',
          message:
            'Secrets are missing: the Swift profile "Swift prod" needs its key. Enter them to continue.',
          field: 'swift:sw1:key',
        })
      }
      return job('j9')
    })
    const api = fakeApi({
      'profiles.list': () => profileList({ jobs: [jobEntry(definition('d1', 'Nightly photos'))] }),
      'jobs.list': () => [],
      'jobs.start': start,
    })
    renderWith(api, <MigrationsScreen />)
    await userEvent.click(await screen.findByRole('button', { name: 'Run Nightly photos' }))
    const dialog = await screen.findByRole('dialog', { name: 'A secret is needed to start' })
    expect(within(dialog).getByText(/needs its key/)).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }))
    expect(within(dialog).getByText('Enter the secret, or cancel.')).toBeInTheDocument()
    await userEvent.type(within(dialog).getByLabelText(/Secret/), 'hunter2')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await waitFor(() => expect(window.location.hash).toBe('#/job/j9'))
    expect(api.callsTo('jobs.start')).toEqual([
      { definitionId: 'd1' },
      { definitionId: 'd1', secrets: { 'swift:sw1:key': 'hunter2' } },
    ])
  })

  it('opens the run under way instead of starting a second one of the same migration', async () => {
    const api = fakeApi({
      'profiles.list': () => profileList({ jobs: [jobEntry(definition('d1', 'Nightly photos'))] }),
      'jobs.list': () => [job('j4', { definitionId: 'd1', state: 'running' })],
      'jobs.start': () => job('j5'),
    })
    renderWith(api, <MigrationsScreen />)
    await screen.findAllByTestId('run-row')
    await userEvent.click(await screen.findByRole('button', { name: 'Run Nightly photos' }))
    await waitFor(() => expect(window.location.hash).toBe('#/job/j4'))
    expect(api.callsTo('jobs.start')).toEqual([])
  })

  it('deletes a saved migration only after confirming', async () => {
    let jobs = [jobEntry(definition('d1', 'Nightly photos'))]
    const api = fakeApi({
      'profiles.list': () => profileList({ jobs }),
      'jobs.list': () => [],
      'profiles.delete': ({ kind, id }) => {
        jobs = []
        return { kind, id, name: 'Nightly photos' }
      },
    })
    renderWith(api, <MigrationsScreen />)
    await userEvent.click(await screen.findByRole('button', { name: 'More actions for Nightly photos' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete this migration?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }))
    expect(api.callsTo('profiles.delete')).toEqual([])
    // Focus goes back to the button the menu opened from, not to the top of the page.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'More actions for Nightly photos' })).toHaveFocus(),
    )

    await userEvent.click(screen.getByRole('button', { name: 'More actions for Nightly photos' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete…' }))
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByText('Nightly photos')).not.toBeInTheDocument())
    expect(api.callsTo('profiles.delete')).toEqual([{ kind: 'job', id: 'd1' }])
    // Its row is gone: focus continues from the list's title.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Saved migrations' })).toHaveFocus())
  })

  it('duplicates a saved migration and shows the copy', async () => {
    let jobs = [jobEntry(definition('d1', 'Nightly photos'))]
    const api = fakeApi({
      'profiles.list': () => profileList({ jobs }),
      'jobs.list': () => [],
      'profiles.duplicate': () => {
        const copy = jobEntry(definition('d2', 'Nightly photos (copy)'))
        jobs = [...jobs, copy]
        return { entry: copy, notices: [] }
      },
    })
    renderWith(api, <MigrationsScreen />)
    await userEvent.click(await screen.findByRole('button', { name: 'More actions for Nightly photos' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Duplicate' }))
    expect(await screen.findByText('Nightly photos (copy)')).toBeInTheDocument()
    expect(api.callsTo('profiles.duplicate')).toEqual([{ kind: 'job', id: 'd1' }])
  })

  it('copies a saved migration as a CLI command and shows the secrets to set and the notes', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const api = fakeApi({
      'profiles.list': () =>
        profileList({
          swift: [swiftEntry('sw1', 'Swift prod')],
          s3: [s3Entry('s31', 'AWS', 'aws')],
          jobs: [jobEntry(definition('d1', 'Nightly photos'))],
        }),
      'jobs.list': () => [],
      'jobs.cliCommand': () => ({
        command: "swift2s3 --container photos --bucket archive --authUrl 'https://swift.example/auth/v1.0'",
        secretEnv: ['SWIFT_KEY', 'AWS_SECRET_ACCESS_KEY'],
        notes: ['The CA bundle of "Swift prod" is not on the command line.'],
      }),
    })
    renderWith(api, <MigrationsScreen />)
    await userEvent.click(await screen.findByRole('button', { name: 'More actions for Nightly photos' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Copy as CLI command' }))
    const dialog = await screen.findByRole('dialog', { name: 'Command line for "Nightly photos"' })
    expect(await within(dialog).findByTestId('cli-command')).toHaveTextContent('swift2s3 --container photos')
    expect(within(dialog).getByText('SWIFT_KEY')).toBeInTheDocument()
    expect(within(dialog).getByText('AWS_SECRET_ACCESS_KEY')).toBeInTheDocument()
    expect(within(dialog).getByText(/CA bundle/)).toBeInTheDocument()
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument()
    expect(writeText).toHaveBeenCalledWith(
      "swift2s3 --container photos --bucket archive --authUrl 'https://swift.example/auth/v1.0'",
    )
    expect(api.callsTo('jobs.cliCommand')).toEqual([{ definitionId: 'd1' }])
  })

  it('says when the list cannot be loaded and retries', async () => {
    let fail = true
    const api = fakeApi({
      'profiles.list': () => {
        if (fail) throw new FakeFailure({ code: 'UNAVAILABLE', message: 'The engine is restarting.' })
        return profileList()
      },
      'jobs.list': () => [],
    })
    renderWith(api, <MigrationsScreen />)
    expect(await screen.findByText('The engine is restarting.')).toBeInTheDocument()
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('button', { name: 'New migration' })).toBeInTheDocument()
  })
})
