import { resolve } from 'node:path'
import { CliUsageError } from './errors'
import type { FlagName } from './flags'

/** Turns flag text into numbers, names and paths, with messages that say what would have been accepted. */

const WHOLE = /^\d+$/
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

/** A whole number from `min` to `max` (`max` undefined: no upper limit). */
export function wholeNumber(flag: FlagName, text: string, min: number, max?: number): number {
  const trimmed = text.trim()
  const value = WHOLE.test(trimmed) ? Number(trimmed) : Number.NaN
  if (Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max)) return value
  const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`
  throw new CliUsageError(`--${flag} must be a whole number ${range} (got "${text}").`, `--${flag}`)
}

/** The original's minimum was 1 MB/s; a tenth of that still moves, and 0 would stall the run forever. */
export const MIN_BANDWIDTH_MB = 0.1
// 100 GB/s: beyond any link, so a larger number is a typo (an extra zero or bits instead of bytes).
const MAX_BANDWIDTH_MB = 100_000

/** --bandwidthLimitMb: MB/s, decimals allowed. */
export function bandwidthMb(text: string): number {
  const trimmed = text.trim()
  const value = DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN
  if (value >= MIN_BANDWIDTH_MB && value <= MAX_BANDWIDTH_MB) return value
  throw new CliUsageError(
    `--bandwidthLimitMb must be a positive number of MB/s from ${MIN_BANDWIDTH_MB} to ${MAX_BANDWIDTH_MB.toLocaleString('en')} (got "${text}"); leave it out for no limit.`,
    '--bandwidthLimitMb',
  )
}

// Swift's default max_container_name_length, counted in UTF-8 bytes.
const MAX_CONTAINER_BYTES = 256

/** One Swift container name, checked against what Swift itself would refuse. */
export function containerName(flag: FlagName, name: string): string {
  if (name.includes('/')) {
    throw new CliUsageError(
      `--${flag}: "${name}" contains "/", which no Swift container name has. To copy only part of a container, give the container and --prefix, e.g. --${flag} photos --prefix 2024/.`,
      `--${flag}`,
    )
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_CONTAINER_BYTES) {
    throw new CliUsageError(
      `--${flag}: "${name.slice(0, 40)}…" is longer than Swift allows for a container name (${MAX_CONTAINER_BYTES} bytes).`,
      `--${flag}`,
    )
  }
  return name
}

/** `--containers a,b,c`: names as listed, trimmed, duplicates dropped. */
export function containerList(text: string): string[] {
  const names = text.split(',').map((name) => name.trim())
  if (names.some((name) => name === '')) {
    throw new CliUsageError(
      `--containers has an empty name in "${text}"; separate the names with single commas, e.g. --containers photos,backups.`,
      '--containers',
    )
  }
  return [...new Set(names.map((name) => containerName('containers', name)))]
}

/** A directory or file given on the command line, made absolute against the working directory. */
export function absolutePath(cwd: string, path: string): string {
  return resolve(cwd, path)
}
