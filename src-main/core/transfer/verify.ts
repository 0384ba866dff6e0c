import { createHash } from 'node:crypto'
import type { ObjectHead } from '../s3/types'
import type { ObjectEntry } from '../swift/listing'
import type { ObjectInfo } from '../swift/object-info'
import type { VerificationClass } from '../reports/types'
import { compareKeys } from './key-order'
import { base64ToHex, META_MD5, META_SOURCE_ETAG } from './metadata'
import { EMPTY_MD5, type TargetEntry } from './planner'

/**
 * Verification with one meaning everywhere (see reports/types.ts): every source object is verified-md5,
 * verified-recorded, mismatched or missing, and target objects the source lacks are extras. It reads
 * both listings in key order like the planner and HEADs only what the listings cannot settle; `deep`
 * downloads and hashes every target object.
 */
export interface VerifyRow {
  name: string
  key: string
  verification: VerificationClass
  sourceBytes: number
  targetBytes: number | null
  sourceMd5: string | null
  targetMd5: string | null
  method: 'listing-etag' | 'recorded-md5' | 'recorded-etag' | 'deep-hash' | 'none'
  reason: string | null
}

export interface VerifySource {
  headObject(container: string, name: string, signal?: AbortSignal): Promise<ObjectInfo>
  getObject(
    container: string,
    name: string,
    options?: { signal?: AbortSignal },
  ): Promise<{ body: AsyncIterable<Buffer | string> }>
}

export interface VerifyTarget {
  head(key: string, signal?: AbortSignal): Promise<ObjectHead | undefined>
  getObject(key: string, signal?: AbortSignal): Promise<AsyncIterable<Buffer | string>>
}

export interface VerifyOptions {
  container: string
  targetPrefix: string
  deep: boolean
  /** Checks run at once (HEADs, deep downloads). */
  concurrency: number
  signal?: AbortSignal
}

export interface VerifyCallbacks {
  row(row: VerifyRow): void | Promise<void>
  extra(key: string, bytes: number): void
}

async function hashOf(stream: AsyncIterable<Buffer | string>): Promise<{ md5: string; bytes: number }> {
  const hash = createHash('md5')
  let bytes = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    hash.update(buffer)
    bytes += buffer.length
  }
  return { md5: hash.digest('hex'), bytes }
}

function recordedMd5(head: ObjectHead): string | null {
  const recorded = head.metadata[META_MD5]
  if (recorded) return base64ToHex(recorded)
  return /^[0-9a-f]{32}$/.test(head.etag) ? head.etag : null
}

async function check(
  source: ObjectEntry,
  key: string,
  target: TargetEntry | undefined,
  ports: { source: VerifySource; target: VerifyTarget },
  options: VerifyOptions,
): Promise<VerifyRow> {
  const base = { name: source.name, key, sourceBytes: source.bytes, sourceMd5: null as string | null }
  if (!target)
    return {
      ...base,
      verification: 'missing',
      targetBytes: null,
      targetMd5: null,
      method: 'none',
      reason: 'not on the target',
    }
  let kind: 'normal' | 'large' = source.sloEtag !== undefined ? 'large' : 'normal'
  let sourceEtag = source.sloEtag ?? source.hash
  let sourceBytes = source.bytes
  if (kind === 'normal' && source.bytes === 0 && source.hash === EMPTY_MD5) {
    // Possibly a DLO manifest: only its HEAD knows.
    const info = await ports.source.headObject(options.container, source.name, options.signal)
    if (info.kind !== 'normal') kind = 'large'
    sourceEtag = info.etag
    sourceBytes = info.bytes
  }
  const row = { ...base, sourceBytes, targetBytes: target.size }
  if (target.size !== sourceBytes) {
    return {
      ...row,
      verification: 'mismatched',
      targetMd5: null,
      method: 'none',
      reason: `size differs: source ${sourceBytes} bytes, target ${target.size}`,
    }
  }
  if (kind === 'normal') row.sourceMd5 = sourceEtag
  if (options.deep) return deepCheck(row, kind, sourceEtag, ports, options)
  if (kind === 'normal' && target.etag === sourceEtag) {
    return {
      ...row,
      verification: 'verified-md5',
      targetMd5: target.etag,
      method: 'listing-etag',
      reason: null,
    }
  }
  const head = await ports.target.head(key, options.signal)
  if (!head)
    return {
      ...row,
      verification: 'missing',
      targetBytes: null,
      targetMd5: null,
      method: 'none',
      reason: 'deleted from the target during verification',
    }
  if (kind === 'normal') {
    const md5 = recordedMd5(head)
    if (md5 === sourceEtag)
      return { ...row, verification: 'verified-md5', targetMd5: md5, method: 'recorded-md5', reason: null }
    return {
      ...row,
      verification: 'mismatched',
      targetMd5: md5,
      method: 'recorded-md5',
      reason: md5 ? 'content MD5 differs' : 'no content MD5 recorded on the target (use --deep)',
    }
  }
  if (head.metadata[META_SOURCE_ETAG] === sourceEtag) {
    return {
      ...row,
      verification: 'verified-recorded',
      targetMd5: recordedMd5(head),
      method: 'recorded-etag',
      reason: null,
    }
  }
  return {
    ...row,
    verification: 'mismatched',
    targetMd5: recordedMd5(head),
    method: 'recorded-etag',
    reason: 'the recorded source ETag differs (the large object changed)',
  }
}

async function deepCheck(
  row: Omit<VerifyRow, 'verification' | 'targetMd5' | 'method' | 'reason'>,
  kind: 'normal' | 'large',
  sourceEtag: string,
  ports: { source: VerifySource; target: VerifyTarget },
  options: VerifyOptions,
): Promise<VerifyRow> {
  const target = await hashOf(await ports.target.getObject(row.key, options.signal))
  // A large object's content MD5 is only known by reading it, so the source is read too.
  const expected =
    kind === 'normal'
      ? sourceEtag
      : (
          await hashOf(
            (
              await ports.source.getObject(
                options.container,
                row.name,
                options.signal ? { signal: options.signal } : {},
              )
            ).body,
          )
        ).md5
  const result = {
    ...row,
    sourceMd5: expected,
    targetMd5: target.md5,
    targetBytes: target.bytes,
    method: 'deep-hash' as const,
  }
  if (target.md5 === expected && target.bytes === row.sourceBytes)
    return { ...result, verification: 'verified-md5', reason: null }
  return {
    ...result,
    verification: 'mismatched',
    reason: 'the downloaded target bytes differ from the source',
  }
}

/** Runs checks with bounded concurrency; rows come out as each check ends. */
export async function verify(
  source: AsyncIterable<ObjectEntry>,
  target: AsyncIterable<TargetEntry>,
  ports: { source: VerifySource; target: VerifyTarget },
  options: VerifyOptions,
  callbacks: VerifyCallbacks,
): Promise<void> {
  const running = new Set<Promise<void>>()
  let failure: unknown
  const schedule = async (work: () => Promise<VerifyRow>) => {
    const task = work()
      .then(callbacks.row)
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => running.delete(task))
    running.add(task)
    if (running.size >= options.concurrency) await Promise.race(running)
    if (failure) throw failure
  }
  const s = source[Symbol.asyncIterator]()
  const t = target[Symbol.asyncIterator]()
  let a = await s.next()
  let b = await t.next()
  while (!a.done || !b.done) {
    options.signal?.throwIfAborted()
    const key = a.done ? undefined : options.targetPrefix + a.value.name
    const order = a.done ? 1 : b.done ? -1 : compareKeys(key as string, b.value.key)
    if (order > 0) {
      callbacks.extra((b.value as TargetEntry).key, (b.value as TargetEntry).size)
      b = await t.next()
    } else {
      const entry = a.value as ObjectEntry
      const match = order === 0 ? (b.value as TargetEntry) : undefined
      // One object that cannot be read (a network error after retries) must not end the verification of
      // the rest: it is reported as not verified, with the reason.
      await schedule(() =>
        check(entry, key as string, match, ports, options).catch((error: unknown): VerifyRow => {
          if (options.signal?.aborted) throw error
          return {
            name: entry.name,
            key: key as string,
            verification: 'mismatched',
            sourceBytes: entry.bytes,
            targetBytes: match?.size ?? null,
            sourceMd5: null,
            targetMd5: null,
            method: 'none',
            reason: `could not be verified: ${error instanceof Error ? error.message : String(error)}`,
          }
        }),
      )
      a = await s.next()
      if (match) b = await t.next()
    }
  }
  await Promise.all(running)
  if (failure) throw failure
}
