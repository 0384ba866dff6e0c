import { z } from 'zod'
import { parseOrThrow } from '../profiles/validation'
import { describeTrigger, dstNote } from './describe'
import { nextRunAfter, nextRuns } from './next-runs'
import { timeZoneSchema, triggerSchema, type Schedule } from './schedule-schema'
import type { ScheduleStore } from './schedule-store'
import type { SchedulePreview, ScheduleView } from './scheduler-types'
import type { SpecSource } from './spec-source'

/** What a preview needs of a draft: its timing and, once chosen, its migration. */
const previewSchema = z.object({
  trigger: triggerSchema,
  timeZone: timeZoneSchema,
  definitionId: z.string().min(1).optional(),
})

/** Builds what the Schedules screen shows from stored schedules and drafts. */
export class ScheduleViews {
  constructor(
    private readonly store: ScheduleStore,
    private readonly specs: SpecSource,
    private readonly activeOf: (id: string) => ScheduleView['active'],
  ) {}

  list(now: number): ScheduleView[] {
    return this.store.list().map((schedule) => this.view(schedule, now))
  }

  view(schedule: Schedule, now: number): ScheduleView {
    // Due times are counted from where the scheduler got to, so one due right now still shows.
    const from = Math.min(now, Date.parse(schedule.handledUntil))
    const next = schedule.enabled ? nextRunAfter(schedule.trigger, schedule.timeZone, from) : null
    return {
      ...structuredClone(schedule),
      definitionName: this.specs.definition(schedule.definitionId)?.name ?? null,
      description: describeTrigger(schedule.trigger, schedule.timeZone),
      nextRun: next === null ? null : new Date(next).toISOString(),
      active: this.activeOf(schedule.id),
    }
  }

  /**
   * The next five runs, the description and the unattended check for a draft, without saving it.
   * @throws AppError VALIDATION naming the trigger or time zone field that is wrong.
   */
  async preview(input: unknown, now: number): Promise<SchedulePreview> {
    const draft = parseOrThrow(previewSchema, input, 'Schedule')
    const runs = nextRuns(draft.trigger, draft.timeZone, now, 5)
    return {
      description: describeTrigger(draft.trigger, draft.timeZone),
      nextRuns: runs.map((at) => ({
        at: new Date(at).toISOString(),
        note: dstNote(draft.trigger, draft.timeZone, at) ?? null,
      })),
      unattended: draft.definitionId ? await this.specs.unattended(draft.definitionId) : null,
    }
  }
}
