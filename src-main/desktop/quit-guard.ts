import type { App, Event } from 'electron'
import type { JobManager } from '../core/jobs/job-manager'
import type { JobActivity } from './job-activity'

/** The question asked before quitting with jobs under way. */
export function quitQuestion(count: number): { message: string; detail: string; buttons: [string, string] } {
  const one = count === 1
  return {
    message: `${count} ${one ? 'migration is' : 'migrations are'} running. Quit and stop ${one ? 'it' : 'them'}?`,
    detail: `${one ? 'It' : 'They'} can be resumed later: a new run copies only what is not copied yet.`,
    buttons: [one ? 'Quit and stop it' : 'Quit and stop them', 'Keep running'],
  }
}

export interface QuitGuardOptions {
  app: Pick<App, 'on' | 'quit'>
  activity: Pick<JobActivity, 'unfinished'>
  manager: Pick<JobManager, 'interrupt' | 'settled' | 'close'>
  /** Asks the question; resolves true to quit. */
  confirm: (count: number) => Promise<boolean>
  /** How long stopped runs get to write their reports before the app quits anyway. */
  stopTimeoutMs?: number
  /** Last words before quitting (stop timers, destroy the tray). */
  beforeExit?: () => void
  log?: (message: string) => void
}

/**
 * Quitting asks first while jobs are under way, then stops them as interrupted (each writes its report;
 * Resume continues it at the next start, as the question promises), waits a while for them to settle
 * and writes history out, and only then lets the app quit. Quitting with
 * nothing running still waits for history to be written. Every way to quit goes through `before-quit`:
 * the tray's Quit, the menu, Cmd+Q, and closing the last window where that quits.
 */
export function guardQuit(options: QuitGuardOptions): { quitting: () => boolean } {
  let state: 'idle' | 'asking' | 'stopping' | 'done' = 'idle'
  const log = options.log ?? ((message: string) => console.log(message))

  const stop = async (): Promise<void> => {
    const jobs = options.activity.unfinished()
    if (jobs.length > 0) {
      state = 'asking'
      if (!(await options.confirm(jobs.length))) {
        state = 'idle'
        return
      }
    }
    state = 'stopping'
    for (const job of jobs) {
      try {
        options.manager.interrupt(job.id)
      } catch (error) {
        log(`[quit] could not stop ${job.id}: ${(error as Error).message}`)
      }
    }
    const settled = Promise.allSettled(jobs.map((job) => options.manager.settled(job.id)))
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.stopTimeoutMs ?? 15_000)
    })
    if ((await Promise.race([settled, timeout])) === 'timeout') {
      log('[quit] some migrations did not stop in time; they will show as interrupted at the next start')
    }
    clearTimeout(timer)
    await options.manager
      .close()
      .catch((error: unknown) => log(`[quit] history: ${(error as Error).message}`))
    options.beforeExit?.()
    state = 'done'
    options.app.quit()
  }

  options.app.on('before-quit', (event: Event) => {
    if (state === 'done') return
    event.preventDefault()
    // Asking or stopping already: a second Cmd+Q or tray Quit waits for the first.
    if (state !== 'idle') return
    void stop().catch((error: unknown) => {
      log(`[quit] ${(error as Error).message}`)
      state = 'done'
      options.app.quit()
    })
  })

  return { quitting: () => state === 'stopping' || state === 'done' }
}
