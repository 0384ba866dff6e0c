import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { protocol } from 'electron'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../common/csp'
import { handleAppProtocol } from './app-protocol'

describe('app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<html></html>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tmpdir(), 'outside.txt'), 'secret')
  handleAppProtocol(dir)
  const serve = (url: string) =>
    (protocol as unknown as { handlers: Map<string, (r: Request) => Promise<Response>> }).handlers.get(
      'app',
    )!(new Request(url))

  it('serves the renderer with the CSP header', async () => {
    const response = await serve('app://renderer/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect((await serve('app://renderer/assets/app.js')).headers.get('content-type')).toContain('javascript')
  })

  it('refuses paths outside the renderer folder and other hosts', async () => {
    expect((await serve('app://renderer/%2e%2e/outside.txt')).status).toBe(404)
    expect((await serve('app://renderer/..%2foutside.txt')).status).toBe(404)
    expect((await serve('app://other/index.html')).status).toBe(404)
  })
})
