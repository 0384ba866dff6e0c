import {
  formatBytes,
  formatCount,
  formatDuration,
  formatPercent,
  formatThroughput,
  formatTimestamp,
} from './format'
import { html, SafeHtml, type HtmlValue } from './html'
import { SUMMARY_CSS } from './summary-styles'
import type { RunReport, VerificationClass } from './types'

/**
 * The one-page HTML summary of a run, for people who will not open a CSV: what happened, whether the
 * data is verified, and where the details are. Self-contained (inline CSS, no scripts, nothing
 * fetched) under a CSP that forbids anything else, so it is safe to open from an e-mail or a share
 * even though object names in it come from other people. Sized to print on one or two A4 pages.
 */

export const SUMMARY_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export interface SummaryLimits {
  /** Failures listed before "and N more". */
  failures: number
  /** Extras listed before "and N more". */
  extras: number
  /** Source containers listed before "and N more". */
  containers: number
  /** Characters of a failure reason shown; the CSV has the whole text. */
  reasonChars: number
}

// Small enough that a run with many failures still prints on two pages.
export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = {
  failures: 10,
  extras: 5,
  containers: 12,
  reasonChars: 200,
}

type Tone = 'ok' | 'warn' | 'bad'

const VERIFICATION_ORDER: readonly VerificationClass[] = [
  'verified-md5',
  'verified-recorded',
  'mismatched',
  'missing',
]

const VERIFICATION_LABELS: Record<VerificationClass, string> = {
  'verified-md5': 'Verified by checksum',
  'verified-recorded': 'Verified by recorded checksum',
  mismatched: 'Mismatched',
  missing: 'Missing',
}

function verificationExplanation(cls: VerificationClass, deep: boolean): string {
  switch (cls) {
    case 'verified-md5':
      return deep
        ? 'Each copy was downloaded again and its MD5 checksum matches the original content.'
        : "The copy's MD5 checksum matches the original content."
    case 'verified-recorded':
      return 'Large segmented (SLO/DLO) object: the checksum and size recorded for the original match the copy; the content itself was not re-read.'
    case 'mismatched':
      return 'A copy exists on the target but differs from the original.'
    case 'missing':
      return 'No copy was found on the target.'
  }
}

const MODE_LABELS: Record<RunReport['mode'], string> = {
  copy: 'Copy',
  'verify-only': 'Verify only',
  'dry-run': 'Dry run (nothing written)',
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function valueOrNone(value: string | null): SafeHtml {
  return value === null || value === '' ? html`<span class="muted">(none)</span>` : html`${value}`
}

function problemCount(report: RunReport): number {
  const v = report.totals.verification
  return report.totals.failed + v.mismatched + v.missing
}

function outcomeTone(report: RunReport): Tone {
  if (report.outcome === 'failed' || report.outcome === 'cancelled' || report.outcome === 'needs-credentials')
    return 'bad'
  if (report.outcome === 'completed-with-failures' || problemCount(report) > 0) return 'warn'
  return 'ok'
}

const ICONS: Record<Tone, SafeHtml> = {
  ok: new SafeHtml(
    '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  ),
  warn: new SafeHtml(
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 1.8L23 21.5H1z" fill="currentColor" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M12 8.5v6" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="18" r="1.4" fill="#fff"/></svg>',
  ),
  bad: new SafeHtml(
    '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>',
  ),
}

function banner(report: RunReport): SafeHtml {
  const tone = outcomeTone(report)
  const { totals } = report
  const verified = totals.verification['verified-md5'] + totals.verification['verified-recorded']
  let headline: string
  let detail: string
  switch (report.outcome) {
    case 'failed':
      headline = 'Migration failed'
      detail = 'The run stopped before it finished. The totals below cover the work done until then.'
      break
    case 'needs-credentials':
      headline = 'Waiting for new credentials'
      detail =
        'The S3 credentials expired during the run. Run it again with new ones: only what is missing is copied.'
      break
    case 'cancelled':
      headline = 'Migration cancelled'
      detail = 'The run was cancelled before it finished. The totals below cover the work done until then.'
      break
    default:
      if (tone === 'warn') {
        headline = 'Completed with failures'
        const parts = [
          totals.failed > 0 ? `${formatCount(totals.failed)} failed` : null,
          totals.verification.mismatched > 0
            ? `${formatCount(totals.verification.mismatched)} mismatched`
            : null,
          totals.verification.missing > 0 ? `${formatCount(totals.verification.missing)} missing` : null,
        ].filter((p) => p !== null)
        detail = `${parts.length > 0 ? `${parts.join(', ')} of ${formatCount(totals.objects)} objects. ` : ''}See the failures below and the CSV for every object.`
      } else if (report.mode === 'dry-run') {
        headline = 'Dry run completed'
        detail = `${formatCount(totals.objects)} objects examined. Nothing was copied or deleted; the CSV lists what a real run would do.`
      } else if (verified === totals.objects) {
        headline =
          report.mode === 'verify-only'
            ? 'All objects verified'
            : 'Completed: all objects copied and verified'
        detail = `All ${formatCount(totals.objects)} objects are on the target and verified.`
      } else {
        headline = 'Completed'
        detail = `${formatCount(totals.objects)} objects processed without failures; ${formatCount(verified)} verified.`
      }
  }
  return html`<section class="banner tone-${tone}" role="status">
    ${ICONS[tone]}
    <div>
      <h2>${headline}</h2>
      <p>${detail}</p>
      ${report.error === null ? '' : html`<p class="error wrap"><strong>Error:</strong> ${report.error}</p>`}
    </div>
  </section>`
}

function kpi(label: string, value: string, note: string, tone?: 'ok' | 'bad'): SafeHtml {
  // "2.4 TiB" and "194.7 MB/s": a smaller unit keeps six figures on one row.
  const unit = /^([\d.,]+) ([A-Za-z/]+)$/.exec(value)
  const shown = unit ? html`${unit[1]}<span class="unit">${unit[2]}</span>` : value
  return html`<div class="kpi${tone ? ` ${tone}` : ''}">
    <div class="label">${label}</div>
    <div class="value">${shown}</div>
    <div class="note">${note}</div>
  </div>`
}

function keyFigures(report: RunReport): SafeHtml {
  const { totals } = report
  const verified = totals.verification['verified-md5'] + totals.verification['verified-recorded']
  const problems = problemCount(report)
  return html`<section class="kpis" aria-label="Key figures">
    ${kpi('Objects', formatCount(totals.objects), `${formatCount(totals.copied)} copied`)}
    ${kpi(
      'Verified',
      formatCount(verified),
      formatPercent(verified, totals.objects),
      totals.objects > 0 && verified === totals.objects ? 'ok' : undefined,
    )}
    ${kpi('Problems', formatCount(problems), problems > 0 ? 'need attention' : 'none', problems > 0 ? 'bad' : undefined)}
    ${kpi('Data copied', formatBytes(totals.bytesCopied), `of ${formatBytes(totals.bytesTotal)}`)}
    ${kpi('Duration', formatDuration(report.durationSeconds), 'wall clock')}
    ${kpi('Throughput', formatThroughput(report.throughput), 'average')}
  </section>`
}

function runDetails(report: RunReport): SafeHtml {
  return html`<section>
    <h2>Run</h2>
    <dl class="fields run">
      <dt>Started by</dt>
      <dd>${report.startedBy}</dd>
      <dt>Mode</dt>
      <dd>${MODE_LABELS[report.mode] ?? report.mode}</dd>
      <dt>Started</dt>
      <dd>${formatTimestamp(report.startedAt)}</dd>
      <dt>Finished</dt>
      <dd>${formatTimestamp(report.finishedAt)}</dd>
      <dt>Duration</dt>
      <dd>${formatDuration(report.durationSeconds)}</dd>
      <dt>Run ID</dt>
      <dd class="mono">${report.runId}</dd>
    </dl>
  </section>`
}

function bounded<T>(items: readonly T[], limit: number, total = items.length): { shown: T[]; more: number } {
  const shown = items.slice(0, Math.max(0, limit))
  return { shown, more: Math.max(0, Math.max(total, items.length) - shown.length) }
}

function endpoints(report: RunReport, limits: SummaryLimits): SafeHtml {
  const { source, target } = report
  const containers = bounded(source.containers, limits.containers)
  const containerList =
    containers.shown.length === 0
      ? html`<span class="muted">(none)</span>`
      : html`${containers.shown.join(', ')}${containers.more > 0 ? html` <span class="muted">and ${formatCount(containers.more)} more</span>` : ''}`
  return html`<div class="grid-2">
    <section class="card">
      <h3>Source: OpenStack Swift</h3>
      <dl class="fields">
        <dt>Auth URL</dt>
        <dd class="mono">${source.authUrl}</dd>
        <dt>Storage URL</dt>
        <dd class="mono">${source.storageUrl}</dd>
        <dt>${source.containers.length === 1 ? 'Container' : 'Containers'}</dt>
        <dd>${containerList}</dd>
        <dt>Prefix</dt>
        <dd>${valueOrNone(source.prefix)}</dd>
      </dl>
    </section>
    <section class="card">
      <h3>Target: S3</h3>
      <dl class="fields">
        <dt>Endpoint</dt>
        <dd class="mono">${target.endpoint}</dd>
        <dt>Region</dt>
        <dd>${valueOrNone(target.region)}</dd>
        <dt>Bucket</dt>
        <dd>${target.bucket}</dd>
        <dt>Prefix</dt>
        <dd>${valueOrNone(target.prefix)}</dd>
      </dl>
    </section>
  </div>`
}

function totalsTable(report: RunReport): SafeHtml {
  const { totals } = report
  const row = (label: string, value: HtmlValue, note: HtmlValue = ''): SafeHtml =>
    html`<tr>
      <td>${label}</td>
      <td class="num">${value}</td>
      <td class="muted small">${note}</td>
    </tr>`
  const extrasNote =
    totals.extras === 0 ? '' : `${formatCount(totals.extrasDeleted)} deleted (mirror), the rest kept`
  return html`<section>
    <h2>Totals</h2>
    <div class="table-box">
      <table>
        <colgroup>
          <col style="width:34%" />
          <col style="width:22%" />
          <col />
        </colgroup>
        <tbody>
          ${row('Objects', formatCount(totals.objects))}
          ${row('Copied', formatCount(totals.copied), formatPercent(totals.copied, totals.objects))}
          ${row('Skipped', formatCount(totals.skipped), totals.skipped > 0 ? 'reasons in the CSV' : '')}
          ${row('Failed', formatCount(totals.failed), totals.failed > 0 ? 'see Failures below' : '')}
          ${row(
            'Data copied',
            `${formatBytes(totals.bytesCopied)} / ${formatBytes(totals.bytesTotal)}`,
            `${formatCount(totals.bytesCopied)} of ${formatCount(totals.bytesTotal)} bytes`,
          )}
          ${row('Average throughput', formatThroughput(report.throughput), '1 MB = 1,000,000 bytes')}
          ${row('Extras on the target', formatCount(totals.extras), extrasNote)}
        </tbody>
      </table>
    </div>
  </section>`
}

function verificationTable(report: RunReport): SafeHtml {
  const counts = report.totals.verification
  const classified = VERIFICATION_ORDER.reduce((sum, cls) => sum + counts[cls], 0)
  const deep = report.options['deep'] === true
  const segments = VERIFICATION_ORDER.filter((cls) => counts[cls] > 0).map(
    (cls) =>
      // Widths come from numbers only, so the inline style cannot carry anything from the report.
      html`<span class="c-${cls}" style="width:${((counts[cls] / classified) * 100).toFixed(3)}%"></span>`,
  )
  return html`<section>
    <h2>Verification${deep ? ' (deep: every copy re-read)' : ''}</h2>
    ${classified > 0 ? html`<div class="stack" aria-hidden="true">${segments}</div>` : ''}
    <div class="table-box">
      <table>
        <colgroup>
          <col style="width:34%" />
          <col style="width:13%" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>Class</th>
            <th class="num">Objects</th>
            <th>Meaning</th>
          </tr>
        </thead>
        <tbody>
          ${VERIFICATION_ORDER.map(
            (cls) =>
              html`<tr>
                <td><span class="dot c-${cls}"></span>${VERIFICATION_LABELS[cls]}</td>
                <td class="num">${formatCount(counts[cls])}</td>
                <td class="small">${verificationExplanation(cls, deep)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`
}

type CheckState = 'ok' | 'bad' | 'na'

function pill(state: CheckState): SafeHtml {
  const label = state === 'ok' ? 'OK' : state === 'bad' ? 'Not OK' : 'Not checked'
  return html`<span class="pill ${state}">${label}</span>`
}

function countCheck(report: RunReport): { state: CheckState; note: string } {
  const { sourceCount, targetCount, extras, extrasDeleted } = report.totals
  if (report.mode === 'dry-run') return { state: 'na', note: 'Dry run: nothing was copied.' }
  if (sourceCount === targetCount) return { state: 'ok', note: 'Same number of objects on both sides.' }
  const kept = extras - extrasDeleted
  const explained = kept > 0 && targetCount - sourceCount === kept
  return {
    state: 'bad',
    note: explained
      ? `The difference is the ${formatCount(kept)} extra objects kept on the target.`
      : `${formatCount(Math.abs(sourceCount - targetCount))} objects ${targetCount < sourceCount ? 'fewer' : 'more'} on the target.`,
  }
}

function completenessCheck(report: RunReport): { state: CheckState; note: string } {
  const { sourceCount, containerObjectCount } = report.totals
  if (containerObjectCount === null) {
    return { state: 'na', note: 'The container object count was not available for this run.' }
  }
  if (report.source.prefix) {
    // With a prefix the listing covers part of the container, so only "not more than" can be checked.
    return sourceCount <= containerObjectCount
      ? { state: 'ok', note: 'The prefix lists part of the container; the listing fits within its count.' }
      : { state: 'bad', note: 'The listing returned more objects than the container reports.' }
  }
  if (sourceCount === containerObjectCount) {
    return { state: 'ok', note: 'The listing returned every object the container reports.' }
  }
  return {
    state: 'bad',
    note: 'The listing and the container count differ. Swift updates the count asynchronously, so re-run verification if the container was being written to.',
  }
}

function checksTable(report: RunReport): SafeHtml {
  const { totals } = report
  const count = countCheck(report)
  const completeness = completenessCheck(report)
  return html`<section>
    <h2>Checks</h2>
    <div class="table-box">
      <table>
        <colgroup>
          <col style="width:30%" />
          <col style="width:27%" />
          <col style="width:13%" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>Check</th>
            <th>Counts</th>
            <th>Result</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              Object count, source vs target
              <div class="muted small">The original tool's check</div>
            </td>
            <td>
              <div>Swift: ${formatCount(totals.sourceCount)}</div>
              <div>S3: ${formatCount(totals.targetCount)}</div>
            </td>
            <td>${pill(count.state)}</td>
            <td class="small">${count.note}</td>
          </tr>
          <tr>
            <td>
              Listing completeness
              <div class="muted small">Listed vs X-Container-Object-Count</div>
            </td>
            <td>
              <div>Listed: ${formatCount(totals.sourceCount)}</div>
              <div>
                Container:
                ${totals.containerObjectCount === null ? '—' : formatCount(totals.containerObjectCount)}
              </div>
            </td>
            <td>${pill(completeness.state)}</td>
            <td class="small">${completeness.note}</td>
          </tr>
        </tbody>
      </table>
    </div>
  </section>`
}

function moreLine(more: number, where: HtmlValue): SafeHtml | string {
  return more > 0 ? html`<p class="more">…and ${formatCount(more)} more, ${where}.</p>` : ''
}

function failuresTable(report: RunReport, limits: SummaryLimits, csvName: string): SafeHtml {
  const { shown, more } = bounded(report.failures, limits.failures, report.totals.failed)
  if (shown.length === 0 && more === 0) {
    return html`<section>
      <h2>Failures</h2>
      <p class="muted">None.</p>
    </section>`
  }
  return html`<section>
    <h2>Failures (${formatCount(shown.length + more)})</h2>
    ${
      shown.length === 0
        ? ''
        : html`<div class="table-box">
            <table>
              <colgroup>
                <col style="width:42%" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th>Object key</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (f) =>
                    html`<tr>
                      <td class="mono">${f.key}</td>
                      <td>${clip(f.reason, limits.reasonChars)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${moreLine(more, html`see the CSV (<span class="mono">${csvName}</span>)`)}
  </section>`
}

function extrasTable(report: RunReport, limits: SummaryLimits): SafeHtml {
  const { shown, more } = bounded(report.extras, limits.extras, report.totals.extras)
  if (shown.length === 0 && more === 0) {
    return html`<section>
      <h2>Extras on the target</h2>
      <p class="muted">None: the target holds no objects the source does not have.</p>
    </section>`
  }
  return html`<section>
    <h2>Extras on the target (${formatCount(shown.length + more)})</h2>
    <p class="muted small" style="margin:0 0 6px">Objects in the bucket that the source does not have.</p>
    ${
      shown.length === 0
        ? ''
        : html`<div class="table-box">
            <table>
              <colgroup>
                <col />
                <col style="width:16%" />
                <col style="width:16%" />
              </colgroup>
              <thead>
                <tr>
                  <th>Object key</th>
                  <th class="num">Size</th>
                  <th>Action</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (e) =>
                    html`<tr>
                      <td class="mono">${e.key}</td>
                      <td class="num">${formatBytes(e.bytes)}</td>
                      <td>${e.deleted ? 'Deleted' : 'Kept'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${moreLine(more, report.logFile === null ? 'not listed here' : 'see the run log')}
  </section>`
}

function optionValue(value: string | number | boolean | null): SafeHtml {
  if (value === null) return html`<span class="muted">—</span>`
  if (typeof value === 'boolean') return html`${value ? 'Yes' : 'No'}`
  return html`${typeof value === 'number' && Number.isInteger(value) ? formatCount(value) : value}`
}

function optionsList(report: RunReport): SafeHtml {
  const entries = Object.entries(report.options)
  return html`<section>
    <h2>Options</h2>
    ${
      entries.length === 0
        ? html`<p class="muted">Defaults.</p>`
        : html`<dl class="options">
            ${entries.map(
              ([name, value]) =>
                html`<div>
                  <dt class="mono">${name}</dt>
                  <dd>${optionValue(value)}</dd>
                </div>`,
            )}
          </dl>`
    }
  </section>`
}

function fileLink(name: string): SafeHtml {
  // Relative link: the JSON and CSV sit next to this page. Encoded so a name cannot become a scheme.
  return html`<a class="mono" href="${encodeURIComponent(name)}">${name}</a>`
}

function filesSection(report: RunReport, files: { json: string; csv: string }): SafeHtml {
  return html`<section>
    <h2>Files</h2>
    <dl class="fields">
      <dt>Every object (spreadsheet)</dt>
      <dd>${fileLink(files.csv)}</dd>
      <dt>Every object (machine-readable)</dt>
      <dd>${fileLink(files.json)}</dd>
      <dt>Run log</dt>
      <dd class="mono">${report.logFile ?? html`<span class="muted">(none)</span>`}</dd>
    </dl>
  </section>`
}

export function renderSummaryHtml(
  report: RunReport,
  files: { json: string; csv: string },
  limits: Partial<SummaryLimits> = {},
): string {
  const lim = { ...DEFAULT_SUMMARY_LIMITS, ...limits }
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${new SafeHtml(SUMMARY_CSP)}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>Migration report – ${report.target.bucket} – ${formatTimestamp(report.startedAt)}</title>
        <style>
          ${new SafeHtml(SUMMARY_CSS)}
        </style>
      </head>
      <body>
        <main class="page">
          <header class="top">
            <div>
              <h1>Migration report</h1>
              <p class="subtitle">OpenStack Swift → S3 · ${MODE_LABELS[report.mode] ?? report.mode}</p>
            </div>
            <div class="top-meta">
              <div><strong>${formatTimestamp(report.startedAt)}</strong></div>
              <div>${report.tool.name} ${report.tool.version}</div>
            </div>
          </header>
          ${banner(report)} ${keyFigures(report)} ${runDetails(report)} ${endpoints(report, lim)}
          ${totalsTable(report)} ${verificationTable(report)} ${checksTable(report)}
          ${failuresTable(report, lim, files.csv)} ${extrasTable(report, lim)} ${optionsList(report)}
          ${filesSection(report, files)}
          <footer>
            Report format ${report.version} · run ${report.runId} · generated by ${report.tool.name}
            ${report.tool.version}
          </footer>
        </main>
      </body>
    </html> `
  return page.value
}
