import type { CSSProperties, ReactNode } from 'react'
import type { LogLevelName, LogLine } from '../../../../src-preload/contract/logs'

/** Row tints by level; Mantine's light variants follow the light and dark themes. */
const TINT: Record<LogLevelName, string | undefined> = {
  error: 'var(--mantine-color-red-light)',
  warn: 'var(--mantine-color-yellow-light)',
  info: undefined,
  debug: undefined,
}

const LEVEL_COLOR: Record<LogLevelName, string> = {
  error: 'var(--mantine-color-red-light-color)',
  warn: 'var(--mantine-color-yellow-light-color)',
  info: 'var(--mantine-color-text)',
  debug: 'var(--mantine-color-dimmed)',
}

/** The text with each case-insensitive occurrence of `search` marked. */
export function highlight(text: string, search: string): ReactNode {
  if (search === '') return text
  const lower = text.toLowerCase()
  const needle = search.toLowerCase()
  // Lower-casing can change a string's length; then marks would be misplaced, so show it plain.
  if (lower.length !== text.length) return text
  const parts: ReactNode[] = []
  let at = 0
  for (let found = lower.indexOf(needle); found >= 0; found = lower.indexOf(needle, found + needle.length)) {
    if (found > at) parts.push(text.slice(at, found))
    parts.push(<mark key={found}>{text.slice(found, found + needle.length)}</mark>)
    at = found + needle.length
  }
  if (parts.length === 0) return text
  if (at < text.length) parts.push(text.slice(at))
  return parts
}

interface LogLineRowProps {
  row: number
  line: LogLine | undefined
  top: number
  height: number
  search: string
  current: boolean
  /** Width of the line-number column, in characters: wide enough for the log's last line number. */
  gutter: number
  onSelect: (row: number) => void
}

/** One line of the log: its number and its text, tinted by level. */
export function LogLineRow({
  row,
  line,
  top,
  height,
  search,
  current,
  gutter,
  onSelect,
}: LogLineRowProps): ReactNode {
  const style: CSSProperties = {
    position: 'absolute',
    top,
    left: 0,
    right: 0,
    height,
    lineHeight: `${height}px`,
    display: 'flex',
    whiteSpace: 'pre',
    cursor: 'default',
    background: line ? TINT[line.level] : undefined,
    color: line ? LEVEL_COLOR[line.level] : 'var(--mantine-color-dimmed)',
    outline: current ? '2px solid var(--mantine-primary-color-filled)' : undefined,
    outlineOffset: -2,
  }
  return (
    <div
      style={style}
      data-row={row}
      data-level={line?.level}
      data-testid="log-line"
      aria-current={current ? 'true' : undefined}
      onClick={() => onSelect(row)}
    >
      <span
        style={{
          width: `${gutter + 2}ch`,
          flex: 'none',
          textAlign: 'right',
          paddingRight: '1ch',
          opacity: 0.6,
          userSelect: 'none',
        }}
        aria-hidden
      >
        {line ? line.n + 1 : ''}
      </span>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', paddingRight: '1ch' }}>
        {line ? highlight(line.text, search) : '…'}
      </span>
    </div>
  )
}
