import type { Page } from '@playwright/test'
import { expect, type AppServer } from './fixtures'
import { freshBucket, invoke, saveMigration, seedContainer } from './job-support'

/**
 * Every screen with something on it: a Swift and an S3 profile, a saved migration, one finished run
 * and a schedule, created over browser mode's WebSocket against the loopback servers. Used by the
 * accessibility checks, which need each screen in its everyday state rather than empty.
 */

export interface SeededScreens {
  container: string
  bucket: string
  migration: string
  definitionId: string
  jobId: string
  swiftProfile: string
  s3Profile: string
  schedule: string
  remove: () => Promise<void>
}

/** Seeds the data and waits for the run to finish. Call `remove()` when done. */
export async function seedScreens(page: Page, app: AppServer, migration: string): Promise<SeededScreens> {
  const [source, target] = await Promise.all([seedContainer('a11y-src', 3, 4096), freshBucket('a11y-dst')])
  try {
    const definitionId = await saveMigration(page, app, {
      name: migration,
      container: source.container,
      bucket: target.bucket,
      bandwidthLimitMb: null,
    })
    const job = await invoke<{ id: string }>(page, app, 'jobs.start', { definitionId })
    await expect
      .poll(async () => (await invoke<{ state: string }>(page, app, 'jobs.get', { id: job.id })).state, {
        timeout: 30_000,
      })
      .toBe('done')
    const schedule = `Nightly ${migration.toLowerCase()}`
    await invoke(page, app, 'schedules.save', {
      name: schedule,
      definitionId,
      trigger: { type: 'daily', time: '02:00' },
      timeZone: 'UTC',
    })
    return {
      container: source.container,
      bucket: target.bucket,
      migration,
      definitionId,
      jobId: job.id,
      swiftProfile: `Lab Swift ${migration}`,
      s3Profile: `Lab S3 ${migration}`,
      schedule,
      remove: async () => {
        await Promise.all([source.remove(), target.remove()])
      },
    }
  } catch (error) {
    await Promise.all([source.remove(), target.remove()])
    throw error
  }
}
