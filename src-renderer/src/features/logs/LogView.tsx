import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { lineAt, type Pages } from '../../stores/log-pages'
import { LogLineRow } from './LogLineRow'
import { scrollHeight, scrollTopFor, visibleRows } from './virtual-rows'

export const ROW_HEIGHT = 20
/** Assumed before the first layout (and where none happens, as in tests): about 30 rows. */
const DEFAULT_VIEW_HEIGHT = 600

interface LogViewProps {
  rows: number
  /** Lines in the file (line numbers go up to it). */
  total: number
  pages: Pages
  search: string
  cursor: number | null
  scrollTo: { row: number } | null
  follow: boolean
  /** The rows in sight changed. */
  onRange: (first: number, last: number) => void
  /** The person scrolled up or away from the end: following stops. */
  onLeaveTail: () => void
  onSelect: (row: number) => void
}

/**
 * The log's lines, virtualized: only the rows in sight are in the DOM, at a fixed height, whatever
 * the log's length; the lines themselves come from the store's pages. Focusable, so the arrow keys,
 * Page Up/Down, Home and End scroll it.
 */
export function LogView(props: LogViewProps): ReactNode {
  const { rows, total, pages, search, cursor, scrollTo, follow, onRange, onLeaveTail, onSelect } = props
  const ref = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewHeight, setViewHeight] = useState(DEFAULT_VIEW_HEIGHT)
  const geometry = { rows, rowHeight: ROW_HEIGHT, viewHeight }
  const { first, last, top } = visibleRows(geometry, scrollTop)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = (): void => setViewHeight(element.clientHeight || DEFAULT_VIEW_HEIGHT)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (rows > 0) onRange(first, last)
  }, [first, last, rows, onRange])

  const scrollToRow = useCallback(
    (row: number, align: 'center' | 'end') => {
      const element = ref.current
      if (!element) return
      const target = scrollTopFor({ rows, rowHeight: ROW_HEIGHT, viewHeight }, row, align)
      element.scrollTop = target
      setScrollTop(target)
    },
    [rows, viewHeight],
  )

  // Each request moves the view once, as soon as its row exists (the reply with the rows may come
  // after the request); rows growing alone never moves it.
  const applied = useRef<{ row: number } | null>(null)
  useEffect(() => {
    if (!scrollTo || scrollTo === applied.current || scrollTo.row >= rows) return
    applied.current = scrollTo
    scrollToRow(scrollTo.row, follow && scrollTo.row === rows - 1 ? 'end' : 'center')
  }, [scrollTo, rows, follow, scrollToRow])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (['ArrowUp', 'PageUp', 'Home'].includes(event.key)) onLeaveTail()
    if (event.key === 'End' && rows > 0) {
      // Native End cannot reach the end of a scaled list exactly; do it here.
      event.preventDefault()
      scrollToRow(rows - 1, 'end')
    }
  }

  const gutter = Math.max(3, String(total).length)
  const drawn: ReactNode[] = []
  if (rows > 0) {
    for (let row = first; row <= last; row++) {
      drawn.push(
        <LogLineRow
          key={row}
          row={row}
          line={lineAt(pages, row)}
          top={top(row)}
          height={ROW_HEIGHT}
          search={search}
          current={row === cursor}
          gutter={gutter}
          onSelect={onSelect}
        />,
      )
    }
  }

  return (
    <div
      ref={ref}
      role="region"
      aria-label="Log lines"
      tabIndex={0}
      data-testid="log-view"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onWheel={(event) => {
        if (event.deltaY < 0) onLeaveTail()
      }}
      onKeyDown={onKeyDown}
      style={{
        position: 'relative',
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        fontFamily: 'var(--mantine-font-family-monospace)',
        fontSize: 'var(--mantine-font-size-xs)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-body)',
      }}
    >
      <div style={{ height: scrollHeight(geometry), position: 'relative' }}>{drawn}</div>
    </div>
  )
}
