import { join } from 'node:path'
import type { Logger } from '../log/logger'
import type { S3Target } from '../s3/target'
import { FileUploadJournal, openUploads } from '../transfer/upload-journal'
import { sanitizeNamePart } from './log-name'

/**
 * Crash recovery for multipart uploads. Each container → bucket pair has a journal next to the logs;
 * a rerun first aborts the uploads its journal left open (a crash or kill -9 mid-upload), then reports
 * — never touches — open uploads under the prefix that the journal does not name: they may be
 * someone else's.
 */
export function journalFor(logDir: string, container: string, bucket: string): FileUploadJournal {
  return new FileUploadJournal(
    join(logDir, '.swift2s3', `uploads_${sanitizeNamePart(container)}_to_${sanitizeNamePart(bucket)}.jsonl`),
  )
}

export async function recoverUploads(
  journal: FileUploadJournal,
  target: S3Target,
  keyPrefix: string,
  log: Logger,
  signal?: AbortSignal,
): Promise<void> {
  const ours = await openUploads(journal.path)
  for (const upload of ours) {
    await target.abortMultipartUpload(upload.key, upload.uploadId, signal)
    await journal.uploadEnded(upload.key, upload.uploadId)
    log.log('warn', `Aborted multipart upload of ${upload.key} left open by an earlier run`, {
      uploadId: upload.uploadId,
    })
  }
  const known = new Set(ours.map((u) => u.uploadId))
  let others: { key: string; uploadId: string }[] = []
  try {
    others = (await target.listMultipartUploads(keyPrefix, signal)).filter((u) => !known.has(u.uploadId))
  } catch (error) {
    log.log(
      'warn',
      `Could not list open multipart uploads: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  for (const upload of others) {
    log.log('warn', `Open multipart upload not started by this job (left untouched): ${upload.key}`, {
      uploadId: upload.uploadId,
    })
  }
}
