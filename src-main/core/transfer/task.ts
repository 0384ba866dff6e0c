/**
 * The unit of work, as plain serializable data: a queue in another process (or a distributed queue
 * later) can carry it unchanged. Only references and facts from the listings, never clients or streams.
 */
export type SourceKind = 'normal' | 'slo' | 'maybe-dlo'

/**
 * What must be looked at before copying, because the listings alone cannot tell:
 * - `target-metadata`: sizes match but the target ETag is not a plain MD5 (multipart, SSE-KMS, or an
 *   SLO source): HEAD the target and compare the recorded md5chksum / source ETag;
 * - `source-head`: a 0-byte row with the empty MD5 may be a DLO manifest: HEAD the source for its size.
 */
export type PreCheck = 'none' | 'target-metadata' | 'source-head'

export interface CopyTask {
  container: string
  name: string
  key: string
  /** Size from the Swift listing (0 for a DLO manifest until its HEAD). */
  size: number
  /** Listing hash: content MD5 of a normal object; for an SLO its slo_etag. */
  etag: string
  kind: SourceKind
  lastModified: string
  check: PreCheck
  /** Why it is planned: not on the target, or differing from it. */
  reason: 'new' | 'changed' | 'unverified'
  /** What the target listing showed, when the key exists there. */
  target?: { size: number; etag: string }
}

export type CopyOutcome = 'copied' | 'skipped' | 'failed'

export interface CopyResult {
  key: string
  name: string
  outcome: CopyOutcome
  bytes: number
  /** Hex MD5 of the bytes written (computed while streaming). */
  md5?: string
  attempts: number
  /** Why it was skipped or failed, for the log and the report. */
  reason?: string
  /** Uploaded in parts. */
  multipart?: boolean
  /** Metadata keys encoded to travel to S3, for the report. */
  encodedMetadata?: string[]
  /** Copied without its Swift user metadata, which came to this many bytes (over S3's 2 KB). */
  metadataDropped?: number
}
