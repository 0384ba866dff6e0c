import type {
  Schedule,
  ScheduleDraft,
  SchedulePreviewInput,
  ScheduleTrigger,
  Weekday,
} from '../../../../src-preload/contract/schedules'
import { CallError } from '../../ipc/bridge'
import { fromWindowDrafts, toWindowDrafts, type WindowDraft } from './WindowsEditor'
import { localInputValue, localTimeZone, WEEKDAYS } from './format'

export type TriggerType = ScheduleTrigger['type']

/** The form's state: every trigger type's fields are kept, so switching type loses nothing typed. */
export interface FormState {
  id?: string
  name: string
  definitionId: string | null
  type: TriggerType
  /** once: the local date (YYYY-MM-DD) and time (HH:MM). */
  date: string
  onceTime: string
  /** daily and weekly. */
  time: string
  days: Weekday[]
  expression: string
  timeZone: string
  enabled: boolean
  credentialsWaitMinutes: number | ''
  windows: WindowDraft[]
}

/** A new schedule: nightly at 02:00 in the machine's zone, a once tomorrow at the same time. */
export function emptyForm(now: number, definitionId: string | null = null): FormState {
  const timeZone = localTimeZone()
  const tomorrow = localInputValue(now + 24 * 3_600_000, timeZone).slice(0, 10)
  return {
    name: '',
    definitionId,
    type: 'daily',
    date: tomorrow,
    onceTime: '02:00',
    time: '02:00',
    days: [...WEEKDAYS],
    expression: '0 2 * * 1-5',
    timeZone,
    enabled: true,
    credentialsWaitMinutes: 15,
    windows: [],
  }
}

/** A saved schedule in the form. */
export function formOf(schedule: Schedule, now: number): FormState {
  const form: FormState = {
    ...emptyForm(now, schedule.definitionId),
    id: schedule.id,
    name: schedule.name,
    timeZone: schedule.timeZone,
    enabled: schedule.enabled,
    credentialsWaitMinutes: schedule.credentialsWaitMinutes,
    windows: toWindowDrafts(schedule.bandwidthWindows),
    type: schedule.trigger.type,
  }
  const t = schedule.trigger
  if (t.type === 'once') {
    form.date = t.at.slice(0, 10)
    form.onceTime = t.at.slice(11, 16)
  } else if (t.type === 'daily') form.time = t.time
  else if (t.type === 'weekly') {
    form.time = t.time
    form.days = [...t.days]
  } else form.expression = t.expression
  return form
}

export function triggerOf(form: FormState): ScheduleTrigger {
  switch (form.type) {
    case 'once':
      return { type: 'once', at: `${form.date}T${form.onceTime}` }
    case 'daily':
      return { type: 'daily', time: form.time }
    case 'weekly':
      return { type: 'weekly', days: form.days, time: form.time }
    case 'cron':
      return { type: 'cron', expression: form.expression }
  }
}

export function previewInputOf(form: FormState): SchedulePreviewInput {
  return {
    trigger: triggerOf(form),
    timeZone: form.timeZone,
    ...(form.definitionId && { definitionId: form.definitionId }),
  }
}

/** What `schedules.save` gets; empty fields go as they are, for main to name. */
export function draftOf(form: FormState): ScheduleDraft {
  return {
    ...(form.id && { id: form.id }),
    name: form.name,
    definitionId: form.definitionId ?? '',
    trigger: triggerOf(form),
    timeZone: form.timeZone,
    enabled: form.enabled,
    bandwidthWindows: fromWindowDrafts(form.windows),
    // An empty field goes as NaN (null over the WebSocket), which main refuses as "must be a number".
    credentialsWaitMinutes: form.credentialsWaitMinutes === '' ? Number.NaN : form.credentialsWaitMinutes,
  }
}

/** A field error for the form: which input, and the message without main's "Schedule: field" prefix. */
export interface FieldError {
  field: string
  message: string
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Main's error as a field error; the field is undefined for errors no single input owns. */
export function fieldErrorOf(error: unknown): FieldError | { field: undefined; message: string } {
  const message = error instanceof Error ? error.message : String(error)
  if (!(error instanceof CallError) || !error.field) return { field: undefined, message }
  const field = error.field
  const stripped = message.replace(/^[^:]+:\s*/, '')
  const own = stripped.startsWith(`${field} `) ? stripped.slice(field.length + 1) : stripped
  return { field, message: sentence(own) }
}

/** Window errors by `<index>.<field>`, for the windows editor, from `<prefix>.<index>.<field>`. */
export function windowErrors(error: FieldError | null, prefix: string): Record<string, string> {
  if (!error || !error.field.startsWith(`${prefix}.`)) return {}
  return { [error.field.slice(prefix.length + 1)]: error.message }
}
