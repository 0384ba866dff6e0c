/**
 * Run log file names, kept compatible with the original Python tool so old and new logs sort together:
 * `%Y-%m-%d-_%H-%M-%S_{container}_to_{bucket}.log`, in local time like Python's `time.strftime`.
 */

// Each name part is capped so the whole name stays far below the 255-byte limit of common filesystems:
// 20 (date) + 100 + 4 (`_to_`) + 100 + 4 (`.log`) + a collision suffix is about 235 ASCII bytes.
export const MAX_NAME_PART = 100

const SAFE_CHAR = /^[A-Za-z0-9._-]$/

/**
 * Replaces every code point outside `[A-Za-z0-9._-]` with `_`. Per code point rather than per UTF-16
 * unit, so an emoji or another astral character becomes one `_`, not two; a lone surrogate is one `_`.
 * The result is plain ASCII, so its length in characters is its length in bytes.
 */
export function sanitizeNamePart(name: string): string {
  let out = ''
  for (const ch of name) out += SAFE_CHAR.test(ch) ? ch : '_'
  return out.slice(0, MAX_NAME_PART)
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `YYYY-MM-DD-_HH-MM-SS` in local time, exactly the original's `%Y-%m-%d-_%H-%M-%S`. */
export function formatNameTime(date: Date): string {
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `${day}-_${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`
}

/**
 * The log file name for a run. A run over several containers is named `{N}-containers` (N distinct
 * names), since listing them all could not fit and would not sort usefully.
 */
export function logFileName(startedAt: Date, containers: string[], bucket: string): string {
  const distinct = [...new Set(containers)]
  const source = distinct.length === 1 ? sanitizeNamePart(distinct[0] ?? '') : `${distinct.length}-containers`
  return `${formatNameTime(startedAt)}_${source}_to_${sanitizeNamePart(bucket)}.log`
}

/** `name.log` for the first attempt, then `name-2.log`, `name-3.log`… when the name is taken. */
export function withCopyNumber(fileName: string, copy: number): string {
  if (copy <= 1) return fileName
  const stem = fileName.endsWith('.log') ? fileName.slice(0, -'.log'.length) : fileName
  return `${stem}-${copy}.log`
}
