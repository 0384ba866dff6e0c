import { realpath, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { AppError } from '../errors'
import type { OfferedFile } from './types'

/** How a shell handed a file over, or that the person changed their mind. */
export type SaveOutcome = { saved: string } | { downloadUrl: string; fileName: string } | { cancelled: true }

/** How a shell showed a report. */
export type OpenOutcome = { opened: true } | { url: string }

/**
 * Gives files of main to the person, the shell's way: the desktop app asks where to save with its
 * own dialog and copies the file there; browser mode hands out a one-time download URL. Either way
 * the renderer never names a path, and only learns a file name or a URL to follow.
 */
export interface FileOffer {
  /** Offers the file to be saved elsewhere. */
  save(file: OfferedFile): Promise<SaveOutcome>
  /** Shows the file (an HTML report) in a browser. */
  open(file: OfferedFile): Promise<OpenOutcome>
}

/**
 * The real path of a run's HTML report, checked before the system is asked to open it. The system
 * opens a file with whatever program its type has, and the path comes from the history file on disk:
 * one edited to name a script, an executable or a link to one must not get it run. Only an existing
 * regular file whose real name ends in .html passes (it opens in the browser, whatever it holds).
 * @throws AppError NOT_FOUND when it is gone, FORBIDDEN when it is not an HTML file.
 */
export async function openableReport(path: string): Promise<string> {
  let real: string
  try {
    real = await realpath(path)
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `${basename(path)} is no longer on disk; it may have been moved or removed.`,
    )
  }
  const info = await stat(real)
  if (!info.isFile() || extname(real).toLowerCase() !== '.html') {
    throw new AppError('FORBIDDEN', `${basename(path)} is not an HTML report, so it is not opened.`)
  }
  return real
}
