/**
 * The settings.* channels: the app's preferences, kept by main in `settings.json` next to the profiles.
 * Plain data and the limits both sides check, so the Settings form and main say the same thing about a
 * value; main's store (core/settings) is the authority and checks again.
 */

/** What to announce with a desktop notification (desktop app only). */
export interface NotificationSettings {
  /** A migration ended: done, failed or cancelled. */
  onFinish: boolean
  /** A migration needs new credentials to go on. */
  onCredentials: boolean
}

/** Every preference, with its current value. */
export interface AppSettings {
  /** Workers a new migration starts with. */
  defaultWorkers: number
  /** Objects in flight across all migrations at once. */
  globalWorkerCap: number
  /** MB/s across all migrations (1 MB = 1,000,000 bytes); null for no limit. */
  globalBandwidthMb: number | null
  /** Objects larger than this many MiB are uploaded in parts; a saved migration may say otherwise. */
  multipartThresholdMb: number
  /** Memory for part buffers shared by all migrations, MiB. */
  partBudgetMb: number
  /** Where runs write their logs and reports; null for `<data folder>/logs`. */
  logDir: string | null
  /** Logs and reports of finished runs older than this many days are deleted; null keeps them. */
  logRetentionDays: number | null
  notifications: NotificationSettings
  /** Keep running in the tray when the window is closed, even with nothing running. */
  closeToTray: boolean
  /** Schedules that came due while the app was closed run once when it starts. */
  runMissedSchedulesAtStartup: boolean
  /** Start with the system session (hidden, in the tray) so schedules fire after a reboot. */
  startAtLogin: boolean
}

/**
 * Input of `settings.save`: only the fields to change. The log folder cannot be set from a page (no
 * channel accepts a path); it is chosen with `settings.chooseLogDir`, and `logDir: null` goes back to
 * the default.
 */
export type SettingsPatch = Partial<Omit<AppSettings, 'logDir' | 'notifications'>> & {
  logDir?: null
  notifications?: Partial<NotificationSettings>
}

/** What `settings.get`, `settings.save` and `settings.chooseLogDir` return. */
export interface SettingsView {
  settings: AppSettings
  /** The folder runs write to now: `settings.logDir`, or the default. */
  logDir: string
  /** The default log folder, `<data folder>/logs`. */
  defaultLogDir: string
  /** Where the settings are kept. */
  file: string
  /** Set when the stored settings could not be used as they were, saying what was put in their place. */
  problem?: string
  /** What this shell can do: browser mode has no folder dialog, no notifications, tray or login item. */
  desktop: boolean
}

/** Ranges of the numeric settings; the form's hints and main's checks are built from these. */
export const SETTINGS_LIMITS = {
  defaultWorkers: { min: 1, max: 256 },
  globalWorkerCap: { min: 1, max: 256 },
  globalBandwidthMb: { min: 0.1, max: 100_000 },
  multipartThresholdMb: { min: 8, max: 5_120 },
  partBudgetMb: { min: 8, max: 65_536 },
  logRetentionDays: { min: 1, max: 3_650 },
} as const

/** What a fresh install starts with: the engine's and the CLI's own defaults. */
export const DEFAULT_SETTINGS: Readonly<AppSettings> = Object.freeze({
  defaultWorkers: 16,
  globalWorkerCap: 64,
  globalBandwidthMb: null,
  multipartThresholdMb: 128,
  partBudgetMb: 512,
  logDir: null,
  logRetentionDays: null,
  notifications: Object.freeze({ onFinish: true, onCredentials: true }),
  closeToTray: false,
  runMissedSchedulesAtStartup: true,
  startAtLogin: false,
})
