import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import type { TransferEvent } from '../transfer/events'
import { CopyRecords } from './copy-record'
import { logEvent } from './log-events'

const copied = (patch: Partial<Extract<TransferEvent, { type: 'object-copied' }>>): TransferEvent => ({
  type: 'object-copied',
  key: 'photos/a.jpg',
  bytes: 10,
  multipart: false,
  attempts: 1,
  ...patch,
})

describe('what the report row of a copied object says about its metadata', () => {
  it('says "metadata dropped" first, with the size, then the keys sent encoded', () => {
    const records = new CopyRecords()
    records.note(copied({ metadataDropped: 2600, encodedMetadata: ['site'] }))
    expect(records.get('photos/a.jpg')?.reason).toBe(
      "metadata dropped: the Swift user metadata came to 2600 bytes with the tool's records, over S3's 2048; copied without it; metadata sent RFC 2047-encoded: site",
    )
  })

  it('says nothing for an object copied with all its metadata', () => {
    const records = new CopyRecords()
    records.note(copied({}))
    expect(records.get('photos/a.jpg')?.reason).toBeNull()
  })
})

describe('the run log of a copied object', () => {
  it('warns when its Swift metadata was left behind', () => {
    const log = new MemoryLogger()
    logEvent(log, 'archive', copied({ metadataDropped: 2600 }))
    expect(log.entries.map((e) => [e.level, e.message])).toEqual([
      ['info', 'Created object photos/a.jpg in bucket archive'],
      [
        'warn',
        "Metadata dropped for photos/a.jpg: its Swift user metadata came to 2600 bytes, over S3's 2 KB; copied without it",
      ],
    ])
  })
})
