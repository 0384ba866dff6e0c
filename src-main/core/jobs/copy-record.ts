import type { TransferEvent } from '../transfer/events'
import type { IntegrityMethod, ObjectStatus } from '../reports/types'

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
}

export class CopyRecords {
  private readonly records = new Map<string, CopyRecord>()

  note(event: TransferEvent): void {
    if (event.type === 'object-copied') {
      this.records.set(event.key, {
        status: 'copied',
        attempts: event.attempts,
        integrity: event.multipart ? 'part-md5+whole-md5' : 'content-md5',
        reason: event.encodedMetadata?.length
          ? `metadata sent RFC 2047-encoded: ${event.encodedMetadata.join(', ')}`
          : null,
        md5: event.md5 ?? null,
      })
    } else if (event.type === 'object-failed') {
      this.records.set(event.key, {
        status: 'failed',
        attempts: event.attempts,
        integrity: 'none',
        reason: event.reason,
        md5: null,
      })
    }
  }

  get(key: string): CopyRecord | undefined {
    return this.records.get(key)
  }

  failures(): { key: string; reason: string }[] {
    return [...this.records]
      .filter(([, r]) => r.status === 'failed')
      .map(([key, r]) => ({ key, reason: r.reason ?? 'failed' }))
  }
}
