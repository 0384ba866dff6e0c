import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron'
import { quitQuestion } from './quit-guard'

/**
 * Main's own folder dialog for the log folder: the page never sends a path, it asks main to ask the
 * user. Resolves null when the user cancels.
 */
export async function chooseFolder(parent: BrowserWindow | null, current: string): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Choose the folder for logs and reports',
    buttonLabel: 'Use this folder',
    defaultPath: current,
    properties: ['openDirectory', 'createDirectory'],
  }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** Asks whether to quit with `count` jobs under way; "Keep running" is the default and Escape. */
export async function confirmQuit(parent: BrowserWindow | null, count: number): Promise<boolean> {
  const { message, detail, buttons } = quitQuestion(count)
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'Quit Swift to S3',
    message,
    detail,
    buttons,
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return result.response === 0
}
