import { Menu, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import type { JobActivity } from './job-activity'

export interface TrayActions {
  open(): void
  pauseAll(): void
  quit(): void
}

/** "2 migrations running", as the tray's tooltip and first menu line say it. */
export function activityLine(working: number, unfinished: number): string {
  if (unfinished === 0) return 'No migrations running'
  if (working === 0) return `${unfinished} ${unfinished === 1 ? 'migration' : 'migrations'} paused or queued`
  return `${working} ${working === 1 ? 'migration' : 'migrations'} running`
}

/**
 * The tray icon: Open, Pause all and Quit, with what is running on the first line (disabled, as a
 * label). The menu is rebuilt when a job changes state, which is rare; progress never touches it.
 * A click on the icon opens the window where the platform reports clicks (Windows, macOS).
 */
export function createAppTray(
  icon: NativeImage,
  activity: Pick<JobActivity, 'working' | 'unfinished' | 'onChange'>,
  actions: TrayActions,
): { tray: Tray; destroy: () => void } {
  const tray = new Tray(icon)
  const refresh = (): void => {
    const working = activity.working().length
    const line = activityLine(working, activity.unfinished().length)
    const template: MenuItemConstructorOptions[] = [
      { label: line, enabled: false },
      { type: 'separator' },
      { label: 'Open Swift to S3', click: () => actions.open() },
      { label: 'Pause all', enabled: working > 0, click: () => actions.pauseAll() },
      { type: 'separator' },
      { label: 'Quit', click: () => actions.quit() },
    ]
    tray.setToolTip(`Swift to S3: ${line.toLowerCase()}`)
    tray.setContextMenu(Menu.buildFromTemplate(template))
  }
  refresh()
  tray.on('click', () => actions.open())
  const unsubscribe = activity.onChange(refresh)
  return {
    tray,
    destroy: () => {
      unsubscribe()
      tray.destroy()
    },
  }
}
