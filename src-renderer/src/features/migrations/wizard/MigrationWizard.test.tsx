import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { MigrationsScreen } from '../MigrationsScreen'
import { FakeFailure } from '../test/fake-api'
import { definition, job, jobEntry, profileList } from '../test/fixtures'
import { backend, next, walkToOptions } from '../test/wizard-backend'
import { renderWith } from '../test/render'

// Typing with user-event in happy-dom is slow; these walk through the whole wizard.
describe('New migration', { timeout: 20_000 }, () => {
  it('walks through the steps, naming each missing field, and previews the numbers', async () => {
    const { api, finishDryRun } = backend()
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    expect(await screen.findByRole('heading', { name: 'New migration' })).toBeInTheDocument()

    await next()
    expect(screen.getByText('Choose the OpenStack connection to copy from.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('radio', { name: /Swift prod/ }))
    await next()

    // Containers with their object counts and sizes; a search narrows the list by prefix.
    const table = await screen.findByRole('table', { name: 'Containers' })
    const photos = (await within(table).findByText('photos')).closest('tr')!
    expect(photos).toHaveTextContent('20')
    expect(photos).toHaveTextContent('41.0 kB')
    await next()
    expect(screen.getByText(/Select at least one container/)).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: /Search containers/ }), 'photos')
    await waitFor(() => expect(within(table).queryByText('logs')).not.toBeInTheDocument(), { timeout: 2000 })
    expect(api.callsTo('browse.containers').at(-1)).toEqual({ profileId: 'sw1', limit: 50, prefix: 'photos' })
    await userEvent.click(within(table).getByRole('checkbox', { name: 'Select photos' }))
    expect(screen.getByText('1 container selected')).toBeInTheDocument()
    await next()

    await next()
    expect(screen.getByText('Choose the S3 destination to copy to.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('radio', { name: /Object store/ }))
    await next()

    // Bucket: a missing name is named; a new bucket is checked, then created.
    await next()
    expect(screen.getByText('Enter the bucket name.')).toBeInTheDocument()
    await userEvent.type(screen.getByRole('combobox', { name: /^Bucket/ }), 'fresh-bucket')
    await userEvent.click(screen.getByRole('button', { name: 'Check' }))
    expect(await screen.findByText('The bucket fresh-bucket does not exist.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Create bucket "fresh-bucket"' }))
    expect(await screen.findByText(/The bucket is there and these keys can use it/)).toBeInTheDocument()
    expect(api.callsTo('browse.createBucket')).toEqual([{ profileId: 's31', bucket: 'fresh-bucket' }])
    await next()

    // Options: a missing worker count is named; bandwidth drives the estimate.
    const workers = screen.getByRole('textbox', { name: /Parallel transfers/ })
    await userEvent.clear(workers)
    await next()
    expect(screen.getByText('Enter the number of workers.')).toBeInTheDocument()
    await userEvent.clear(workers)
    await userEvent.type(workers, '4')
    await userEvent.type(screen.getByRole('textbox', { name: /Bandwidth limit/ }), '2')
    await next()

    // Preview: a dry run of exactly this migration.
    expect(await screen.findByText(/Comparing Swift with the bucket/)).toBeInTheDocument()
    expect(api.callsTo('jobs.start')).toEqual([
      {
        definition: {
          name: 'photos → fresh-bucket',
          source: { profileId: 'sw1', containers: ['photos'], directoryMarkers: 'keep' },
          target: { profileId: 's31', bucket: 'fresh-bucket', bucketMode: 'single' },
          options: {
            maxWorkers: 4,
            bandwidthLimitMb: 2,
            deep: false,
            mirror: { enabled: false, maxDeletions: 1000 },
          },
        },
        options: { dryRun: true },
      },
    ])
    finishDryRun()
    expect(await screen.findByTestId('plan-copy')).toHaveTextContent('20 objects40.0 MB')
    expect(screen.getByTestId('plan-skip')).toHaveTextContent('5 objects')
    expect(screen.getByTestId('plan-delete')).toHaveTextContent('Only in the bucket2 objects')
    expect(screen.getByTestId('plan-time')).toHaveTextContent('About 20 secondsat 2 MB/s')

    // Save needs a name.
    await userEvent.click(screen.getByRole('button', { name: 'Save as job definition' }))
    expect(screen.getByText('Give the migration a name to save it.')).toBeInTheDocument()
    expect(api.callsTo('profiles.save')).toEqual([])
    await userEvent.type(screen.getByRole('textbox', { name: /Name/ }), 'Photos to S3')
    await userEvent.click(screen.getByRole('button', { name: 'Save as job definition' }))
    await waitFor(() => expect(window.location.hash).toBe('#/migrations'))
    expect(api.callsTo('profiles.save')).toEqual([
      {
        kind: 'job',
        record: {
          name: 'Photos to S3',
          source: { profileId: 'sw1', containers: ['photos'], directoryMarkers: 'keep' },
          target: { profileId: 's31', bucket: 'fresh-bucket', bucketMode: 'single' },
          options: {
            maxWorkers: 4,
            bandwidthLimitMb: 2,
            deep: false,
            mirror: { enabled: false, maxDeletions: 1000 },
          },
        },
      },
    ])
  })

  it("shows main's refusal on the field it names, on that field's step", async () => {
    const { api, finishDryRun } = backend({
      'profiles.save': () => {
        throw new FakeFailure({
          code: 'VALIDATION',
          message: 'Job definition: target.bucket is already used by another migration',
          field: 'record.target.bucket',
        })
      },
    })
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await walkToOptions()
    await next()
    finishDryRun()
    await userEvent.type(await screen.findByRole('textbox', { name: /Name/ }), 'Photos')
    await userEvent.click(screen.getByRole('button', { name: 'Save as job definition' }))
    expect(await screen.findByText(/target.bucket is already used/)).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: /^Bucket/ })).toHaveAttribute('aria-invalid', 'true')
    expect(window.location.hash).toBe('#/migrations/new')
  })

  it('starts the unsaved migration and opens its live view', async () => {
    const { api, finishDryRun } = backend()
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await walkToOptions()
    await next()
    finishDryRun()
    await screen.findByTestId('plan-copy')
    await userEvent.click(screen.getByRole('button', { name: 'Start migration' }))
    await waitFor(() => expect(window.location.hash).toBe('#/job/run1'))
    const start = api.callsTo('jobs.start').at(-1)!
    expect(start).toEqual({ definition: expect.objectContaining({ name: 'photos → archive' }) })
  })

  it('maps many containers to one bucket each and shows the mapping', async () => {
    const { api } = backend()
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await userEvent.click(await screen.findByRole('radio', { name: /Swift prod/ }))
    await next()
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select every container shown' }))
    expect(screen.getByText('3 containers selected')).toBeInTheDocument()
    await next()
    await userEvent.click(await screen.findByRole('radio', { name: /Object store/ }))
    await next()
    await userEvent.click(screen.getByRole('radio', { name: 'One bucket per container' }))
    const pattern = screen.getByRole('textbox', { name: /Bucket name pattern/ })
    await userEvent.clear(pattern)
    await userEvent.type(pattern, 'swift-')
    await next()
    expect(screen.getByText(/exactly once/)).toBeInTheDocument()
    await userEvent.type(pattern, '{{container}')
    const mapping = await screen.findByRole('table', { name: 'Container to bucket mapping' })
    expect(within(mapping).getByText('swift-photos-old')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Check the buckets' }))
    expect(await within(mapping).findAllByText('Missing')).toHaveLength(3)
    await userEvent.click(screen.getByRole('button', { name: 'Create 3 missing buckets' }))
    expect(await within(mapping).findAllByText('Ready')).toHaveLength(3)
    await next()
    expect(screen.getByRole('textbox', { name: /Parallel transfers/ })).toBeInTheDocument()
  })

  it('pages through a long container list', async () => {
    const many = Array.from({ length: 75 }, (_, i) => ({
      name: `c${String(i).padStart(3, '0')}`,
      count: i,
      bytes: i * 1000,
    }))
    const { api } = backend({
      'browse.containers': ({ marker }) => {
        const start = marker === undefined ? 0 : many.findIndex((c) => c.name === marker) + 1
        const page = many.slice(start, start + 50)
        return start + 50 < many.length
          ? { containers: page, nextMarker: page.at(-1)!.name }
          : { containers: page }
      },
    })
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await userEvent.click(await screen.findByRole('radio', { name: /Swift prod/ }))
    await next()
    expect(await screen.findByText('50 containers shown, more available')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }))
    expect(await screen.findByText('75 containers shown')).toBeInTheDocument()
    expect(screen.getByText('c074')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument()
    expect(api.callsTo('browse.containers').at(-1)).toEqual({ profileId: 'sw1', limit: 50, marker: 'c049' })
  })

  it('lets a bucket be typed when the keys may not list buckets', async () => {
    const { api } = backend({
      'browse.buckets': () => {
        throw new FakeFailure({ code: 'FORBIDDEN', message: 'Access denied for ListBuckets.' })
      },
    })
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await userEvent.click(await screen.findByRole('radio', { name: /Swift prod/ }))
    await next()
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select photos' }))
    await next()
    await userEvent.click(await screen.findByRole('radio', { name: /Object store/ }))
    await next()
    expect(await screen.findByText(/These keys may not list the buckets/)).toBeInTheDocument()
    await userEvent.type(screen.getByRole('combobox', { name: /^Bucket/ }), 'archive')
    await userEvent.click(screen.getByRole('button', { name: 'Check' }))
    expect(
      await screen.findByText(/The bucket is there and these keys can use it \(region us-east-1\)/),
    ).toBeInTheDocument()
  })

  it('asks for a missing secret before the preview and uses it again to start', async () => {
    const { api, finishDryRun } = backend({
      'jobs.start': (input) => {
        if (!input.secrets)
          throw new FakeFailure({
            code: 'AUTH',
            message: 'The S3 profile needs its secret access key.',
            field: 's3:s31:secretAccessKey',
          })
        return input.options?.dryRun ? job('dry1', { state: 'planning', mode: 'dry-run' }) : job('run2')
      },
    })
    renderWith(api, <MigrationsScreen />, '#/migrations/new')
    await walkToOptions()
    await next()
    const dialog = await screen.findByRole('dialog', { name: 'A secret is needed to start' })
    await userEvent.type(within(dialog).getByLabelText(/Secret/), 's3cr3t')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await screen.findByText(/Comparing Swift with the bucket/)
    finishDryRun()
    await userEvent.click(await screen.findByRole('button', { name: 'Start migration' }))
    await waitFor(() => expect(window.location.hash).toBe('#/job/run2'))
    expect(api.callsTo('jobs.start').map((input) => input.secrets)).toEqual([
      undefined,
      { 's3:s31:secretAccessKey': 's3cr3t' },
      { 's3:s31:secretAccessKey': 's3cr3t' },
    ])
  })
})

describe('Editing a saved migration', { timeout: 20_000 }, () => {
  it('opens with its values, lets any step be visited and saves under the same id', async () => {
    const saved = definition('d1', 'Nightly', {
      options: {
        maxWorkers: 8,
        bandwidthLimitMb: null,
        deep: false,
        mirror: { enabled: true, maxDeletions: 5 },
        metadata: { userMetadata: 'copy', extra: [], oversized: 'fail' },
      },
    })
    const { api } = backend({
      'profiles.list': () => profileList({ jobs: [jobEntry(saved)] }),
      'profiles.get': () => jobEntry(saved),
    })
    renderWith(api, <MigrationsScreen />, '#/migrations/edit/d1')
    expect(await screen.findByRole('heading', { name: 'Edit "Nightly"' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: /Options/ }))
    expect(screen.getByText('Mirror mode deletes objects in S3')).toBeInTheDocument()
    const workers = screen.getByRole('textbox', { name: /Parallel transfers/ })
    expect(workers).toHaveValue('8')
    await userEvent.clear(workers)
    await userEvent.type(workers, '12')
    await userEvent.click(screen.getByRole('button', { name: /Preview/ }))
    await userEvent.click(await screen.findByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.callsTo('profiles.save')).toHaveLength(1))
    expect(api.callsTo('profiles.save')[0]).toEqual({
      kind: 'job',
      record: expect.objectContaining({
        id: 'd1',
        name: 'Nightly',
        options: {
          maxWorkers: 12,
          bandwidthLimitMb: null,
          deep: false,
          mirror: { enabled: true, maxDeletions: 5 },
        },
      }),
    })
  })
})
