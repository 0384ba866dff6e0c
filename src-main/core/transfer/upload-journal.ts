import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { UploadJournal } from './ports'

/**
 * An append-only record of multipart uploads: each UploadId is written (and flushed to the OS) before
 * its first part, and again when it is completed or aborted. After a crash, `openUploads` names every
 * upload that may still hold parts on the target, so they can be aborted instead of billing forever.
 */
export class FileUploadJournal implements UploadJournal {
  private queue: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  uploadStarted(key: string, uploadId: string): Promise<void> {
    return this.append({ event: 'started', key, uploadId, at: new Date().toISOString() })
  }

  uploadEnded(key: string, uploadId: string): Promise<void> {
    return this.append({ event: 'ended', key, uploadId, at: new Date().toISOString() })
  }

  private append(entry: object): Promise<void> {
    // Serialised so lines never interleave; each append resolves once the line is written.
    this.queue = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true })
      await appendFile(this.path, `${JSON.stringify(entry)}\n`, 'utf8')
    })
    return this.queue
  }
}

/** Uploads started and never ended, as recorded in a journal file (none if it does not exist). */
export async function openUploads(path: string): Promise<{ key: string; uploadId: string }[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const open = new Map<string, { key: string; uploadId: string }>()
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const entry = JSON.parse(line) as { event?: string; key?: string; uploadId?: string }
      if (typeof entry.key !== 'string' || typeof entry.uploadId !== 'string') continue
      if (entry.event === 'started') open.set(entry.uploadId, { key: entry.key, uploadId: entry.uploadId })
      else if (entry.event === 'ended') open.delete(entry.uploadId)
    } catch {
      // A line cut short by a crash is the last one; the entries before it still count.
    }
  }
  return [...open.values()]
}
