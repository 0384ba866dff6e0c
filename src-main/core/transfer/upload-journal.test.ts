import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileUploadJournal, openUploads } from './upload-journal'

describe('FileUploadJournal', () => {
  it('names the uploads started and never ended, surviving a torn last line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'sub', 'uploads.jsonl')
    const journal = new FileUploadJournal(path)
    await Promise.all([
      journal.uploadStarted('a', 'u1'),
      journal.uploadStarted('b', 'u2'),
      journal.uploadStarted('c', 'u3'),
    ])
    await journal.uploadEnded('a', 'u1')
    appendFileSync(path, '{"event":"ended","key":"b","uplo')
    expect(await openUploads(path)).toEqual([
      { key: 'b', uploadId: 'u2' },
      { key: 'c', uploadId: 'u3' },
    ])
  })

  it('has nothing open when there is no journal yet', async () => {
    expect(await openUploads(join(tmpdir(), 'no-such-journal.jsonl'))).toEqual([])
  })
})
