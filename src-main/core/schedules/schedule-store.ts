import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync } from 'node:fs'
import Conf from 'conf'
import { AppError } from '../errors'
import { parseOrThrow } from '../profiles/validation'
import { onceInstant } from './next-runs'
import {
  emptyScheduleDocument,
  migrateScheduleDocument,
  scheduleDocumentSchema,
  SCHEDULES_VERSION,
  type ScheduleDocument,
} from './schedule-document'
import {
  globalWindowsSchema,
  scheduleDraftSchema,
  type GlobalWindows,
  type LastRun,
  type Schedule,
} from './schedule-schema'
import { systemTimeZone } from './zoned-time'

export const SCHEDULE_FILE = 'schedules'

export interface ScheduleStoreOptions {
  /** The app's data directory (where profiles.json lives). */
  cwd: string
  configName?: string
  /** Milliseconds since the epoch; the scheduler's clock, so tests and the injected clock agree. */
  now?: () => number
  newId?: () => string
  /** The zone new global windows are written in; the machine's otherwise. */
  defaultTimeZone?: string
}

function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase()
}

/**
 * Schedules and the global bandwidth windows in `schedules.json`, next to the profiles, written through
 * `conf` (atomic replace, mode 0600). The app is the file's only writer, so it is read once and then
 * kept in memory. Input is validated field by field; a bad one is refused with the
 * field named and nothing is written. An older file is migrated when the store opens, keeping the
 * original as `schedules.v<N>.backup.json`.
 */
export class ScheduleStore {
  readonly path: string
  private readonly conf: Conf<Record<string, unknown>>
  private readonly now: () => number
  private readonly newId: () => string
  /** The document as last read or written: only this process writes the file, and the scheduler reads it every tick. */
  private cached: ScheduleDocument | undefined

  constructor(options: ScheduleStoreOptions) {
    this.now = options.now ?? Date.now
    this.newId = options.newId ?? randomUUID
    try {
      this.conf = new Conf<Record<string, unknown>>({
        cwd: options.cwd,
        configName: options.configName ?? SCHEDULE_FILE,
        clearInvalidConfig: false,
        configFileMode: 0o600,
      })
    } catch (error) {
      throw new AppError(
        'INTERNAL',
        `The schedule file in ${options.cwd} could not be read (${(error as Error).message}); fix or move it away.`,
        undefined,
        { cause: error },
      )
    }
    this.path = this.conf.path
    this.upgrade(options.defaultTimeZone ?? systemTimeZone())
  }

  /** Every schedule, by name. */
  list(): Schedule[] {
    return [...this.read().schedules].sort((a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    )
  }

  find(id: string): Schedule | undefined {
    return this.read().schedules.find((s) => s.id === id)
  }

  /** @throws AppError NOT_FOUND */
  get(id: string): Schedule {
    const schedule = this.find(id)
    if (!schedule)
      throw new AppError('NOT_FOUND', `No schedule with id ${id}; it may have been deleted.`, 'id')
    return schedule
  }

  /**
   * Creates (no `id`) or updates a schedule from untrusted input. A new, re-enabled or retimed schedule
   * counts its due times from now: it never runs at once for a time before it was saved.
   * @throws AppError VALIDATION naming the field; CONFLICT for a taken name; NOT_FOUND for an unknown id.
   */
  save(input: unknown): Schedule {
    const { id, ...draft } = parseOrThrow(scheduleDraftSchema, input, 'Schedule')
    const document = this.read()
    const existing = id === undefined ? undefined : document.schedules.find((s) => s.id === id)
    if (id !== undefined && !existing) this.get(id)
    const clash = document.schedules.find((s) => nameKey(s.name) === nameKey(draft.name) && s.id !== id)
    if (clash) {
      throw new AppError(
        'CONFLICT',
        `A schedule named "${clash.name}" already exists; choose another name.`,
        'name',
      )
    }
    const now = this.now()
    const retimed =
      !existing ||
      JSON.stringify(existing.trigger) !== JSON.stringify(draft.trigger) ||
      existing.timeZone !== draft.timeZone ||
      (!existing.enabled && draft.enabled)
    if (
      retimed &&
      draft.enabled &&
      draft.trigger.type === 'once' &&
      onceInstant(draft.trigger.at, draft.timeZone) <= now
    ) {
      throw new AppError(
        'VALIDATION',
        `Schedule: trigger.at is in the past in ${draft.timeZone}; pick a later date and time.`,
        'trigger.at',
      )
    }
    const iso = new Date(now).toISOString()
    const schedule: Schedule = {
      id: existing?.id ?? this.newId(),
      ...draft,
      createdAt: existing?.createdAt ?? iso,
      updatedAt: iso,
      handledUntil: retimed ? iso : (existing?.handledUntil ?? iso),
      lastRun: existing?.lastRun ?? null,
    }
    this.write({
      ...document,
      schedules: existing
        ? document.schedules.map((s) => (s.id === schedule.id ? schedule : s))
        : [...document.schedules, schedule],
    })
    return schedule
  }

  /** Turns a schedule on or off; on counts due times from now. */
  setEnabled(id: string, enabled: boolean): Schedule {
    const { createdAt: _c, updatedAt: _u, handledUntil: _h, lastRun: _l, ...editable } = this.get(id)
    return this.save({ ...editable, enabled })
  }

  /** Removes a schedule and returns it. @throws AppError NOT_FOUND */
  delete(id: string): Schedule {
    const schedule = this.get(id)
    const document = this.read()
    this.write({ ...document, schedules: document.schedules.filter((s) => s.id !== id) })
    return schedule
  }

  /**
   * Records what the scheduler did: the latest run and how far due times are handled. Ignored for a
   * schedule deleted meanwhile (a run it started may finish after the delete).
   */
  recordRun(id: string, update: { lastRun?: LastRun; handledUntil?: number }): Schedule | undefined {
    const document = this.read()
    const schedule = document.schedules.find((s) => s.id === id)
    if (!schedule) return undefined
    const next: Schedule = {
      ...schedule,
      ...(update.lastRun && { lastRun: update.lastRun }),
      ...(update.handledUntil !== undefined && { handledUntil: new Date(update.handledUntil).toISOString() }),
    }
    this.write({ ...document, schedules: document.schedules.map((s) => (s.id === id ? next : s)) })
    return next
  }

  globalWindows(): GlobalWindows {
    return this.read().globalWindows
  }

  /** Replaces the global windows. @throws AppError VALIDATION naming the field */
  saveGlobalWindows(input: unknown): GlobalWindows {
    const windows = parseOrThrow(globalWindowsSchema, input, 'Bandwidth windows')
    this.write({ ...this.read(), globalWindows: windows })
    return windows
  }

  private read(): ScheduleDocument {
    this.cached ??= this.validate(this.conf.store, '')
    return structuredClone(this.cached)
  }

  private write(document: ScheduleDocument): void {
    this.conf.store = document as unknown as Record<string, unknown>
    this.cached = structuredClone(document)
  }

  private upgrade(timeZone: string): void {
    const raw = this.conf.store
    if (Object.keys(raw).length === 0) {
      this.write(emptyScheduleDocument(timeZone))
      return
    }
    const version = raw['schemaVersion']
    if (version === SCHEDULES_VERSION) return
    const migrated = this.validate(
      migrateScheduleDocument(raw),
      `after upgrading it from format ${String(version)}`,
    )
    if (existsSync(this.path))
      copyFileSync(this.path, this.path.replace(/\.json$/, `.v${String(version)}.backup.json`))
    this.write(migrated)
  }

  private validate(document: unknown, when: string): ScheduleDocument {
    const result = scheduleDocumentSchema.safeParse(document)
    if (result.success) return result.data as ScheduleDocument
    const issue = result.error.issues[0]
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'
    throw new AppError(
      'INTERNAL',
      `The schedule file ${this.path} is not valid${when ? ` ${when}` : ''} (${where}); fix or move it away.`,
    )
  }
}
