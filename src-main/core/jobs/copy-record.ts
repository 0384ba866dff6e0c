import type { IntegrityMethod, ObjectStatus, RunReport } from '../reports/types'
import type { TransferEvent } from '../transfer/events'
import { MAX_METADATA_BYTES } from '../transfer/metadata'
import type { RowSpool } from './row-spool'

/**
 * What the copy phase did to each key, for the report rows verification writes afterwards. Only keys the
 * run touched are kept (copied or failed); skipped ones are the default.
 */
export interface CopyRecord {
  status: ObjectStatus
  attempts: number
  integrity: IntegrityMethod
  reason: string | null
  md5: string | null
  bytes: number
}

/**
 * What a copied object's report row says beyond "copied": Swift metadata left behind (first, since it
 * is a loss the reader must see), and keys whose values travel encoded. Null when neither.
 */
export function copiedReason(event: Extract<TransferEvent, { type: 'object-copied' }>): string | null {
  const parts: string[] = []
  if (event.metadataDropped !== undefined) {
    parts.push(
      `metadata dropped: the Swift user metadata came to ${event.metadataDropped} bytes with the tool's records, over S3's ${MAX_METADATA_BYTES}; copied without it`,
    )
  }
  if (event.encodedMetadata?.length)
    parts.push(`metadata sent RFC 2047-encoded: ${event.encodedMetadata.join(', ')}`)
  return parts.length ? parts.join('; ') : null
}

export class CopyRecords {
  private readonly records = new Map<string, CopyRecord>()

  note(event: TransferEvent): void {
    if (event.type === 'object-copied') {
      this.records.set(event.key, {
        status: 'copied',
        attempts: event.attempts,
        integrity: event.multipart ? 'part-md5+whole-md5' : 'content-md5',
        reason: copiedReason(event),
        md5: event.md5 ?? null,
        bytes: event.bytes,
      })
    } else if (event.type === 'object-failed') {
      this.records.set(event.key, {
        status: 'failed',
        attempts: event.attempts,
        integrity: 'none',
        reason: event.reason,
        md5: null,
        bytes: 0,
      })
    }
  }

  get(key: string): CopyRecord | undefined {
    return this.records.get(key)
  }

  entries(): IterableIterator<[string, CopyRecord]> {
    return this.records.entries()
  }

  failures(): { key: string; reason: string }[] {
    return [...this.records]
      .filter(([, r]) => r.status === 'failed')
      .map(([key, r]) => ({ key, reason: r.reason ?? 'failed' }))
  }
}

/** A run that ended early (cancelled, credentials expired) reports what it did, unverified. */
export async function reportUnverified(
  records: CopyRecords,
  spool: RowSpool,
  report: RunReport,
): Promise<void> {
  for (const [key, record] of records.entries()) {
    await spool.add({
      name: key,
      key,
      status: record.status,
      verification: null,
      integrity: record.integrity,
      sourceBytes: record.bytes,
      targetBytes: null,
      sourceMd5: record.md5,
      targetMd5: null,
      attempts: record.attempts,
      reason: record.reason,
    })
    report.totals.objects++
    if (record.status === 'copied') {
      report.totals.copied++
      report.totals.bytesCopied += record.bytes
    } else report.totals.failed++
  }
}
