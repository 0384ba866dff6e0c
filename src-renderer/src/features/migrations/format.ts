import { formatCount } from '../job/format'

/**
 * Counts and durations in words, for the New Migration form's estimates. Sizes and counts are written
 * as everywhere else (job/format.ts: decimal units, so "40 MB at 2 MB/s" is 20 seconds).
 */

/** "1 object", "3 objects". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/** A duration rounded to what matters: "under a second", "45 seconds", "12 minutes", "3 h 20 min", "2 days 4 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 1) return 'under a second'
  if (seconds < 60) return plural(Math.round(seconds), 'second')
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  const days = Math.floor(hours / 24)
  return hours % 24 === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${hours % 24} h`
}

/**
 * How long copying `bytes` takes at `limitMb` MB/s; null when there is no limit, because then it
 * depends on the link and the servers, which the app cannot know before it runs.
 */
export function estimateSeconds(bytes: number, limitMb: number | null): number | null {
  if (limitMb === null || limitMb <= 0) return null
  return bytes / (limitMb * 1_000_000)
}

/** The bandwidth limit a run would get, and whose it is. */
export interface EffectiveLimit {
  mb: number
  /** `migration`: its own limit; `settings`: the global limit in Settings, shared by every run. */
  from: 'migration' | 'settings'
}

/**
 * The limit that holds a run back: the engine makes every byte pass both the run's own limit and the
 * global one, so the lower applies (the run's own when they are equal). Null when neither is set.
 */
export function effectiveLimit(migrationMb: number | null, globalMb: number | null): EffectiveLimit | null {
  const own = migrationMb !== null && migrationMb > 0 ? migrationMb : null
  const global = globalMb !== null && globalMb > 0 ? globalMb : null
  if (own !== null && (global === null || own <= global)) return { mb: own, from: 'migration' }
  return global === null ? null : { mb: global, from: 'settings' }
}
