import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleReport } from '../../../src-main/core/reports/sample-report'
import { renderSummaryHtml, SUMMARY_CSP } from '../../../src-main/core/reports/summary-html'

/**
 * The HTML summary as people see it: rendered by Debian's Chromium (never a downloaded browser, as in
 * playwright.config.ts), on screen and printed to A4 PDF. Leaves the screenshot and the PDF in
 * test-results/ for a human to look at.
 */

const ROOT = join(import.meta.dirname, '../../..')
const RESULTS = join(ROOT, 'test-results')
const SCREENSHOT = join(RESULTS, 'screenshots/report-summary.png')
const PDF = join(RESULTS, 'report-summary.pdf')

// The same switches as playwright.config.ts: root in CI needs --no-sandbox, the rest keep Chromium offline.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Pages in a PDF, counted by their page objects (`/Type /Pages` is the page tree, not a page). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

describe('HTML summary in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('renders cleanly on screen and prints to one or two A4 pages', async () => {
    const report = sampleReport({
      // A hostile name must show as text and never run.
      failures: [
        { key: '<script>console.error("xss")</script>.txt', reason: 'Name <b>rejected</b> by the target' },
        ...sampleReport().failures,
      ],
    })
    const html = renderSummaryHtml(report, { json: 'run-7f3a9c.json', csv: 'run-7f3a9c.csv' })

    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) requests.push(request.url())
    })
    await page.setContent(html, { waitUntil: 'load' })

    for (const text of [
      'Migration report',
      'Completed with failures',
      'alice@ops-workstation-07',
      '1 May 2025, 14:03:22 UTC',
      '3h 43m 44s',
      'acme-media-archive',
      'media-archive',
      '2.4 TiB / 2.6 TiB',
      '194.7 MB/s',
      'Verified by recorded checksum',
      "The original tool's check",
      'X-Container-Object-Count',
      '<script>console.error("xss")</script>.txt',
      'and 11 more, see the CSV',
      'run-7f3a9c.csv',
    ]) {
      await expect.poll(() => page.getByText(text, { exact: false }).first().isVisible()).toBe(true)
    }
    expect(await page.locator('script').count()).toBe(0)
    const csp = await page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    )
    expect(csp).toBe(SUMMARY_CSP)
    // Nothing overflows the page sideways (long keys and URLs must wrap, not cut off).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
    expect(errors).toEqual([])
    expect(requests).toEqual([])

    mkdirSync(join(RESULTS, 'screenshots'), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })

    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    writeFileSync(PDF, pdf)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pages = pdfPageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(2)
    await context.close()
  })
})
