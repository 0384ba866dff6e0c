import { AppError } from '../core/errors'
import { isSecretFieldKey } from '../core/jobs/secret-fields'
import { Redactor } from '../core/log/redact'

/**
 * A command line or environment the CLI cannot run with. The message names the flag or variable, says
 * what is wrong and how to fix it; `field` is the flag (`--maxWorkers`) or variable (`AWS_REGION`).
 * The runner prints the message and exits with code 2.
 */
export class CliUsageError extends AppError {
  constructor(message: string, field?: string, options?: { cause?: unknown }) {
    super('VALIDATION', message, field, options)
    this.name = 'CliUsageError'
  }
}

// ST_KEY is the v1 password, but its name alone does not say so.
const EXTRA_SECRET_VARIABLES = new Set(['ST_KEY'])

/**
 * Masks the value of every secret-looking variable in `env` wherever it shows up in an error message.
 * The messages are written not to echo secrets, but they do echo what was typed on the command line,
 * and a secret pasted into the wrong flag must not end up on screen, in CI logs or in --json output.
 */
export function redactorForEnv(env: Record<string, string | undefined>): Redactor {
  const redactor = new Redactor()
  for (const [name, value] of Object.entries(env)) {
    if (isSecretFieldKey(name) || EXTRA_SECRET_VARIABLES.has(name)) redactor.add(value, value?.trim())
  }
  return redactor
}

/** The same error as a CliUsageError with secrets masked; other errors (bugs) pass through untouched. */
export function asUsageError(error: unknown, redactor: Redactor): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return error
  const message = redactor.text(error.message)
  if (message === error.message) {
    return error instanceof CliUsageError ? error : new CliUsageError(message, error.field, { cause: error })
  }
  // No cause here: its message is the unmasked one.
  return new CliUsageError(message, error.field)
}
