import type { Writable } from 'node:stream'
import type { LogFields, Logger, LogLevel } from '../log/logger'
import type { Redactor } from '../log/redact'
import { formatLine } from './log-line'

/** Receives every line as written to the file (without the newline), e.g. for the console or the UI. */
export type ConsoleSink = (line: string, level: LogLevel) => void

export interface RunLog extends Logger {
  /** The file's exact path, to keep in the run's history. */
  readonly path: string
  /** The error that stopped the file being written, if any; the run carried on without it. */
  readonly failure: Error | undefined
  /** Writes out every line logged so far and closes the file. Never rejects; safe to call twice. */
  close(): Promise<void>
}

export interface RunLogWriterOptions {
  path: string
  loggerName: string
  console?: ConsoleSink | undefined
  redactor?: Redactor | undefined
  now: () => Date
}

/**
 * The run log over any Writable (a file stream in production, a failing or slow one in tests).
 *
 * log() is synchronous for the engine, so it can never wait for the disk. While the stream is above its
 * high-water mark, lines are held here and written as one chunk on 'drain': nothing is lost, order is
 * kept, and a slow disk costs one write per drain rather than one per line.
 *
 * A write error (disk full, file system gone) must not end a migration that is otherwise fine: it is
 * reported once through the console sink (or as a process warning without one), kept in `failure`,
 * and from then on lines only go to the console.
 */
export class RunLogWriter implements RunLog {
  readonly path: string
  private pending: string[] = []
  private waitingForDrain = false
  private error: Error | undefined
  private closing: Promise<void> | undefined

  constructor(
    private readonly stream: Writable,
    private readonly options: RunLogWriterOptions,
  ) {
    this.path = options.path
    stream.on('error', (error) => this.fail(error))
    stream.on('drain', () => this.flush())
  }

  get failure(): Error | undefined {
    return this.error
  }

  log(level: LogLevel, message: string, fields?: LogFields): void {
    const { loggerName, redactor, now } = this.options
    const line = formatLine({ time: now(), logger: loggerName, level, message, fields }, { redactor })
    this.options.console?.(line, level)
    // Lines logged while closing still reach the console; the file is being ended.
    if (this.error || this.closing) return
    if (this.waitingForDrain) this.pending.push(`${line}\n`)
    else this.write(`${line}\n`)
  }

  close(): Promise<void> {
    this.closing ??= this.finish()
    return this.closing
  }

  private write(chunk: string): void {
    if (!this.stream.write(chunk)) this.waitingForDrain = true
  }

  private flush(): void {
    this.waitingForDrain = false
    if (this.error || this.pending.length === 0) return
    this.write(this.pending.splice(0).join(''))
  }

  private async finish(): Promise<void> {
    // end() after a pending write is fine: the stream buffers it regardless of the high-water mark.
    if (!this.error && this.pending.length > 0) this.stream.write(this.pending.splice(0).join(''))
    if (this.stream.closed) return
    const closed = new Promise<void>((resolve) => this.stream.once('close', () => resolve()))
    if (this.error) this.stream.destroy()
    else this.stream.end()
    await closed
  }

  private fail(error: Error): void {
    if (this.error) return
    this.error = error
    this.pending = []
    const { loggerName, redactor, now, console } = this.options
    const message = `Cannot write the log file ${this.path}: ${error.message}. The run continues; further lines go to the console only.`
    const line = formatLine({ time: now(), logger: loggerName, level: 'error', message }, { redactor })
    if (console) console(line, 'error')
    else process.emitWarning(line, 'RunLogWarning')
  }
}
