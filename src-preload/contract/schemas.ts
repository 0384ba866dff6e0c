import { z } from 'zod'
import type { InvokeChannel, InvokeInput } from './channels'

/**
 * Input schemas, one per invoke channel, checked in main before any handler runs.
 * Kept apart from channels.ts so the sandboxed preload bundle does not carry zod.
 * The mapped type makes a channel without a schema, or a schema that disagrees with the
 * contract's input type, a compile error.
 */
export const inputSchemas = {
  'app.info': z.undefined(),
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeInput<C>> }
