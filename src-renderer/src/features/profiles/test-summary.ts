import type { LastConnectionTest } from '../../../../src-preload/contract/connections'
import { STEP_LABELS } from './labels'

/** How the list shows a profile's last test: one line, and the words that explain it. */
export interface TestSummary {
  tone: 'worked' | 'warning' | 'failed'
  /** "Worked", "Worked, with a warning", "Failed at Authentication". */
  label: string
  /** The failure's or warning's exact words, for the tooltip and the screen reader. */
  message?: string
}

/** The first failed step (the one that ended the test), else the first warning, else "Worked". */
export function summarizeTest(test: LastConnectionTest): TestSummary {
  const failed = test.checks.find((check) => check.status === 'failed')
  if (!test.ok || failed !== undefined) {
    return {
      tone: 'failed',
      label: failed === undefined ? 'Failed' : `Failed at ${STEP_LABELS[failed.step]}`,
      ...(failed?.error !== undefined && { message: failed.error.message }),
    }
  }
  const warning = test.checks.find((check) => check.status === 'warning')
  if (warning !== undefined) {
    return {
      tone: 'warning',
      label: 'Worked, with a warning',
      ...(warning.detail !== undefined && { message: warning.detail }),
    }
  }
  return { tone: 'worked', label: 'Worked' }
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * When a test ran, as the list says it: "just now", "5 min ago", "2 h ago" on the day, then the date
 * and time ("12 Mar, 10:42") so an old result is not mistaken for a fresh one.
 */
export function whenTested(at: string, now: number, locale?: string): string {
  const time = Date.parse(at)
  if (!Number.isFinite(time)) return ''
  const elapsed = now - time
  if (elapsed < MINUTE) return 'just now'
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`
  if (elapsed < 24 * HOUR) return `${Math.floor(elapsed / HOUR)} h ago`
  const date = new Date(time)
  const sameYear = date.getFullYear() === new Date(now).getFullYear()
  return date.toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    ...(!sameYear && { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  })
}
