/**
 * The engine's logging seam. Core code logs through this interface only; the run log file, the CLI and
 * the desktop shell each provide an implementation. Fields are structured so a log file can be
 * machine-read; secrets must already be redacted before they reach a logger (see redact.ts).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void
}

export const silentLogger: Logger = { log: () => {} }

/** Collects entries in memory; for tests and for showing the last lines of a failed step. */
export class MemoryLogger implements Logger {
  readonly entries: { level: LogLevel; message: string; fields?: LogFields }[] = []
  log(level: LogLevel, message: string, fields?: LogFields): void {
    this.entries.push(fields === undefined ? { level, message } : { level, message, fields })
  }
  text(): string {
    return this.entries.map((e) => `${e.level} ${e.message} ${JSON.stringify(e.fields ?? {})}`).join('\n')
  }
}
