import { formatBytes, formatDuration } from '../core/reports/format'
import type { ProgressSnapshot } from '../core/transfer/progress'

/** The live line on a terminal: objects, bytes, rate, ETA, in one line that is redrawn in place. */
export function progressLine(p: ProgressSnapshot, width: number): string {
  const total = Math.max(p.bytes.total, 1)
  const fraction = p.planned ? Math.min(1, p.bytes.done / total) : 0
  const barWidth = Math.max(10, Math.min(30, width - 90))
  const filled = Math.round(fraction * barWidth)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`
  const objects = `${p.objects.done}/${p.objects.total}${p.planned ? '' : '+'} objects`
  const failed = p.objects.failed ? ` ${p.objects.failed} failed` : ''
  const bytes = `${formatBytes(p.bytes.done)}/${formatBytes(p.bytes.total)}${p.planned ? '' : '+'}`
  const rate = `${(p.rate / 1_000_000).toFixed(1)} MB/s`
  const eta = p.etaSeconds === null ? 'ETA --' : `ETA ${formatDuration(p.etaSeconds)}`
  const line = `${bar} ${Math.round(fraction * 100)}% ${objects}${failed}  ${bytes}  ${rate}  ${eta}`
  return line.length > width - 1 ? line.slice(0, width - 1) : line
}

/** One machine-readable line (--json): absolute totals, so a consumer may drop lines freely. */
export function progressJson(p: ProgressSnapshot): string {
  return JSON.stringify({
    type: 'progress',
    objects: p.objects,
    bytes: p.bytes,
    planned: p.planned,
    rate: Math.round(p.rate),
    etaSeconds: p.etaSeconds,
    elapsedSeconds: p.elapsedSeconds,
  })
}
