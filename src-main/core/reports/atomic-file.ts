import { randomBytes } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

// Big enough that a million rows cost a few thousand writes, small enough to stay a rounding error in memory.
const FLUSH_CHARS = 256 * 1024

/**
 * A file that appears under its name complete or not at all. Text goes to a hidden temporary file in
 * the same directory (so the final rename stays on one file system and is atomic), is synced to disk,
 * and only then renamed over the target; an earlier version of the file survives any failure before
 * that. Writes are buffered and each flush is awaited, so a slow disk holds the producer back instead
 * of the buffer growing.
 */
export class AtomicFile {
  private pending: string[] = []
  private pendingChars = 0
  private state: 'open' | 'finished' | 'published' | 'aborted' = 'open'

  private constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string): Promise<AtomicFile> {
    const tempPath = join(
      dirname(path),
      `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
    )
    // 'wx' so two writers can never share a temporary file.
    const handle = await open(tempPath, 'wx')
    return new AtomicFile(path, tempPath, handle)
  }

  async write(text: string): Promise<void> {
    if (this.state !== 'open') throw new Error(`${this.path}: write after ${this.state}`)
    this.pending.push(text)
    this.pendingChars += text.length
    if (this.pendingChars >= FLUSH_CHARS) await this.flush()
  }

  /** Flushes, syncs and closes the temporary file; the final name is not touched yet. */
  async finish(): Promise<void> {
    if (this.state !== 'open') throw new Error(`${this.path}: finish after ${this.state}`)
    await this.flush()
    // Without the sync a crash shortly after the rename can leave an empty file under the final name.
    await this.handle.sync()
    await this.handle.close()
    this.state = 'finished'
  }

  /** Renames the finished file into place. */
  async publish(): Promise<void> {
    if (this.state !== 'finished') throw new Error(`${this.path}: publish after ${this.state}`)
    await rename(this.tempPath, this.path)
    this.state = 'published'
  }

  async commit(): Promise<void> {
    await this.finish()
    await this.publish()
  }

  /** Drops the temporary file; the final name is left as it was. A no-op once published. */
  async abort(): Promise<void> {
    if (this.state === 'published' || this.state === 'aborted') return
    if (this.state === 'open') await this.handle.close().catch(() => {})
    this.state = 'aborted'
    this.pending = []
    await rm(this.tempPath, { force: true })
  }

  private async flush(): Promise<void> {
    if (this.pendingChars === 0) return
    const data = Buffer.from(this.pending.join(''), 'utf8')
    this.pending = []
    this.pendingChars = 0
    let offset = 0
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset)
      offset += bytesWritten
    }
  }
}

/** Makes renames in `dir` durable. Best effort: Windows cannot open a directory, and the renames are atomic anyway. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // See above.
  }
}
