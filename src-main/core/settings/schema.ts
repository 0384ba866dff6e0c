import { isAbsolute } from 'node:path'
import { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  SETTINGS_LIMITS,
  type AppSettings,
  type NotificationSettings,
} from '../../../src-preload/contract/settings'
import { AppError } from '../errors'

/**
 * The settings' schemas. Every message names its field in full ("globalWorkerCap must be a whole number
 * from 1 to 256"), so the text reads the same in the form, in main's log and in an error about a
 * hand-edited file; `field` carries the name for the form to put the message under.
 */

function whole(field: string, { min, max }: { min: number; max: number }) {
  const message = `${field} must be a whole number from ${min} to ${max}`
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
}

function flag(field: string) {
  return z.boolean({ error: `${field} must be on or off (true or false)` })
}

const { globalBandwidthMb: bw, logRetentionDays: days } = SETTINGS_LIMITS

const bandwidthMessage = `globalBandwidthMb must be a number of MB/s from ${bw.min} to ${bw.max}, or empty for no limit`
const retentionMessage = `logRetentionDays must be a whole number of days from ${days.min} to ${days.max}, or empty to keep every log`

/** One schema per field, so a bad value in the file can fall back to its default alone. */
export const settingsFields = {
  defaultWorkers: whole('defaultWorkers', SETTINGS_LIMITS.defaultWorkers),
  globalWorkerCap: whole('globalWorkerCap', SETTINGS_LIMITS.globalWorkerCap),
  globalBandwidthMb: z
    .number({ error: bandwidthMessage })
    .min(bw.min, { error: bandwidthMessage })
    .max(bw.max, { error: bandwidthMessage })
    .nullable(),
  multipartThresholdMb: whole('multipartThresholdMb', SETTINGS_LIMITS.multipartThresholdMb),
  partBudgetMb: whole('partBudgetMb', SETTINGS_LIMITS.partBudgetMb),
  logDir: z
    .string({ error: 'logDir must be a folder path, or empty for the default' })
    .refine(isAbsolute, { error: 'logDir must be an absolute folder path' })
    .nullable(),
  logRetentionDays: z
    .number({ error: retentionMessage })
    .int({ error: retentionMessage })
    .min(days.min, { error: retentionMessage })
    .max(days.max, { error: retentionMessage })
    .nullable(),
  notifications: z.strictObject(
    {
      onFinish: flag('notifications.onFinish'),
      onCredentials: flag('notifications.onCredentials'),
    },
    { error: 'notifications must be an object with onFinish and onCredentials' },
  ),
  closeToTray: flag('closeToTray'),
  runMissedSchedulesAtStartup: flag('runMissedSchedulesAtStartup'),
  startAtLogin: flag('startAtLogin'),
} satisfies { [K in keyof AppSettings]: z.ZodType<AppSettings[K]> }

export type SettingsField = keyof AppSettings

export const SETTINGS_FIELD_NAMES = Object.keys(settingsFields) as SettingsField[]

/** A complete settings object. */
export const appSettingsSchema: z.ZodType<AppSettings> = z.strictObject(settingsFields)

/** First problem of a parse, as an AppError naming the field. */
function problemOf(error: z.ZodError): AppError {
  const issue = error.issues[0]
  if (!issue) return new AppError('VALIDATION', 'The settings are not valid.')
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') {
    const field = [...path, issue.keys[0] ?? ''].join('.')
    return new AppError('VALIDATION', `${field} is not a known setting`, field)
  }
  return new AppError('VALIDATION', issue.message, path.join('.') || undefined)
}

/** Checks a complete settings object; throws VALIDATION naming the first bad field. */
export function checkSettings(value: unknown): AppSettings {
  const result = appSettingsSchema.safeParse(value)
  if (!result.success) throw problemOf(result.error)
  return result.data
}

/**
 * A change to the settings: the fields to change. Wider than the channel's SettingsPatch, which may not
 * carry a folder path; main sets `logDir` itself after its own folder dialog.
 */
export type SettingsUpdate = Partial<Omit<AppSettings, 'notifications'>> & {
  notifications?: Partial<NotificationSettings>
}

/** The settings after a patch; nothing is written when the result is not valid. */
export function applyPatch(current: AppSettings, patch: SettingsUpdate): AppSettings {
  const { notifications, ...rest } = patch
  const merged: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(rest)) {
    // An absent optional key and an explicit undefined mean the same: leave it.
    if (value !== undefined) merged[key] = value
  }
  if (notifications !== undefined) {
    if (typeof notifications !== 'object' || notifications === null) {
      throw new AppError(
        'VALIDATION',
        'notifications must be an object with onFinish and onCredentials',
        'notifications',
      )
    }
    merged['notifications'] = { ...current.notifications, ...notifications }
  }
  return checkSettings(merged)
}

/**
 * Reads stored settings field by field: a missing field takes its default (a newer app may add fields
 * without raising the format), a bad one takes its default and is reported, unknown ones are left to
 * the caller. One wrong hand edit thus costs that one setting, not all of them.
 */
export function readStoredSettings(stored: Record<string, unknown>): {
  settings: AppSettings
  problems: string[]
} {
  const settings: Record<string, unknown> = {}
  const problems: string[] = []
  for (const field of SETTINGS_FIELD_NAMES) {
    const fallback = structuredClone(DEFAULT_SETTINGS[field])
    if (!(field in stored)) {
      settings[field] = fallback
      continue
    }
    const value = stored[field]
    // A file from before a notification kind existed lacks it; the others it has still count.
    const candidate =
      field === 'notifications' && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...DEFAULT_SETTINGS.notifications, ...value }
        : value
    const result = settingsFields[field].safeParse(candidate)
    if (result.success) {
      settings[field] = result.data
    } else {
      settings[field] = fallback
      problems.push(result.error.issues[0]?.message ?? `${field} is not valid`)
    }
  }
  return { settings: settings as unknown as AppSettings, problems }
}
