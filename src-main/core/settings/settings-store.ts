import { copyFileSync, existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { AppSettings } from '../../../src-preload/contract/settings'
import { AppError } from '../errors'
import { SETTINGS_FORMAT, migrateSettings, settingsFormat } from './migrations'
import { SETTINGS_FIELD_NAMES, applyPatch, readStoredSettings, type SettingsUpdate } from './schema'

export const SETTINGS_FILE = 'settings'

export interface SettingsStoreOptions {
  /** The app's data folder: userData in the desktop app, SWIFT2S3_DATA_DIR in browser mode. */
  cwd: string
  /** File name without `.json`. */
  configName?: string
  /** For tests of the upgrade path; the app's own steps and format otherwise. */
  migrations?: Parameters<typeof migrateSettings>[1]
  format?: number
  /** For the name of a file moved aside; the wall clock otherwise. */
  now?: () => Date
}

/** Told after every successful save, with the settings before it. */
export type SettingsListener = (settings: AppSettings, previous: AppSettings) => void

type Json = Record<string, unknown>

/**
 * The app's preferences in `settings.json` (a versioned document written atomically by `conf`), apart
 * from the profiles so a bad hand edit of one cannot cost the other.
 *
 * Settings never keep the app from starting: a field with a bad value falls back to its default, a file
 * that is not JSON is moved aside and a fresh one started, and a file from a newer app is left alone
 * (read-only defaults). Each case is told in {@link problem}, which Settings shows.
 */
export class SettingsStore {
  /** The document's path, for Settings and messages. */
  readonly path: string
  private readonly conf: Conf<Json> | undefined
  private current: AppSettings
  private problemText: string | undefined
  /** Set when the file must not be written (it is from a newer app). */
  private readonly readOnly: AppError | undefined
  private readonly listeners = new Set<SettingsListener>()

  constructor(private readonly options: SettingsStoreOptions) {
    const configName = options.configName ?? SETTINGS_FILE
    this.path = join(options.cwd, `${configName}.json`)
    const opened = this.open(configName)
    this.conf = opened.conf
    let raw: Json = {}
    let readOnly: AppError | undefined
    try {
      raw = this.conf ? this.upgrade(this.conf) : {}
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      readOnly = error
    }
    this.readOnly = readOnly
    const { settings, problems } = readStoredSettings(raw)
    this.current = settings
    const notes = [opened.problem, readOnly?.message]
    if (problems.length > 0) {
      notes.push(`Some saved settings were not valid and their defaults are used: ${problems.join('; ')}.`)
    }
    this.problemText = notes.filter((note) => note !== undefined).join(' ') || undefined
  }

  /** The settings in force. */
  get(): AppSettings {
    return structuredClone(this.current)
  }

  /** What was wrong with the stored settings when they were read, if anything. */
  get problem(): string | undefined {
    return this.problemText
  }

  /**
   * Changes some settings and writes them. The whole result is checked first: one bad field (named in
   * the error) and nothing is written. Listeners hear of the change after the file is written.
   */
  save(update: SettingsUpdate): AppSettings {
    if (this.readOnly) throw this.readOnly
    const previous = this.current
    const next = applyPatch(previous, update)
    this.write(next)
    this.current = next
    // Values that were bad in the file are replaced now, so the note no longer holds.
    this.problemText = undefined
    for (const listener of this.listeners) listener(structuredClone(next), structuredClone(previous))
    return structuredClone(next)
  }

  /** Subscribes to saves; returns the unsubscribe. */
  on(listener: SettingsListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private open(configName: string): { conf: Conf<Json> | undefined; problem?: string } {
    const make = (): Conf<Json> =>
      new Conf<Json>({
        cwd: this.options.cwd,
        configName,
        // conf's answer to a broken file is to wipe it; this store moves it aside instead (below).
        clearInvalidConfig: false,
        configFileMode: 0o600,
      })
    try {
      return { conf: make() }
    } catch (error) {
      // Not JSON (a hand edit gone wrong, a crash mid-write elsewhere): keep it aside, start afresh.
      if (error instanceof SyntaxError && existsSync(this.path)) {
        const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
        const aside = this.path.replace(/\.json$/, `.unreadable-${stamp}.json`)
        renameSync(this.path, aside)
        const problem =
          `The settings file could not be read (${error.message}); it was moved to ${aside} ` +
          'and the defaults are used.'
        return { conf: make(), problem }
      }
      // Unreadable for another reason (permissions, a folder in its place): leave it be.
      return {
        conf: undefined,
        problem:
          `The settings file ${this.path} could not be opened (${(error as Error).message}); ` +
          'the defaults are used and changes cannot be saved until it can.',
      }
    }
  }

  /** Migrates an older document in place, keeping the original as `settings.v<N>.backup.json`. */
  private upgrade(conf: Conf<Json>): Json {
    const raw = conf.store
    const version = settingsFormat(raw)
    const format = this.options.format ?? SETTINGS_FORMAT
    if (version === format) return raw
    const migrated = migrateSettings(raw, this.options.migrations, format)
    // Refuse an upgrade that would lose a value, rather than write it.
    const checked = readStoredSettings(migrated)
    if (checked.problems.length > 0) {
      throw new AppError(
        'INTERNAL',
        `The settings could not be upgraded from format ${version}: ${checked.problems.join('; ')}.`,
      )
    }
    if (existsSync(this.path))
      copyFileSync(this.path, this.path.replace(/\.json$/, `.v${version}.backup.json`))
    conf.store = migrated
    return migrated
  }

  private write(settings: AppSettings): void {
    if (!this.conf) {
      throw new AppError(
        'UNAVAILABLE',
        `The settings file ${this.path} could not be opened when the app started, so changes cannot be saved.`,
      )
    }
    // Keys this version does not know (written by a newer one) are kept, not dropped.
    const kept: Json = {}
    for (const [key, value] of Object.entries(this.conf.store)) {
      if (!(SETTINGS_FIELD_NAMES as string[]).includes(key)) kept[key] = value
    }
    const format = this.options.format ?? SETTINGS_FORMAT
    try {
      this.conf.store = { ...kept, ...settings, schemaVersion: format }
    } catch (error) {
      throw new AppError(
        'UNAVAILABLE',
        `The settings could not be written to ${this.path} (${(error as Error).message}).`,
        undefined,
        { cause: error },
      )
    }
  }
}
