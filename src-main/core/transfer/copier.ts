import { pipeline, Readable } from 'node:stream'
import type { ObjectInfo } from '../swift/object-info'
import type { ByteBudget } from './byte-budget'
import { IntegrityError, md5Base64, RunningMd5 } from './integrity'
import type { MetadataOptions } from '../../../src-preload/contract/metadata'
import {
  base64ToHex,
  hexToBase64,
  mapMetadata,
  META_MD5,
  META_SOURCE_ETAG,
  metadataOutcome,
} from './metadata'
import { PartReader } from './part-reader'
import { EMPTY_MD5 } from './planner'
import type { SourcePort, TargetHead, TargetPort, UploadJournal } from './ports'
import type { CopyResult, CopyTask } from './task'
import { throttle, type TokenBucket } from './token-bucket'

/**
 * Copies one object, Swift → S3, so that a wrong object can never be completed:
 * - up to the multipart threshold the bytes are read (under the memory budget) and PUT with a
 *   Content-MD5 — for a normal object the ETag of the GET being read, so S3 rejects a body damaged
 *   anywhere on the way; for SLO/DLO (whose ETag is not a content MD5) the MD5 computed while reading;
 * - above it, multipart: every part carries its own Content-MD5, the whole-object MD5 is compared with
 *   the source before CompleteMultipartUpload, and any failure aborts the upload.
 */
export interface CopyDeps {
  source: SourcePort
  target: TargetPort
  budget: ByteBudget
  buckets: TokenBucket[]
  journal?: UploadJournal
  /** Objects larger than this go multipart. */
  multipartThreshold: number
  /** Objects whose MD5 is unknown until read (SLO/DLO) are read into memory up to this size, else multipart. */
  bufferThreshold: number
  /** Parts of one object uploaded at once. */
  partConcurrency: number
  signal?: AbortSignal
  /** Called as bytes are read from the source, for progress. */
  onBytes?: (bytes: number) => void
  /** A failed multipart upload could not be aborted (e.g. credentials expired): abort it later. */
  onAbortFailed?: (key: string, uploadId: string) => void
  /** The migration's metadata choices; the defaults (copy, no extra pairs, fail) when unset. */
  metadata?: MetadataOptions
}

export const MIN_PART_SIZE = 8 * 1024 * 1024
export const MAX_KEY_BYTES = 1024

export function partSizeFor(size: number): number {
  return Math.max(MIN_PART_SIZE, Math.ceil(size / 9000))
}

export class ObjectFailedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ObjectFailedError'
  }
}

/** Does what is on the target hold the same content as the task's source? Used when listings could not tell. */
export function sameContent(task: Pick<CopyTask, 'kind' | 'etag'>, size: number, head: TargetHead): boolean {
  if (head.size !== size) return false
  if (task.kind === 'normal') {
    const recorded = head.metadata[META_MD5]
    return head.etag === task.etag || (recorded !== undefined && base64ToHex(recorded) === task.etag)
  }
  return head.metadata[META_SOURCE_ETAG] === task.etag
}

function result(
  task: CopyTask,
  outcome: CopyResult['outcome'],
  bytes: number,
  extra: Partial<CopyResult> = {},
): CopyResult {
  return { key: task.key, name: task.name, outcome, bytes, attempts: 1, ...extra }
}

/** Settles the pre-check a planner asked for; returns a skip result, or the task to copy. */
async function precheck(original: CopyTask, deps: CopyDeps): Promise<CopyResult | CopyTask> {
  let task = original
  if (task.check === 'source-head') {
    const info = await deps.source.headObject(task.container, task.name, deps.signal)
    // A DLO is handled like an SLO from here: its ETag is not a content MD5.
    task = {
      ...task,
      size: info.bytes,
      etag: info.etag,
      kind: info.kind === 'dlo' ? 'slo' : 'normal',
      check: 'none',
    }
    if (!task.target || task.target.size !== info.bytes) return task
    if (info.kind === 'normal' && info.bytes === 0 && task.target.etag === EMPTY_MD5) {
      return result(task, 'skipped', 0, { reason: 'same size and MD5' })
    }
    task = { ...task, check: 'target-metadata' }
  }
  if (task.check === 'target-metadata') {
    const head = await deps.target.head(task.key, deps.signal)
    if (head && sameContent(task, task.size, head)) {
      const reason = task.kind === 'normal' ? 'same size and recorded MD5' : 'same size and source ETag'
      return result(task, 'skipped', task.size, { reason })
    }
    return { ...task, check: 'none' }
  }
  return task
}

export async function copyObject(original: CopyTask, deps: CopyDeps): Promise<CopyResult> {
  if (Buffer.byteLength(original.key, 'utf8') > MAX_KEY_BYTES) {
    throw new ObjectFailedError(
      `The S3 key is ${Buffer.byteLength(original.key, 'utf8')} bytes in UTF-8; S3 allows at most ${MAX_KEY_BYTES}.`,
    )
  }
  const checked = await precheck(original, deps)
  if ('outcome' in checked) return checked
  const task = checked
  const download = await deps.source.getObject(
    task.container,
    task.name,
    deps.signal ? { signal: deps.signal } : {},
  )
  const info = download.info
  const limited = throttle(deps.buckets, deps.signal)
  pipeline(download.body, limited, () => {})
  const running = new RunningMd5()
  const counted = (async function* () {
    for await (const chunk of limited as AsyncIterable<Buffer>) {
      running.update(chunk)
      deps.onBytes?.(chunk.length)
      yield chunk
    }
  })()
  const reader = new PartReader(counted)
  try {
    const expected = expectedMd5(info)
    // A normal object's MD5 is known before reading it, so its PUT can stream with that Content-MD5 and
    // S3 itself rejects a damaged body; without a known MD5 the bytes must be read (and hashed) first.
    if (expected && info.bytes <= deps.multipartThreshold)
      return await streamPut(task, info, counted, running, expected, deps)
    if (info.bytes <= Math.min(deps.multipartThreshold, deps.bufferThreshold))
      return await singlePut(task, info, reader, running, deps)
    return await multipart(task, info, reader, running, deps)
  } finally {
    await reader.close()
    download.body.destroy()
  }
}

function expectedMd5(info: ObjectInfo): string | undefined {
  return info.kind === 'normal' && /^[0-9a-f]{32}$/.test(info.etag) ? info.etag : undefined
}

async function streamPut(
  task: CopyTask,
  info: ObjectInfo,
  chunks: AsyncGenerator<Buffer>,
  running: RunningMd5,
  expected: string,
  deps: CopyDeps,
): Promise<CopyResult> {
  const mapped = mapMetadata(info, expected, deps.metadata)
  await deps.target.putObject({
    key: task.key,
    body: Readable.from(chunks),
    contentLength: info.bytes,
    contentMd5Base64: hexToBase64(expected),
    metadata: mapped.metadata,
    headers: mapped.headers,
    ...(deps.signal ? { signal: deps.signal } : {}),
  })
  // S3 checked the body against Content-MD5; this also catches a source that sent a different length.
  const md5 = running.hex()
  if (running.bytes !== info.bytes || md5 !== expected) {
    throw new IntegrityError(
      `Read ${running.bytes} bytes of "${task.name}" with MD5 ${md5}; Swift announced ${info.bytes} bytes, ${expected}.`,
    )
  }
  return result(task, 'copied', info.bytes, { md5, ...metadataOutcome(mapped) })
}

async function singlePut(
  task: CopyTask,
  info: ObjectInfo,
  reader: PartReader,
  running: RunningMd5,
  deps: CopyDeps,
): Promise<CopyResult> {
  const { buffer, release } = await deps.budget.acquireBuffer(info.bytes, deps.signal)
  try {
    const body = await reader.readInto(buffer)
    // Anything beyond the announced length means the source changed under us.
    const extra = await reader.read(1)
    if (body.length !== info.bytes || extra.length > 0) {
      throw new IntegrityError(
        `Read ${running.bytes} bytes of "${task.name}" but Swift announced ${info.bytes}.`,
      )
    }
    const md5 = running.hex()
    const expected = expectedMd5(info)
    if (expected && md5 !== expected) {
      throw new IntegrityError(
        `The bytes read of "${task.name}" have MD5 ${md5}, but Swift's ETag is ${expected}.`,
      )
    }
    const mapped = mapMetadata(info, md5, deps.metadata)
    await deps.target.putObject({
      key: task.key,
      body,
      contentLength: body.length,
      // For a normal object, Swift's own ETag: S3 then checks the body against the source's word for it.
      contentMd5Base64: expected ? hexToBase64(expected) : md5Base64(body),
      metadata: mapped.metadata,
      headers: mapped.headers,
      ...(deps.signal ? { signal: deps.signal } : {}),
    })
    return result(task, 'copied', body.length, { md5, ...metadataOutcome(mapped) })
  } finally {
    release()
  }
}

async function multipart(
  task: CopyTask,
  info: ObjectInfo,
  reader: PartReader,
  running: RunningMd5,
  deps: CopyDeps,
): Promise<CopyResult> {
  const partSize = partSizeFor(info.bytes)
  // Metadata must be known at create time; the content MD5 is only known at the end, so a normal
  // object's is taken from Swift's ETag (verified below before completing) and an SLO/DLO records only
  // its source ETag. md5chksum is what skip-if-unchanged compares.
  const expected = expectedMd5(info)
  const mapped = mapMetadata(info, expected, deps.metadata)
  const signal = deps.signal
  // Not cancellable: a create aborted on our side may still succeed on the server, leaving an upload
  // whose id we never learn. Let it finish, journal it, and abort it below if the job was cancelled.
  const uploadId = await deps.target.createMultipartUpload({
    key: task.key,
    metadata: mapped.metadata,
    headers: mapped.headers,
  })
  await deps.journal?.uploadStarted(task.key, uploadId)
  const parts: { partNumber: number; etag: string }[] = []
  const inFlight = new Set<Promise<void>>()
  let failure: unknown
  try {
    signal?.throwIfAborted()
    for (let partNumber = 1; ; partNumber++) {
      if (failure) throw failure
      const { buffer, release } = await deps.budget.acquireBuffer(partSize, signal)
      let body: Buffer
      try {
        body = await reader.readInto(buffer)
      } catch (error) {
        release()
        throw error
      }
      if (body.length === 0) {
        release()
        break
      }
      const upload = deps.target
        .uploadPart({
          key: task.key,
          uploadId,
          partNumber,
          body,
          contentMd5Base64: md5Base64(body),
          ...(signal ? { signal } : {}),
        })
        .then((etag) => void parts.push({ partNumber, etag }))
        .catch((error: unknown) => void (failure ??= error))
        .finally(() => {
          release()
          inFlight.delete(upload)
        })
      inFlight.add(upload)
      if (inFlight.size >= deps.partConcurrency) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
    if (failure) throw failure
    const md5 = running.hex()
    if (running.bytes !== info.bytes) {
      throw new IntegrityError(
        `Read ${running.bytes} bytes of "${task.name}" but Swift announced ${info.bytes}.`,
      )
    }
    if (expected && md5 !== expected) {
      throw new IntegrityError(
        `The bytes read of "${task.name}" have MD5 ${md5}, but Swift's ETag is ${expected}; upload aborted.`,
      )
    }
    parts.sort((a, b) => a.partNumber - b.partNumber)
    await deps.target.completeMultipartUpload(task.key, uploadId, parts, signal)
    await deps.journal?.uploadEnded(task.key, uploadId)
    return result(task, 'copied', running.bytes, { multipart: true, md5, ...metadataOutcome(mapped) })
  } catch (error) {
    await Promise.allSettled(inFlight)
    try {
      await deps.target.abortMultipartUpload(task.key, uploadId)
      await deps.journal?.uploadEnded(task.key, uploadId)
    } catch {
      // Typically the same expired credentials: the journal keeps it open, and the engine aborts it
      // once credentials are renewed (or the next run does).
      deps.onAbortFailed?.(task.key, uploadId)
    }
    throw error
  }
}
