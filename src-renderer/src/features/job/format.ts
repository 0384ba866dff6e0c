/**
 * Numbers as the job view and History show them. Sizes use decimal units (1 MB = 1,000,000 bytes), the
 * unit the bandwidth limit is set in, so "12 MB at 2 MB/s" adds up in the reader's head.
 */

const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB'] as const

/** Bytes as `1 byte`, `512 bytes`, `1.5 kB`, `41.0 kB`, `123 MB`: the one way every screen writes a size. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—'
  let value = Math.abs(bytes)
  const sign = bytes < 0 ? '-' : ''
  if (value < 1000) {
    const whole = Math.round(value)
    return `${sign}${whole} ${whole === 1 ? 'byte' : 'bytes'}`
  }
  let unit: string = 'bytes'
  for (const next of UNITS) {
    if (value < 1000) break
    value /= 1000
    unit = next
  }
  return `${sign}${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`
}

/** Bytes per second as `1.25 MB/s`: the unit the bandwidth limit is set in. */
export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '—'
  const mb = bytesPerSecond / 1_000_000
  return `${mb >= 10 ? mb.toFixed(1) : mb.toFixed(2)} MB/s`
}

/** A count with thousands separators, the same on every machine: `1,234,567`. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const rounded = Math.round(value)
  return `${rounded < 0 ? '-' : ''}${Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`
}

/** Seconds as `1h 2m`, `4m 5s` or `12s`; hours drop the seconds, which nobody reads at that scale. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—'
  const total = Math.round(seconds)
  const d = Math.floor(total / 86_400)
  const h = Math.floor((total % 86_400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (d > 0) return `${d}d ${h}h`
  if (h > 0) return `${h}h ${m}m`
  if (m > 0) return `${m}m ${s}s`
  return `${s}s`
}

/** Seconds between two ISO times; null when either is missing or unreadable. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null
  const ms = Date.parse(to) - Date.parse(from)
  return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : null
}

/**
 * A share in whole percent for a progress bar, never showing 100 before the end nor 0 once something
 * moved: `part` of `whole`, clamped to 0…100. Null when there is no whole yet.
 */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null
  const pct = (part / whole) * 100
  if (part >= whole) return 100
  if (part <= 0) return 0
  return Math.min(99, Math.max(1, Math.floor(pct)))
}

const pad = (n: number): string => n.toString().padStart(2, '0')

/** An ISO time in the reader's time zone as `2025-05-01 14:03`; unreadable input is shown as is. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}
