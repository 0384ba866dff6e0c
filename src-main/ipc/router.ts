import type { z } from 'zod'
import {
  invokeChannels,
  isInvokeChannel,
  type InvokeChannel,
  type InvokeInput,
  type InvokeOutput,
} from '../../src-preload/contract/channels'
import { fail, ok, type Result } from '../../src-preload/contract/result'
import { inputSchemas } from '../../src-preload/contract/schemas'
import { AppError } from '../core/errors'

/** One handler per channel: thin, delegating to core. The mapped type makes a missing one a compile error. */
export type Handlers = {
  [C in InvokeChannel]: (input: InvokeInput<C>) => Promise<InvokeOutput<C>> | InvokeOutput<C>
}

/**
 * Where the router reports errors it could not map (bugs); never shown to the user verbatim. It gets
 * the call's validated input too, so a sink can mask the secrets in it (see internal-errors.ts).
 */
export type InternalErrorSink = (channel: string, error: unknown, input: unknown) => void

/** Transport-free dispatcher shared by Electron IPC, browser mode and tests. */
export interface Router {
  readonly channels: readonly InvokeChannel[]
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
}

/**
 * Builds the router: channel check → schema parse → handler → result envelope.
 * The sender check happens in the transport (it alone knows who sent the message), before dispatch.
 */
export function createRouter(handlers: Handlers, onInternalError: InternalErrorSink = () => {}): Router {
  return {
    channels: Object.keys(invokeChannels) as InvokeChannel[],
    async dispatch(channel, input) {
      if (!isInvokeChannel(channel)) return fail('UNKNOWN_CHANNEL', `Unknown channel: ${String(channel)}`)
      const parsed = (inputSchemas[channel] as z.ZodType).safeParse(input)
      if (!parsed.success) {
        const { field, message } = describeIssue(parsed.error.issues[0])
        const what = field ? `Invalid value for "${field}"` : 'Invalid input'
        return fail('VALIDATION', `${what}: ${message}`, field)
      }
      try {
        const handler = handlers[channel] as (value: unknown) => unknown
        return ok(await handler(parsed.data))
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.field)
        onInternalError(channel, error, parsed.data)
        return fail('INTERNAL', `Unexpected error in ${channel}; see the application log.`)
      }
    },
  }
}

/** The field and wording of a schema's first complaint. */
function describeIssue(issue: z.core.$ZodIssue | undefined): { field: string | undefined; message: string } {
  if (issue === undefined) return { field: undefined, message: 'not accepted' }
  const path = issue.path.map(String)
  // zod reports an unknown key on its parent object; the key itself is what the caller has to fix.
  if (issue.code === 'unrecognized_keys') {
    return { field: [...path, issue.keys[0] ?? ''].join('.'), message: 'is not a known field' }
  }
  return { field: path.join('.') || undefined, message: issue.message }
}
