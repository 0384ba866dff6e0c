import {
  SETTINGS_LIMITS,
  type AppSettings,
  type SettingsPatch,
} from '../../../../src-preload/contract/settings'

/**
 * The Settings form's values and checks. Numbers are kept as Mantine's NumberInput gives them (a
 * number, or '' when empty); an empty bandwidth means no limit and an empty retention keeps every log.
 * The checks are main's own rules, worded for the input they sit under; main checks again on save.
 */
export interface SettingsFormValues {
  defaultWorkers: number | string
  globalWorkerCap: number | string
  globalBandwidthMb: number | string
  multipartThresholdMb: number | string
  partBudgetMb: number | string
  logRetentionDays: number | string
  onFinish: boolean
  onCredentials: boolean
  closeToTray: boolean
  runMissedSchedulesAtStartup: boolean
  startAtLogin: boolean
}

/** The form's field for each setting main may name in an error. */
export const FIELD_OF: Readonly<Record<string, keyof SettingsFormValues>> = {
  defaultWorkers: 'defaultWorkers',
  globalWorkerCap: 'globalWorkerCap',
  globalBandwidthMb: 'globalBandwidthMb',
  multipartThresholdMb: 'multipartThresholdMb',
  partBudgetMb: 'partBudgetMb',
  logRetentionDays: 'logRetentionDays',
  'notifications.onFinish': 'onFinish',
  'notifications.onCredentials': 'onCredentials',
  closeToTray: 'closeToTray',
  runMissedSchedulesAtStartup: 'runMissedSchedulesAtStartup',
  startAtLogin: 'startAtLogin',
}

export function formValuesOf(settings: AppSettings): SettingsFormValues {
  return {
    defaultWorkers: settings.defaultWorkers,
    globalWorkerCap: settings.globalWorkerCap,
    globalBandwidthMb: settings.globalBandwidthMb ?? '',
    multipartThresholdMb: settings.multipartThresholdMb,
    partBudgetMb: settings.partBudgetMb,
    logRetentionDays: settings.logRetentionDays ?? '',
    onFinish: settings.notifications.onFinish,
    onCredentials: settings.notifications.onCredentials,
    closeToTray: settings.closeToTray,
    runMissedSchedulesAtStartup: settings.runMissedSchedulesAtStartup,
    startAtLogin: settings.startAtLogin,
  }
}

const empty = (value: number | string): boolean => value === '' || value === undefined

function wholeProblem(value: number | string, { min, max }: { min: number; max: number }): string | null {
  if (empty(value)) return `Enter a whole number from ${min} to ${max}`
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) return `Must be a whole number from ${min} to ${max}`
  return null
}

/** Problems by form field; empty when every value is one main accepts. */
export function settingsProblems(
  values: SettingsFormValues,
): Partial<Record<keyof SettingsFormValues, string>> {
  const problems: Partial<Record<keyof SettingsFormValues, string>> = {}
  const check = (field: keyof SettingsFormValues, problem: string | null): void => {
    if (problem) problems[field] = problem
  }
  const L = SETTINGS_LIMITS
  check('defaultWorkers', wholeProblem(values.defaultWorkers, L.defaultWorkers))
  check('globalWorkerCap', wholeProblem(values.globalWorkerCap, L.globalWorkerCap))
  check('multipartThresholdMb', wholeProblem(values.multipartThresholdMb, L.multipartThresholdMb))
  check('partBudgetMb', wholeProblem(values.partBudgetMb, L.partBudgetMb))
  if (!empty(values.globalBandwidthMb)) {
    const n = Number(values.globalBandwidthMb)
    const { min, max } = L.globalBandwidthMb
    if (!Number.isFinite(n) || n < min || n > max) {
      check('globalBandwidthMb', `Must be from ${min} to ${max} MB/s, or empty for no limit`)
    }
  }
  if (!empty(values.logRetentionDays)) {
    const { min, max } = L.logRetentionDays
    const n = Number(values.logRetentionDays)
    if (!Number.isInteger(n) || n < min || n > max) {
      check('logRetentionDays', `Must be a whole number of days from ${min} to ${max}, or empty to keep all`)
    }
  }
  return problems
}

const orNull = (value: number | string): number | null => (empty(value) ? null : Number(value))

/** Only what changed, as `settings.save` takes it. */
export function patchOf(values: SettingsFormValues, saved: AppSettings): SettingsPatch {
  const next: Omit<AppSettings, 'logDir'> = {
    defaultWorkers: Number(values.defaultWorkers),
    globalWorkerCap: Number(values.globalWorkerCap),
    globalBandwidthMb: orNull(values.globalBandwidthMb),
    multipartThresholdMb: Number(values.multipartThresholdMb),
    partBudgetMb: Number(values.partBudgetMb),
    logRetentionDays: orNull(values.logRetentionDays),
    notifications: { onFinish: values.onFinish, onCredentials: values.onCredentials },
    closeToTray: values.closeToTray,
    runMissedSchedulesAtStartup: values.runMissedSchedulesAtStartup,
    startAtLogin: values.startAtLogin,
  }
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(next)) {
    const before = saved[key as keyof AppSettings]
    if (JSON.stringify(value) !== JSON.stringify(before)) patch[key] = value
  }
  return patch as SettingsPatch
}

/**
 * Main's message for a field without the field's name, which the input's label already shows:
 * "globalWorkerCap must be a whole number from 1 to 256" → "Must be a whole number from 1 to 256".
 */
export function messageForInput(message: string, field: string): string {
  const rest = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}
