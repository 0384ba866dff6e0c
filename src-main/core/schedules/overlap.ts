import type { JobSummary } from '../jobs/job-manager-types'
import { unfinishedRunOf } from '../jobs/job-manager-states'
import { localParts } from './zoned-time'

/**
 * Overlap: a schedule must not start a second run into the same bucket while one of the same saved
 * migration goes on, whoever started it. And a frequent schedule (every 5 minutes) behind a run of
 * several hours must not fill History with dozens of "skipped" entries and notifications: all the due
 * times one run makes it skip share one entry, whose reason counts them, and one notification.
 */

/** What keeps a due time from running: a key naming that run, and why, in words for History. */
export interface Blocker {
  /** The same for every due time the same run blocks: `run:<n>` (this scheduler's), `job:<id>`. */
  key: string
  reason: string
  /** Who started it ("started by hand"), for a run the scheduler did not start itself. */
  by?: string
}

/** Why a run of this schedule's own is in the way; the key tells one run of it from the next. */
export function ownRunBlocker(serial: number): Blocker {
  return { key: `run:${serial}`, reason: 'The previous run of this schedule was still under way.' }
}

/**
 * A run of the same saved migration the job manager has that is not finished (started by hand, by
 * another schedule, or left queued; a preview does not count), as a blocker; undefined when there is none.
 */
export function jobBlocker(jobs: readonly JobSummary[], definitionId: string): Blocker | undefined {
  const job = unfinishedRunOf(jobs, definitionId)
  if (!job) return undefined
  const by = job.trigger === 'schedule' ? `started by ${job.startedBy}` : 'started by hand'
  return { key: `job:${job.id}`, reason: `The previous run (${by}) was still under way.`, by }
}

interface Tally {
  key: string
  /** The History entry of the first skip; null until recorded (or when there was none to record). */
  jobId: string | null
  count: number
  first: number
  last: number
}

/** Due times skipped behind one run, per schedule. */
export class SkipTally {
  private readonly tallies = new Map<string, Tally>()

  /**
   * Counts a skipped due time. True when it is the first behind this blocker (record an entry and
   * notify), false when it joins an entry already there (amend it, say nothing).
   */
  add(scheduleId: string, blocker: Blocker, scheduledFor: number): boolean {
    const tally = this.tallies.get(scheduleId)
    if (tally && tally.key === blocker.key) {
      tally.count++
      tally.last = scheduledFor
      return false
    }
    this.tallies.set(scheduleId, {
      key: blocker.key,
      jobId: null,
      count: 1,
      first: scheduledFor,
      last: scheduledFor,
    })
    return true
  }

  /** The History entry the first skip made; it may come after later skips were counted. */
  recorded(scheduleId: string, blocker: Blocker, jobId: string | null): void {
    const tally = this.tallies.get(scheduleId)
    if (tally && tally.key === blocker.key) tally.jobId = jobId
  }

  /** The entry to amend and its reason with the count, once there is more than one. */
  amendment(
    scheduleId: string,
    blocker: Blocker,
    timeZone: string,
  ): { jobId: string; reason: string } | undefined {
    const tally = this.tallies.get(scheduleId)
    if (!tally || tally.key !== blocker.key || tally.jobId === null || tally.count < 2) return undefined
    return { jobId: tally.jobId, reason: countedReason(blocker.reason, tally, timeZone) }
  }
}

function localText(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** "… was still under way. 12 due times were skipped while it went on, from … to … (UTC)." */
function countedReason(reason: string, tally: Tally, timeZone: string): string {
  return (
    `${reason} ${tally.count} due times were skipped while it went on, from ` +
    `${localText(tally.first, timeZone)} to ${localText(tally.last, timeZone)} (${timeZone}).`
  )
}
