import type { JobManager } from '../core/jobs/job-manager'
import type { ManagerClock } from '../core/jobs/job-manager-clock'
import type { ProfileStore } from '../core/profiles'
import { profileSpecSource, ScheduleStore, Scheduler, type SchedulerEvent } from '../core/schedules'
import type { SecretVault } from '../core/secrets'
import type { SettingsStore } from '../core/settings'
import type { JobsDeps } from './handlers/jobs'
import type { EventSink } from './job-events'

export interface ScheduleHostOptions {
  dataDir: string
  manager: JobManager
  settings: Pick<SettingsStore, 'get' | 'on'>
  profiles: () => ProfileStore
  vault: SecretVault
  /** The jobs channels' deps: scheduled runs log where hand-started ones do and take the same defaults. */
  jobs: JobsDeps
  /** The injected clock of browser-mode tests; the wall clock otherwise. */
  clock?: ManagerClock
  /** Where schedule events go: every window, or every browser-mode page. */
  send: EventSink
  log?: (message: string) => void
}

export interface ScheduleHost {
  scheduler: Scheduler
  /** Subscribes to the scheduler's events (the desktop shell: tray and notifications). */
  on(listener: (event: SchedulerEvent) => void): () => void
  stop(): void
}

/**
 * Opens the schedules of a shell over its data folder (`schedules.json`) and starts keeping time:
 * missed runs are handled at once, then due ones as they come. Events go to the pages; Settings feed
 * the missed-run policy and the global bandwidth the windows work under. Shared by both shells.
 */
export function openScheduleHost(options: ScheduleHostOptions): ScheduleHost {
  const log = options.log ?? ((message: string) => console.log(message))
  const now = options.clock ? () => options.clock!.now() : Date.now
  const store = new ScheduleStore({ cwd: options.dataDir, now })
  const scheduler = new Scheduler({
    store,
    jobs: options.manager,
    specs: profileSpecSource({
      profiles: options.profiles,
      vault: options.vault,
      logDir: () => options.jobs.logDir,
      ...(options.jobs.runDefaults && { defaults: options.jobs.runDefaults }),
    }),
    ...(options.clock && { clock: options.clock }),
    runMissedAtStartup: () => options.settings.get().runMissedSchedulesAtStartup,
    baseGlobalBandwidthMb: () => options.settings.get().globalBandwidthMb,
    logger: {
      log: (level, message, fields) =>
        log(`[schedules] ${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    },
  })
  // Settings apply their global limit first (their listener came earlier); the windows then go under it.
  const stopSettings = options.settings.on((next, previous) => {
    if (next.globalBandwidthMb !== previous.globalBandwidthMb) scheduler.baseGlobalBandwidthChanged()
  })
  const stopEvents = scheduler.on((event) => {
    if (event.type === 'schedules-changed') options.send('schedules.changed', { schedules: event.schedules })
    else options.send('schedule.notice', event.notice)
  })
  scheduler.start()
  return {
    scheduler,
    on: (listener) => scheduler.on(listener),
    stop: () => {
      scheduler.stop()
      stopEvents()
      stopSettings()
    },
  }
}
