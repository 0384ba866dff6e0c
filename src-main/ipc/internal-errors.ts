import { isSecretFieldKey } from '../core/jobs/secret-fields'
import { redactError, Redactor } from '../core/log/redact'
import type { InternalErrorSink } from './router'

/**
 * Secret values a call carried: strings under secret-named keys (`secretAccessKey`, `sessionToken` …),
 * everything in a `secrets` map (values typed in for a run, keyed by vault reference) and the value of
 * `secrets.set`. An error that echoes its input must not print them.
 */
export function secretValuesIn(channel: string, input: unknown): string[] {
  const found: string[] = []
  const walk = (value: unknown, secret: boolean): void => {
    if (typeof value === 'string') {
      if (secret) found.push(value)
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, secret)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        walk(child, secret || key === 'secrets' || isSecretFieldKey(key))
      }
    }
  }
  walk(input, false)
  if (channel === 'secrets.set') walk((input as { value?: unknown } | null)?.value, true)
  return found
}

/**
 * The shells' sink for errors the router could not map (bugs): one line on stderr, redacted, so the
 * application log never holds a secret from a request, a URL or the call's own input.
 */
export function logInternalErrors(
  write: (line: string) => void = (line) => console.error(line),
): InternalErrorSink {
  return (channel, error, input) => {
    const redactor = new Redactor()
    redactor.add(...secretValuesIn(channel, input))
    write(`[ipc] ${channel} failed: ${redactError(error, redactor)}`)
  }
}
