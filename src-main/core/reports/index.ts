export { CSV_BOM, CSV_COLUMNS, csvCell, csvHeader, csvRow } from './csv'
export {
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatThroughput,
  formatTimestamp,
} from './format'
export { escapeHtml } from './html'
export { DEFAULT_SUMMARY_LIMITS, renderSummaryHtml, SUMMARY_CSP, type SummaryLimits } from './summary-html'
export type * from './types'
export { writeReports, type ReportPaths, type WriteReportsOptions } from './write-reports'
