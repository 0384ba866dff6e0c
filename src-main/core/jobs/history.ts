import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { silentLogger, type Logger } from '../log/logger'
import { JsonFile } from '../secrets/json-file'
import { historyDocumentSchema, HISTORY_VERSION, parseRecord, type HistoryDocument } from './history-schema'
import { canTransition, isFinished } from './job-manager-states'
import type { JobId, JobRecord } from './job-manager-types'

export const HISTORY_FILE = 'job-history.json'
export const DEFAULT_HISTORY_LIMIT = 500

export interface JobHistoryOptions {
  /** Created on the first write. */
  dir: string
  /** Runs kept; the oldest finished ones go first. */
  limit?: number
  logger?: Logger
  /** Milliseconds since the epoch, for the name a damaged file is moved aside to. */
  now: () => number
}

/** Why a run that was under way when the app stopped shows as interrupted. */
export const INTERRUPTED_MESSAGE =
  'The app stopped while this run was under way. Resume it to copy what is missing: objects already copied are skipped.'

/**
 * Every run the manager started, newest last, in one versioned JSON file replaced atomically on each
 * change (a crash leaves the previous version, never half a file). Records hold no secrets (see
 * redactSpec). Writes are collapsed: a burst of state changes costs one write plus one for whatever
 * changed while it was on its way.
 *
 * A file that cannot be read as history is moved aside rather than either refused or overwritten: the
 * jobs must still run, and nothing a person might want to recover is destroyed.
 */
export class JobHistory {
  private readonly file: JsonFile
  private readonly limit: number
  private readonly logger: Logger
  private runs: JobRecord[] = []
  private dirty = false
  private writing: Promise<void> | undefined
  /** Runs found under way in the file, now marked interrupted. */
  readonly interrupted: JobId[] = []

  private constructor(private readonly options: JobHistoryOptions) {
    this.file = new JsonFile(join(options.dir, HISTORY_FILE))
    this.limit = options.limit ?? DEFAULT_HISTORY_LIMIT
    this.logger = options.logger ?? silentLogger
  }

  get path(): string {
    return this.file.path
  }

  /** Loads the file and marks the runs it shows as under way interrupted (their process is gone). */
  static async open(options: JobHistoryOptions): Promise<JobHistory> {
    const history = new JobHistory(options)
    await history.load()
    return history
  }

  records(): readonly JobRecord[] {
    return this.runs
  }

  get(id: string): JobRecord | undefined {
    return this.runs.find((r) => r.id === id)
  }

  /** Adds or replaces a record (by id) and schedules a write; returns the ids of runs dropped to stay bounded. */
  put(record: JobRecord): JobId[] {
    const index = this.runs.findIndex((r) => r.id === record.id)
    if (index >= 0) this.runs[index] = record
    else this.runs.push(record)
    const dropped = this.prune()
    this.save()
    return dropped
  }

  /** Resolves once everything put so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing
  }

  private prune(): JobId[] {
    const excess = this.runs.length - this.limit
    if (excess <= 0) return []
    // Oldest first; runs under way are never dropped, the manager still reports on them.
    const drop = new Set<JobRecord>()
    for (const record of this.runs) {
      if (drop.size >= excess) break
      if (isFinished(record.state)) drop.add(record)
    }
    this.runs = this.runs.filter((r) => !drop.has(r))
    return [...drop].map((r) => r.id)
  }

  private save(): void {
    this.dirty = true
    this.writing ??= this.drain()
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false
        const document: HistoryDocument = { version: HISTORY_VERSION, runs: this.runs }
        await this.file.write(document)
      }
    } catch (error) {
      // Losing history must not stop a migration; the next change tries again.
      this.logger.log('warn', `Could not save the job history to ${this.path}`, {
        error: error instanceof Error ? error.message : String(error),
      })
    } finally {
      this.writing = undefined
    }
  }

  private async load(): Promise<void> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return this.moveAside('damaged')
    }
    const document = historyDocumentSchema.safeParse(parsed)
    if (!document.success) return this.moveAside('damaged')
    if (document.data.version !== HISTORY_VERSION) return this.moveAside(`v${document.data.version}`)
    let dropped = 0
    for (const raw of document.data.runs) {
      const record = parseRecord(raw)
      if (record) this.runs.push(record)
      else dropped++
    }
    if (dropped > 0) this.logger.log('warn', `Dropped ${dropped} unreadable runs from ${this.path}`)
    for (const record of this.runs) {
      if (isFinished(record.state) || !canTransition(record.state, 'interrupted')) continue
      record.state = 'interrupted'
      record.error = INTERRUPTED_MESSAGE
      this.interrupted.push(record.id)
    }
    if (dropped > 0 || this.interrupted.length > 0) {
      this.save()
      await this.flush()
    }
  }

  private async moveAside(reason: string): Promise<void> {
    const aside = `${this.path}.${reason}-${this.options.now()}`
    await rename(this.path, aside)
    this.logger.log('warn', `The job history ${this.path} could not be used (${reason}); moved to ${aside}`)
  }
}
