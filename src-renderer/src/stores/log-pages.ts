import type { LogLine } from '../../../src-preload/contract/logs'

/**
 * The page arithmetic of the log viewer: which pages of rows to ask main for around the viewport,
 * and which to forget so the page holds a few thousand lines at most, however long the log.
 */

/** Rows per `logs.read`. */
export const PAGE_SIZE = 200
/** Pages kept: 15 × 200 = 3,000 lines at most in memory. */
export const MAX_PAGES = 15
/** Rows fetched beyond each edge of the viewport, so scrolling rarely shows an empty row. */
export const OVERSCAN_ROWS = 100

export type Pages = Readonly<Record<number, LogLine[]>>

export function pageOf(row: number): number {
  return Math.floor(Math.max(0, row) / PAGE_SIZE)
}

/** Pages covering rows [first, last] plus the overscan, within [0, rows). */
export function pagesAround(first: number, last: number, rows: number): number[] {
  if (rows <= 0) return []
  const from = pageOf(Math.max(0, first - OVERSCAN_ROWS))
  const to = pageOf(Math.min(rows - 1, last + OVERSCAN_ROWS))
  const pages: number[] = []
  for (let p = from; p <= to; p++) pages.push(p)
  return pages
}

/** The pages to keep: all when few, otherwise those nearest the viewport's middle. */
export function keepNearest(pages: Pages, centerRow: number, max = MAX_PAGES): Pages {
  const keys = Object.keys(pages).map(Number)
  if (keys.length <= max) return pages
  const center = pageOf(centerRow)
  keys.sort((a, b) => Math.abs(a - center) - Math.abs(b - center))
  const kept: Record<number, LogLine[]> = {}
  for (const key of keys.slice(0, max)) kept[key] = pages[key]!
  return kept
}

/** The line shown at `row`, if its page is loaded. */
export function lineAt(pages: Pages, row: number): LogLine | undefined {
  return pages[pageOf(row)]?.[row - pageOf(row) * PAGE_SIZE]
}

/** Lines held in memory. */
export function heldLines(pages: Pages): number {
  return Object.values(pages).reduce((sum, lines) => sum + lines.length, 0)
}
