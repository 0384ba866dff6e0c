/**
 * Number, size, time and duration formatting for the reports. Hand-rolled rather than `Intl` so a
 * report reads the same on every machine, whatever its locale or ICU build.
 */

const BINARY_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const

/** Bytes in binary units as storage consoles show them: `512 B`, `1.2 GiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—'
  const sign = bytes < 0 ? '-' : ''
  let value = Math.abs(bytes)
  if (value < 1024) return `${sign}${Math.round(value)} B`
  let unit = 'B'
  for (const next of BINARY_UNITS) {
    if (value < 1024) break
    value /= 1024
    unit = next
  }
  // toFixed can round 1023.96 up to "1024.0"; acceptable, and clearer than a unit jump mid-table.
  return `${sign}${value.toFixed(1)} ${unit}`
}

/** Whole numbers with thousands separators: `1,234,567`. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const rounded = Math.round(value)
  const digits = Math.abs(rounded).toString()
  return `${rounded < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
}

/** Seconds as `1h 2m 3s`, `4m 0s` or `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h ${m}m ${s}s`
  if (m > 0) return `${m}m ${s}s`
  return `${s}s`
}

/**
 * Bytes per second in MB/s, the unit the bandwidth limits use (1 MB = 1,000,000 bytes, as in the
 * original tool), so a report can be compared with the limit that was set.
 */
export function formatThroughput(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '—'
  const mb = bytesPerSecond / 1_000_000
  return `${mb >= 10 ? mb.toFixed(1) : mb.toFixed(2)} MB/s`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/**
 * An ISO timestamp as `1 May 2025, 14:03:22 UTC`. Always UTC: the report may be read in another time
 * zone than the one it ran in, and an explicit zone avoids guessing. Unparseable input is shown as is.
 */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number): string => n.toString().padStart(2, '0')
  const month = MONTHS[date.getUTCMonth()] ?? ''
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}, ${time} UTC`
}

/** A share as `99.5%`, never rounding a partial result up to 100% or a non-zero one down to 0%. */
export function formatPercent(part: number, whole: number): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return '—'
  const pct = (part / whole) * 100
  if (part > 0 && pct < 0.1) return '<0.1%'
  if (part < whole && pct > 99.9) return '>99.9%'
  return `${Number.isInteger(pct) ? pct.toString() : pct.toFixed(1)}%`
}
