import { describe, expect, it } from 'vitest'
import { escapeHtml, html, SafeHtml } from './html'
import { sampleReport } from './sample-report'
import { renderSummaryHtml, SUMMARY_CSP } from './summary-html'
import type { RunReport } from './types'

const FILES = { json: 'run.json', csv: 'run.csv' }
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`

/** Every string in the report, and every options key, replaced by markup. */
function hostileReport(): RunReport {
  const base = sampleReport()
  const hostile = (label: string): string => `${label}${HOSTILE}`
  return {
    ...base,
    runId: hostile('run'),
    tool: { name: hostile('tool'), version: hostile('v') },
    startedBy: hostile('user'),
    startedAt: hostile('start'),
    finishedAt: hostile('end'),
    error: hostile('error'),
    mode: hostile('mode') as RunReport['mode'],
    source: {
      authUrl: hostile('auth'),
      storageUrl: hostile('storage'),
      containers: [hostile('c1'), hostile('c2')],
      prefix: hostile('sp'),
    },
    target: {
      endpoint: hostile('endpoint'),
      region: hostile('region'),
      bucket: hostile('bucket'),
      prefix: hostile('tp'),
    },
    options: { [hostile('opt')]: hostile('value') },
    logFile: hostile('log'),
    failures: [{ key: hostile('fkey'), reason: hostile('reason') }],
    extras: [{ key: hostile('xkey'), bytes: 1, deleted: true }],
  }
}

function visibleText(page: string): string {
  return page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]*>/g, '')
}

describe('HTML escaping', () => {
  it('escapes markup and both quote kinds', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
  })

  it('escapes every interpolated value unless it is SafeHtml', () => {
    const name = '<b>x</b>'
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>')
    expect(html`<p>${new SafeHtml('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>')
    expect(html`<span>${['<i>', html`<b>${'&'}</b>`]}</span>`.value).toBe(
      '<span>&lt;i&gt;<b>&amp;</b></span>',
    )
    expect(html`${null}${undefined}${3}`.value).toBe('3')
  })

  it('lets no value from the report or the file names become markup', () => {
    const page = renderSummaryHtml(hostileReport(), { json: `a${HOSTILE}.json`, csv: `b${HOSTILE}.csv` })
    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/<img/i)
    expect(page).not.toMatch(/onerror=alert\(2\)>/)
    // Inside attributes too: no raw quote from a value can close one.
    expect(page).not.toContain(`"'&`)
    for (const label of ['run', 'tool', 'user', 'error', 'auth', 'storage', 'c1', 'c2', 'sp', 'endpoint']) {
      expect(page).toContain(`${label}&lt;script&gt;alert(1)&lt;/script&gt;`)
    }
    for (const label of ['region', 'bucket', 'tp', 'opt', 'value', 'log', 'fkey', 'reason', 'xkey', 'mode']) {
      expect(page).toContain(`${label}&lt;script&gt;`)
    }
    expect(page).toContain('b&lt;script&gt;')
  })
})

describe('HTML summary', () => {
  it('is one self-contained page under a strict CSP', () => {
    const page = renderSummaryHtml(sampleReport(), FILES)
    expect(page.startsWith('<!doctype html>')).toBe(true)
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1]).toBe(SUMMARY_CSP)
    expect(SUMMARY_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(page).not.toMatch(/<script|<link|<iframe|<object|@import|url\(/i)
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i)
    expect(page).toMatch(/@media print/)
    expect(page).toMatch(/@page \{ size: A4/)
  })

  it('reports totals in human units', () => {
    const text = visibleText(renderSummaryHtml(sampleReport(), FILES))
    expect(text).toContain('Migration report')
    expect(text).toContain('alice@ops-workstation-07')
    expect(text).toContain('1 May 2025, 14:03:22 UTC')
    expect(text).toContain('1 May 2025, 17:47:05 UTC')
    expect(text).toContain('3h 43m 44s')
    expect(text).toContain('1,284,311')
    expect(text).toContain('2.4 TiB / 2.6 TiB')
    expect(text).toContain('2,613,432,119,004 of 2,814,749,767,106 bytes')
    expect(text).toContain('194.7 MB/s')
    expect(text).toContain('https://keystone.cloud.example.org:5000/v3')
    expect(text).toContain('acme-media-archive')
    expect(text).toContain('eu-central-1')
    expect(text).toContain('67,108,864')
    expect(text).toContain('STANDARD_IA')
    expect(text).toContain('/home/alice/.local/share/swift2s3/logs/')
  })

  it('explains each verification class and marks both count checks', () => {
    const page = renderSummaryHtml(sampleReport(), FILES)
    const text = visibleText(page)
    for (const label of ['Verified by checksum', 'Verified by recorded checksum', 'Mismatched', 'Missing']) {
      expect(text).toContain(label)
    }
    expect(text).toContain('SLO/DLO')
    // Source 1,284,311 vs target 1,284,305: not ok. Prefix listing within the container count: ok.
    expect(page).toMatch(/Swift: 1,284,311[\s\S]*?S3: 1,284,305[\s\S]*?pill bad">Not OK/)
    expect(page).toMatch(/Container:\s*1,290,002[\s\S]*?pill ok">OK/)
  })

  it('bounds the failure and extras lists and points to the details', () => {
    const text = visibleText(renderSummaryHtml(sampleReport(), FILES))
    expect(text).toContain('batch-010/page-1063.tiff')
    expect(text).not.toContain('batch-011/')
    expect(text).toContain('…and 10 more, see the CSV (run.csv).')
    expect(text).toContain('upload-5.part')
    expect(text).not.toContain('upload-6.part')
    expect(text).toContain('…and 9 more, see the run log.')
    const limited = visibleText(renderSummaryHtml(sampleReport(), FILES, { failures: 2 }))
    expect(limited).toContain('…and 18 more, see the CSV')
  })

  it('counts failures beyond the bounded list the report carries', () => {
    const report = sampleReport()
    const text = visibleText(
      renderSummaryHtml({ ...report, totals: { ...report.totals, failed: 5000 } }, FILES),
    )
    expect(text).toContain('Failures (5,000)')
    expect(text).toContain('…and 4,990 more, see the CSV')
  })

  it('colours the banner by outcome', () => {
    const base = sampleReport()
    const clean: RunReport = {
      ...base,
      outcome: 'completed',
      failures: [],
      totals: {
        ...base.totals,
        failed: 0,
        verification: { 'verified-md5': 1_280_141, 'verified-recorded': 4_170, mismatched: 0, missing: 0 },
      },
    }
    expect(renderSummaryHtml(clean, FILES)).toContain('banner tone-ok')
    expect(visibleText(renderSummaryHtml(clean, FILES))).toContain('All 1,284,311 objects are on the target')
    expect(renderSummaryHtml(base, FILES)).toContain('banner tone-warn')
    // "completed" with unverified objects is not green, whatever the outcome field says.
    expect(renderSummaryHtml({ ...base, outcome: 'completed' }, FILES)).toContain('banner tone-warn')
    const failed = renderSummaryHtml({ ...base, outcome: 'failed', error: 'Keystone said 401' }, FILES)
    expect(failed).toContain('banner tone-bad')
    expect(visibleText(failed)).toContain('Keystone said 401')
    expect(renderSummaryHtml({ ...base, outcome: 'cancelled' }, FILES)).toContain('banner tone-bad')
  })

  it('says "none" rather than leaving empty places', () => {
    const base = sampleReport()
    const text = visibleText(
      renderSummaryHtml(
        {
          ...base,
          source: { ...base.source, prefix: null },
          target: { ...base.target, prefix: null },
          failures: [],
          extras: [],
          logFile: null,
          totals: { ...base.totals, failed: 0, extras: 0, containerObjectCount: null },
        },
        FILES,
      ),
    )
    expect(text).toContain('(none)')
    expect(text).toMatch(/Failures\s*None\./)
    expect(text).toContain('Not checked')
  })
})
