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
