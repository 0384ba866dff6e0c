import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
}

/** A renderer asset ready to send. */
export interface RendererFile {
  body: Buffer
  contentType: string
}

/**
 * Maps a URL path to a file inside the built renderer folder and reads it.
 * Returns null for anything outside that folder (`..`, encoded separators) or missing, so neither
 * shell can be made to serve arbitrary files. `/` serves index.html.
 */
export async function readRendererFile(rootDir: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const root = resolve(rootDir)
  const file = resolve(root, relative)
  if (!file.startsWith(root + sep)) return null
  try {
    const body = await readFile(file)
    return { body, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
