import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../errors'

/**
 * A small JSON file that is replaced whole and atomically, readable by its owner only. Writes are
 * queued, so two quick `set` calls land in order and the later state wins.
 */
export class JsonFile {
  private queue: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  /** The parsed file, or undefined when it does not exist yet. */
  async read(): Promise<unknown> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      // Never start over silently: that would lose every saved secret without a word.
      throw new AppError(
        'INTERNAL',
        `${this.path} is damaged (${(error as Error).message}); move it away to start over.`,
        undefined,
        {
          cause: error,
        },
      )
    }
  }

  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`
    const next = this.queue.then(() => this.replace(text))
    // A failed write must not block the ones after it; the caller still sees its own failure.
    this.queue = next.catch(() => {})
    return next
  }

  private async replace(text: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true })
    // Same directory, so the rename stays on one file system and is atomic; 'wx' so writers never share it.
    const temp = join(dirname(this.path), `.${basename(this.path)}.${randomBytes(4).toString('hex')}.tmp`)
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(text, 'utf8')
      // Without the sync a crash right after the rename can leave an empty file under the final name.
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      await rename(temp, this.path)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
  }
}
