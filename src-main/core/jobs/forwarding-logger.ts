import type { LogFields, Logger, LogLevel } from '../log/logger'

/**
 * Lines logged before the run log file exists (container listing, auth) are held and replayed into it,
 * so the file tells the whole story from the first request.
 */
export class ForwardingLogger implements Logger {
  private target: Logger | undefined
  private held: [LogLevel, string, LogFields | undefined][] = []

  log(level: LogLevel, message: string, fields?: LogFields): void {
    if (this.target) this.target.log(level, message, fields)
    else this.held.push([level, message, fields])
  }

  attach(target: Logger): void {
    this.target = target
    for (const [level, message, fields] of this.held) target.log(level, message, fields)
    this.held = []
  }
}
