import { copyFile } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { app, dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron'
import { AppError } from '../core/errors'
import { openableReport, type FileOffer, type OfferedFile } from '../core/logs'

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.log': { name: 'Log files', extensions: ['log', 'txt'] },
  '.json': { name: 'JSON report', extensions: ['json'] },
  '.csv': { name: 'CSV report', extensions: ['csv'] },
  '.html': { name: 'HTML summary', extensions: ['html', 'htm'] },
}

/**
 * The desktop app's way of handing files over: main asks where to save with the system's own dialog
 * (the page never names a path) and copies the file there; reports open in the system browser. Only
 * the chosen file's name goes back to the page, not its folder.
 */
export function electronFileOffer(parent: () => BrowserWindow | null): FileOffer {
  return {
    async save(file: OfferedFile) {
      const filter = FILTERS[extname(file.fileName).toLowerCase()]
      const options: SaveDialogOptions = {
        title: `Export ${file.fileName}`,
        defaultPath: join(app.getPath('downloads'), file.fileName),
        filters: [...(filter ? [filter] : []), { name: 'All files', extensions: ['*'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const window = parent()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return { cancelled: true }
      // Copying a file onto itself would truncate it on some systems; it is already there.
      if (resolve(result.filePath) !== resolve(file.path)) await copyFile(file.path, result.filePath)
      return { saved: basename(result.filePath) }
    },

    async open(file: OfferedFile) {
      // openPath hands the file to the system's handler for its type: checked to be an .html report
      // first, so it goes to the default browser, outside the app, and nothing else is run.
      const problem = await shell.openPath(await openableReport(file.path))
      if (problem) throw new AppError('UNAVAILABLE', `Could not open ${file.fileName}: ${problem}`)
      return { opened: true }
    },
  }
}
