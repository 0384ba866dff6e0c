/**
 * The arithmetic of a virtual list of fixed-height rows that may be far taller than a browser lets an
 * element be (1,000,000 rows × 20 px is more than Firefox's limit and close to Chromium's). Up to
 * {@link MAX_SCROLL_PX} the scroll position maps to rows one to one; beyond, the scrollbar is scaled,
 * so the whole log stays reachable with a scrollbar of normal feel.
 */

export const MAX_SCROLL_PX = 10_000_000

export interface Geometry {
  rows: number
  rowHeight: number
  viewHeight: number
}

/** Height of the scrolled content. */
export function scrollHeight({ rows, rowHeight }: Geometry): number {
  return Math.min(rows * rowHeight, MAX_SCROLL_PX)
}

/** How far down the real (unscaled) content the top of the viewport is. */
function virtualTop(g: Geometry, scrollTop: number): number {
  const real = g.rows * g.rowHeight
  const scrolled = scrollHeight(g)
  if (real === scrolled) return scrollTop
  const range = scrolled - g.viewHeight
  return range <= 0 ? 0 : (scrollTop / range) * (real - g.viewHeight)
}

/** Rows in sight at a scroll position, and where each is drawn (px from the content's top). */
export function visibleRows(
  g: Geometry,
  scrollTop: number,
): { first: number; last: number; top: (row: number) => number } {
  const v = virtualTop(g, scrollTop)
  const first = Math.max(0, Math.min(g.rows - 1, Math.floor(v / g.rowHeight)))
  const last = Math.max(first, Math.min(g.rows - 1, Math.ceil((v + g.viewHeight) / g.rowHeight) - 1))
  return { first, last, top: (row) => scrollTop + row * g.rowHeight - v }
}

/** The scroll position that shows `row`; `align` center for a found line, end for the tail. */
export function scrollTopFor(g: Geometry, row: number, align: 'center' | 'end' = 'center'): number {
  const real = g.rows * g.rowHeight
  const scrolled = scrollHeight(g)
  const wanted =
    align === 'end'
      ? (row + 1) * g.rowHeight - g.viewHeight
      : row * g.rowHeight - (g.viewHeight - g.rowHeight) / 2
  const v = Math.max(0, Math.min(real - g.viewHeight, wanted))
  if (real === scrolled) return v
  const range = scrolled - g.viewHeight
  return real - g.viewHeight <= 0 ? 0 : (v / (real - g.viewHeight)) * range
}
