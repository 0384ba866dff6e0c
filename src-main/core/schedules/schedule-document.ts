import { z } from 'zod'
import { AppError } from '../errors'
import { globalWindowsSchema, scheduleSchema, type GlobalWindows, type Schedule } from './schedule-schema'

/** Raised whenever the stored shape changes; {@link SCHEDULE_MIGRATIONS} then gets a step to it. */
export const SCHEDULES_VERSION = 1

/** schedules.json: every schedule and the global bandwidth windows, in one versioned document. */
export const scheduleDocumentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEDULES_VERSION),
  schedules: z.array(scheduleSchema),
  globalWindows: globalWindowsSchema,
})

export interface ScheduleDocument {
  schemaVersion: typeof SCHEDULES_VERSION
  schedules: Schedule[]
  globalWindows: GlobalWindows
}

type Json = Record<string, unknown>

/**
 * Steps from each older version to the next, keyed by the version they start from, working on plain
 * JSON. None yet: version 1 is the first. A step must raise `schemaVersion` and keep what it does not
 * understand; the result is validated afterwards.
 */
export const SCHEDULE_MIGRATIONS: Readonly<Record<number, (document: Json) => Json>> = {}

export function emptyScheduleDocument(timeZone: string): ScheduleDocument {
  return { schemaVersion: SCHEDULES_VERSION, schedules: [], globalWindows: { timeZone, windows: [] } }
}

function versionOf(document: Json): number {
  const version = document['schemaVersion']
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(
      'INTERNAL',
      `The schedule file has an invalid schemaVersion ${JSON.stringify(version)}.`,
    )
  }
  return version
}

/**
 * Brings a stored document up to {@link SCHEDULES_VERSION}; refuses one written by a newer version of
 * the app, which this one must not rewrite in its older shape.
 */
export function migrateScheduleDocument(
  document: Json,
  migrations: Readonly<Record<number, (document: Json) => Json>> = SCHEDULE_MIGRATIONS,
  target = SCHEDULES_VERSION,
): Json {
  let version = versionOf(document)
  if (version > target) {
    throw new AppError(
      'UNAVAILABLE',
      `The schedules were saved by a newer version of swift2s3 (format ${version}, this version reads up ` +
        `to ${target}). Update the app to use them.`,
    )
  }
  let current = document
  while (version < target) {
    const step = migrations[version]
    if (step === undefined) throw new AppError('INTERNAL', `No migration from schedule format ${version}.`)
    current = step(current)
    const next = versionOf(current)
    if (next <= version)
      throw new AppError('INTERNAL', `Schedule migration from format ${version} did not advance.`)
    version = next
  }
  return current
}
