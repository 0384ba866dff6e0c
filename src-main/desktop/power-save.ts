import { powerSaveBlocker } from 'electron'
import type { JobActivity } from './job-activity'

/**
 * Keeps the machine from sleeping while any job is working, and lets it sleep again once none is.
 * `prevent-app-suspension` keeps the system awake but lets the screen turn off: a migration needs the
 * network, not the display. Paused and queued jobs do not hold it, so a forgotten pause does not keep
 * a laptop awake all night. Returns a function that releases the blocker and stops watching.
 */
export function holdPowerSaveWhileWorking(activity: Pick<JobActivity, 'working' | 'onChange'>): () => void {
  let blocker: number | null = null
  const update = (): void => {
    const working = activity.working().length > 0
    if (working && blocker === null) {
      blocker = powerSaveBlocker.start('prevent-app-suspension')
    } else if (!working && blocker !== null) {
      if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker)
      blocker = null
    }
  }
  update()
  const unsubscribe = activity.onChange(update)
  return () => {
    unsubscribe()
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker)
    blocker = null
  }
}
