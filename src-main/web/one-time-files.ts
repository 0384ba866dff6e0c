import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FileOffer, OfferedFile } from '../core/logs'
import { SUMMARY_CSP } from '../core/reports'
import { tokenMatches } from './access'

/** Where one-time files are served; the rest of the path is the file's id. */
export const FILES_PATH = '/files/'

/** How long a URL handed out stays valid: long enough for the page to follow it at once. */
export const ONE_TIME_TTL_MS = 2 * 60 * 1000
const MAX_PENDING = 100

interface Pending {
  file: OfferedFile
  key: string
  inline: boolean
  expires: number
}

export interface OneTimeFilesOptions {
  ttlMs?: number
  now?: () => number
}

/**
 * Browser mode's downloads: main hands the page a URL that serves one file once, shortly. The URL
 * carries a random id and a 256-bit key, which only the page that asked over the authenticated
 * WebSocket learns; the server also checks Host as for every request. Paths stay in main: the URL
 * names nothing on disk.
 */
export class OneTimeFiles {
  private readonly pending = new Map<string, Pending>()

  constructor(private readonly options: OneTimeFilesOptions = {}) {}

  /** A URL (path and query, same origin) that serves `file` once, as a download or shown inline. */
  add(file: OfferedFile, inline: boolean): string {
    this.sweep()
    const id = randomBytes(16).toString('base64url')
    const key = randomBytes(32).toString('base64url')
    this.pending.set(id, { file, key, inline, expires: this.now() + (this.options.ttlMs ?? ONE_TIME_TTL_MS) })
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string)
    return `${FILES_PATH}${id}?key=${key}`
  }

  /** The file behind a URL, once: a second request, a wrong key or a late one gets nothing. */
  take(id: string, key: string | null): Pending | undefined {
    const entry = this.pending.get(id)
    if (!entry || !tokenMatches(entry.key, key)) return undefined
    this.pending.delete(id)
    return entry.expires >= this.now() ? entry : undefined
  }

  private sweep(): void {
    const now = this.now()
    for (const [id, entry] of this.pending) if (entry.expires < now) this.pending.delete(id)
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}

/** Browser mode's {@link FileOffer}: both saving and opening become a one-time URL for the page. */
export function webFileOffer(files: OneTimeFiles): FileOffer {
  return {
    save: (file) => Promise.resolve({ downloadUrl: files.add(file, false), fileName: file.fileName }),
    open: (file) => Promise.resolve({ url: files.add(file, true) }),
  }
}

/** `attachment; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

// A report shown inline gets the summary's own policy (inline CSS, nothing else) and a sandbox, so
// even a hostile object name in it could not run script or reach the app's origin and its token.
const INLINE_CSP = `${SUMMARY_CSP}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox`
const DOWNLOAD_CSP = "default-src 'none'; sandbox"

/** Serves a request under {@link FILES_PATH}. The caller has already checked Host and the method. */
export async function serveOneTimeFile(
  files: OneTimeFiles,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  // A page on another site cannot know the URL, but refuse it outright anyway.
  const site = req.headers['sec-fetch-site']
  if (req.method !== 'GET' || site === 'cross-site') return refuse(res, 403, 'Forbidden')
  const entry = files.take(url.pathname.slice(FILES_PATH.length), url.searchParams.get('key'))
  if (!entry) return refuse(res, 404, 'This link has been used or has expired: export again.')
  let size: number
  try {
    size = (await stat(entry.file.path)).size
  } catch {
    return refuse(res, 404, `${entry.file.fileName} is no longer on disk.`)
  }
  res.writeHead(200, {
    'Content-Type': entry.file.contentType,
    'Content-Length': size,
    'Content-Disposition': contentDisposition(entry.inline ? 'inline' : 'attachment', entry.file.fileName),
    'Content-Security-Policy': entry.inline ? INLINE_CSP : DOWNLOAD_CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  })
  if (size === 0) return void res.end()
  // The size is read first, so a log still growing is served as it was then, complete to that byte.
  createReadStream(entry.file.path, { start: 0, end: Math.max(0, size - 1) })
    .on('error', () => res.destroy())
    .pipe(res)
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  })
  res.end(text)
}
