import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { inflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { requireBuilt } from './out-dir'

const REPO = join(import.meta.dirname, '../..')
const CONFIG_FILE = join(REPO, 'electron-builder.yml')
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  name: string
  main: string
  author?: string
  desktopName?: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** The parts of the electron-builder configuration these tests read. */
interface Target {
  target: string
}
interface BuilderConfig {
  appId?: string
  productName?: string
  asar?: boolean
  files?: string[]
  publish?: unknown
  directories?: { buildResources?: string; output?: string }
  linux?: {
    target?: (string | Target)[]
    icon?: string
    category?: string
    asar?: boolean
    syncDesktopName?: boolean
  }
  mac?: {
    target?: (string | Target)[]
    icon?: string
    identity?: string | null
    notarize?: boolean
    asar?: boolean
  }
  win?: { target?: (string | Target)[]; icon?: string; asar?: boolean }
}
const config = parse(readFileSync(CONFIG_FILE, 'utf8')) as BuilderConfig

// electron-builder's own loader and schema, from the exact app-builder-lib it pins (no exports map).
const projectRequire = createRequire(import.meta.url)
const builderRequire = createRequire(projectRequire.resolve('electron-builder/package.json'))
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'))
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<unknown>
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>
}
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const targetNames = (targets: (string | Target)[] | undefined) =>
  (targets ?? []).map((t) => (typeof t === 'string' ? t : t.target).toLowerCase())

/** Width and height of a PNG, after checking its structure and that its pixels inflate to that size. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file)
  expect(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  let width = 0
  let height = 0
  let bytesPerPixel = 0
  const idat: Buffer[] = []
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at)
    const type = data.toString('latin1', at + 4, at + 8)
    const body = data.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      expect(body[8], 'bit depth').toBe(8)
      bytesPerPixel = { 2: 3, 6: 4 }[body[9]!] ?? 0
      expect(bytesPerPixel, 'RGB or RGBA').toBeGreaterThan(0)
    }
    if (type === 'IDAT') idat.push(body)
    at += 12 + length
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * bytesPerPixel))
  return { width, height }
}

/** Relative imports reachable from a built ESM entry (static and dynamic), as paths under out/. */
function importClosure(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(join(REPO, file), 'utf8')
    for (const m of source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g))
      visit(posix.join(posix.dirname(file), m[1]!))
  }
  visit(entry)
  return seen
}

describe('packaging configuration (electron-builder.yml)', () => {
  it("is accepted by electron-builder's own loader and schema", async () => {
    const loaded = await getConfig(REPO, null, null)
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined()
    expect(loaded).toMatchObject({ appId: config.appId, productName: 'Swift to S3' })
  })

  it('builds an AppImage and a deb, a dmg and an NSIS installer under a reverse-DNS app id', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/)
    expect(config.productName).toBe('Swift to S3')
    expect(targetNames(config.linux?.target)).toEqual(expect.arrayContaining(['appimage', 'deb']))
    expect(targetNames(config.mac?.target)).toContain('dmg')
    expect(targetNames(config.win?.target)).toContain('nsis')
    expect(config.linux?.category).toBeTruthy()
    // Linux groups the running window under the launcher only when the .desktop file carries the
    // app id Electron announces (package.json desktopName).
    expect(pkg.desktopName).toBe(`${pkg.name}.desktop`)
    expect(config.linux?.syncDesktopName).toBe(true)
    // The deb's maintainer: package.json "author" with an e-mail address.
    expect(pkg.author).toMatch(/<[^@\s]+@[^>\s]+>/)
  })

  it('packs only the build output into an asar archive; no auto-update feed, no signing certificate', () => {
    expect(config.asar).not.toBe(false)
    for (const platform of [config.linux, config.mac, config.win]) expect(platform?.asar).not.toBe(false)
    const files = config.files ?? []
    expect(files.length).toBeGreaterThan(0)
    // The build output, and the tray images main reads at run time (src-main/desktop/tray-icon.ts).
    for (const pattern of files.filter((p) => !p.startsWith('!')))
      expect(pattern).toMatch(/^(out|resources\/tray)\//)
    expect(files.join(' ')).not.toMatch(/src-|test|e2e|scripts|node_modules/)
    expect(pkg.main).toMatch(/^(\.\/)?out\//)
    expect(config.publish).toBeNull()
    // Unsigned but for an ad-hoc signature, without which Apple Silicon calls the app "damaged".
    expect(config.mac?.notarize).toBe(false)
    expect(config.mac?.identity).toBe('-')
  })

  it('has each platform icon in resources/, square and large enough (1024 for macOS)', () => {
    expect(config.directories?.buildResources).toBe('resources')
    for (const [platform, minimum] of [
      [config.linux, 512],
      [config.mac, 1024],
      [config.win, 256],
    ] as const) {
      const icon = platform?.icon
      expect(icon).toMatch(/^resources\/.+\.png$/)
      const { width, height } = pngSize(join(REPO, icon!))
      expect(width).toBe(height)
      expect(width).toBeGreaterThanOrEqual(minimum)
    }
  })
})

describe('packaging with a stand-in Electron (offline)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'packaging-test-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('puts main, preload, renderer and the production dependencies into app.asar, and nothing else', () => {
    requireBuilt('main', 'index.js')
    // electron-builder copies an unpacked Electron and writes resources/app.asar next to it: a stand-in
    // executable is enough to run everything but the download (which needs internet).
    const electronDist = join(scratch, 'electron-dist')
    mkdirSync(electronDist)
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n')
    chmodSync(join(electronDist, 'electron'), 0o755)
    const output = join(scratch, 'dist')
    const cli = projectRequire.resolve('electron-builder/cli.js')
    const run = spawnSync(
      process.execPath,
      [cli, '--linux', 'dir', `-c.directories.output=${output}`, `-c.electronDist=${electronDist}`],
      { cwd: REPO, encoding: 'utf8', timeout: 170_000, env: { ...process.env, CI: '1' } },
    )
    const log = `${run.stdout}${run.stderr}`
    expect(run.status, log).toBe(0)
    expect(existsSync(join(output, 'linux-unpacked', pkg.name)), 'executable named after the package').toBe(
      true,
    )

    const asar = appBuilderRequire('@electron/asar') as { listPackage(archive: string): string[] }
    const entries = new Set(
      asar.listPackage(join(output, 'linux-unpacked/resources/app.asar')).map((p) => p.replace(/\\/g, '/')),
    )
    const inAsar = (path: string) => entries.has(`/${path}`)

    // What the app loads: package.json (for "main"), main and every chunk it imports, preload, renderer.
    const shipped = [
      'package.json',
      ...importClosure(pkg.main.replace(/^\.\//, '')),
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]
    expect(shipped.filter((path) => !inAsar(path))).toEqual([])
    const html = readFileSync(requireBuilt('renderer', 'index.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => posix.join('out/renderer', m[1]!))
    expect(assets.length).toBeGreaterThan(0)
    expect(assets.filter((path) => !inAsar(path))).toEqual([])

    // The tray images, when they have been drawn (scripts/make-tray-icons.mjs).
    const trayDir = join(REPO, 'resources/tray')
    const trayImages = existsSync(trayDir) ? readdirSync(trayDir).map((f) => `resources/tray/${f}`) : []
    expect(trayImages.filter((path) => !inAsar(path))).toEqual([])
    const unpacked = join(output, 'linux-unpacked/resources/app.asar.unpacked')
    expect(trayImages.filter((path) => !existsSync(join(unpacked, path)))).toEqual([])

    // Nothing else from the repository: no sources, tests, fixtures, scripts or test-server data.
    const topLevel = new Set([...entries].map((p) => p.split('/')[1]))
    for (const name of topLevel) expect(['node_modules', 'out', 'package.json', 'resources']).toContain(name)
    const otherResources = [...entries].filter((p) => /^\/resources\/(?!tray(\/|$))/.test(p))
    expect(otherResources).toEqual([])
    for (const entry of ['cli.js', 'demo.js', 'web.js']) expect(inAsar(`out/main/${entry}`)).toBe(false)

    // Every production dependency, and no devDependency (electron, react, vitest, the node binary…).
    const packaged = (name: string) => inAsar(`node_modules/${name}/package.json`)
    expect(Object.keys(pkg.dependencies).filter((name) => !packaged(name))).toEqual([])
    expect(Object.keys(pkg.devDependencies).filter(packaged)).toEqual([])
  }, 180_000)
})
