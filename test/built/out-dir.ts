import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The build output the smoke tests check; they need `npm run build` first. */
export const OUT = join(import.meta.dirname, '../../out')

/** Fails with a clear instruction when the app has not been built. */
export function requireBuilt(...parts: string[]): string {
  const path = join(OUT, ...parts)
  if (!existsSync(path))
    throw new Error(`${path} is missing: run \`npm run build\` before the built-app tests.`)
  return path
}
