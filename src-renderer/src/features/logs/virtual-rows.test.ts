import { describe, expect, it } from 'vitest'
import { MAX_SCROLL_PX, scrollHeight, scrollTopFor, visibleRows } from './virtual-rows'

const g = (rows: number) => ({ rows, rowHeight: 20, viewHeight: 400 })

describe('virtual rows', () => {
  it('maps a small log one to one', () => {
    expect(scrollHeight(g(100))).toBe(2000)
    const { first, last, top } = visibleRows(g(100), 200)
    expect([first, last, top(10)]).toEqual([10, 29, 200])
    expect(scrollTopFor(g(100), 50)).toBe(50 * 20 - 190)
  })

  it('keeps a 1,000,000-line log within the scroll limit and reaches its last line', () => {
    const big = g(1_000_000)
    expect(scrollHeight(big)).toBe(MAX_SCROLL_PX)
    const end = visibleRows(big, MAX_SCROLL_PX - 400)
    expect(end.last).toBe(999_999)
    expect(end.top(999_999) + 20).toBeCloseTo(MAX_SCROLL_PX, 5)
    const middle = scrollTopFor(big, 500_000)
    const seen = visibleRows(big, middle)
    expect(seen.first).toBeLessThanOrEqual(500_000)
    expect(seen.last).toBeGreaterThanOrEqual(500_000)
    // The row drawn inside the viewport.
    expect(seen.top(500_000) - middle).toBeGreaterThanOrEqual(0)
    expect(seen.top(500_000) - middle).toBeLessThan(400)
  })

  it('puts the tail at the bottom when following', () => {
    const top = scrollTopFor(g(1000), 999, 'end')
    expect(top).toBe(1000 * 20 - 400)
    expect(visibleRows(g(1000), top).last).toBe(999)
  })
})
