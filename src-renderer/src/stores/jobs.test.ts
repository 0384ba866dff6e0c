import { afterEach, describe, expect, it } from 'vitest'
import { setApi } from '../ipc/bridge'
import { detail, fakeJobsApi, FakeFailure, progress, summary } from '../features/job/test-support'
import {
  ensureJobsLoaded,
  loadJobDetail,
  loadJobs,
  pauseJob,
  provideJobCredentials,
  resetJobsStore,
  setJobBandwidth,
  useJobsStore,
} from './jobs'

afterEach(() => resetJobsStore())

const older = summary({ id: 'old', name: 'Older', createdAt: '2025-04-01T00:00:00.000Z', state: 'done' })
const newer = summary({ id: 'new', name: 'Newer', createdAt: '2025-05-01T00:00:00.000Z' })

describe('jobs store', () => {
  it('loads the list once, newest first, and subscribes to the three job events first', async () => {
    const fake = fakeJobsApi({ 'jobs.list': () => [older, newer] })
    setApi(fake.api)
    ensureJobsLoaded()
    ensureJobsLoaded()
    await loadJobs() // joins the load under way
    ensureJobsLoaded()
    expect(fake.callsOf('jobs.list')).toHaveLength(1)
    expect(useJobsStore.getState().list.map((j) => j.id)).toEqual(['new', 'old'])
    expect(useJobsStore.getState().status).toBe('ready')
    for (const event of ['job.state', 'job.progress', 'job.credentialsRequired'] as const) {
      expect(fake.listenerCount(event)).toBe(1)
    }
  })

  it('replaces a run with the whole summary a job.state event carries, and lists a new run in date order', async () => {
    const fake = fakeJobsApi({ 'jobs.list': () => [newer, older] })
    setApi(fake.api)
    await loadJobs()
    fake.emit('job.state', { ...newer, state: 'paused', bandwidthLimitMb: 5 })
    const middle = summary({ id: 'mid', createdAt: '2025-04-15T00:00:00.000Z', state: 'queued' })
    fake.emit('job.state', middle)
    const { list } = useJobsStore.getState()
    expect(list.map((j) => j.id)).toEqual(['new', 'mid', 'old'])
    expect(list[0]).toMatchObject({ state: 'paused', bandwidthLimitMb: 5 })
  })

  it('takes progress as absolute totals: a later event replaces the earlier one, never adds to it', async () => {
    const fake = fakeJobsApi({ 'jobs.list': () => [newer] })
    setApi(fake.api)
    await loadJobs()
    fake.emit('job.progress', {
      id: 'new',
      progress: progress({ objects: { total: 20, done: 5, copied: 5, skipped: 0, failed: 0 } }),
    })
    fake.emit('job.progress', {
      id: 'new',
      progress: progress({
        objects: { total: 20, done: 8, copied: 7, skipped: 0, failed: 1 },
        bytes: { total: 20_000_000, done: 8_000_000 },
      }),
    })
    const p = useJobsStore.getState().progress['new']
    expect(p?.objects).toEqual({ total: 20, done: 8, copied: 7, skipped: 0, failed: 1 })
    expect(p?.bytes.done).toBe(8_000_000)
  })

  it('a list reply replaces what pushes said before it (they are older), and pushes after it apply on top', async () => {
    let answer: (list: (typeof older)[]) => void = () => {}
    const fake = fakeJobsApi({ 'jobs.list': () => new Promise((resolve) => (answer = resolve)) })
    setApi(fake.api)
    const loading = loadJobs()
    fake.emit('job.state', { ...newer, state: 'queued' })
    answer([{ ...newer, state: 'running' }])
    await loading
    expect(useJobsStore.getState().list[0]?.state).toBe('running')
    fake.emit('job.state', { ...newer, state: 'done', outcome: 'completed' })
    expect(useJobsStore.getState().list[0]?.state).toBe('done')
  })

  it('remembers a request for keys until the run is no longer waiting', async () => {
    const fake = fakeJobsApi({ 'jobs.list': () => [newer] })
    setApi(fake.api)
    await loadJobs()
    fake.emit('job.credentialsRequired', { id: 'new', reason: 'ExpiredToken' })
    fake.emit('job.state', { ...newer, state: 'waiting-for-credentials' })
    expect(useJobsStore.getState().credentialsRequests).toEqual({ new: 'ExpiredToken' })
    fake.emit('job.state', { ...newer, state: 'running' })
    expect(useJobsStore.getState().credentialsRequests).toEqual({})
  })

  it('sends new keys write-only: the store keeps no trace of the secret', async () => {
    const fake = fakeJobsApi({
      'jobs.list': () => [newer],
      'jobs.provideCredentials': ({ id }) => summary({ id, state: 'running' }),
    })
    setApi(fake.api)
    await loadJobs()
    fake.emit('job.credentialsRequired', { id: 'new', reason: 'expired' })
    await provideJobCredentials({ id: 'new', accessKeyId: 'AKIANEW', secretAccessKey: 's3cr3t-value' })
    expect(fake.callsOf('jobs.provideCredentials')).toEqual([
      { id: 'new', accessKeyId: 'AKIANEW', secretAccessKey: 's3cr3t-value' },
    ])
    expect(JSON.stringify(useJobsStore.getState())).not.toContain('s3cr3t-value')
    expect(useJobsStore.getState().credentialsRequests).toEqual({})
  })

  it('a run’s detail brings its progress with the samples, its events and its spec', async () => {
    const samples: [number, number][] = [
      [1, 500_000],
      [2, 1_500_000],
    ]
    const fake = fakeJobsApi({ 'jobs.get': () => detail({ id: 'job-1', progress: progress({ samples }) }) })
    setApi(fake.api)
    await loadJobDetail('job-1')
    const state = useJobsStore.getState()
    expect(state.progress['job-1']?.samples).toEqual(samples)
    expect(state.extras['job-1']?.spec.target.bucket).toBe('photos-archive')
    expect(state.list).toHaveLength(1)
    expect(state.list[0]).not.toHaveProperty('events')
    expect(state.list[0]).not.toHaveProperty('progress')
  })

  it('says why a run’s detail could not be loaded', async () => {
    const fake = fakeJobsApi({
      'jobs.get': () => {
        throw new FakeFailure('NOT_FOUND', 'No run with id "gone".')
      },
    })
    setApi(fake.api)
    await loadJobDetail('gone')
    expect(useJobsStore.getState().detailErrors['gone']).toBe('No run with id "gone".')
  })

  it('actions put main’s answer in the list and pass their input as main expects it', async () => {
    const fake = fakeJobsApi({
      'jobs.list': () => [newer],
      'jobs.pause': ({ id }) => ({ ...newer, id, state: 'paused' }),
      'jobs.setBandwidth': ({ id, mb }) => ({ ...newer, id, bandwidthLimitMb: mb }),
    })
    setApi(fake.api)
    await loadJobs()
    await pauseJob('new')
    expect(useJobsStore.getState().list[0]?.state).toBe('paused')
    await setJobBandwidth('new', null)
    expect(fake.callsOf('jobs.setBandwidth')).toEqual([{ id: 'new', mb: null }])
    expect(useJobsStore.getState().list[0]?.bandwidthLimitMb).toBeNull()
  })

  it('reports a list that cannot be loaded', async () => {
    setApi(
      fakeJobsApi({
        'jobs.list': () => {
          throw new FakeFailure('UNAVAILABLE', 'Lost the connection')
        },
      }).api,
    )
    await loadJobs()
    expect(useJobsStore.getState()).toMatchObject({ status: 'error', error: 'Lost the connection' })
  })
})
