import { AppError } from '../../core/errors'
import type { Scheduler } from '../../core/schedules'
import type { Handlers } from '../router'

type ScheduleChannels =
  | 'schedules.list'
  | 'schedules.get'
  | 'schedules.save'
  | 'schedules.delete'
  | 'schedules.setEnabled'
  | 'schedules.runNow'
  | 'schedules.preview'
  | 'schedules.windows.get'
  | 'schedules.windows.save'

/**
 * The schedules.* channels, delegating to core's scheduler, which validates every draft field by field
 * ("Schedule: trigger.time must be HH:MM …", with the field for the form). A shell without a scheduler
 * (a test harness) answers UNAVAILABLE.
 */
export function scheduleHandlers(scheduler: (() => Scheduler) | undefined): Pick<Handlers, ScheduleChannels> {
  const get = (): Scheduler => {
    if (!scheduler) throw new AppError('UNAVAILABLE', 'Schedules are not available in this shell.')
    return scheduler()
  }
  return {
    'schedules.list': () => get().list(),
    'schedules.get': ({ id }) => get().get(id),
    'schedules.save': (draft) => get().save(draft),
    'schedules.delete': ({ id }) => {
      get().delete(id)
      return { id }
    },
    'schedules.setEnabled': ({ id, enabled }) => get().setEnabled(id, enabled),
    'schedules.runNow': ({ id }) => get().runNow(id),
    'schedules.preview': (input) => get().preview(input),
    'schedules.windows.get': () => get().globalWindows(),
    'schedules.windows.save': (input) => get().saveGlobalWindows(input),
  }
}
