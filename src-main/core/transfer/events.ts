/** What a transfer reports as it runs: plain data, ready for a log line, an IPC push or a CLI line. */
export type JobState =
  | 'checking'
  | 'planning'
  | 'running'
  | 'paused'
  | 'waiting-for-credentials'
  | 'mirroring'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'needs-credentials'

export type TransferEvent =
  | { type: 'state'; state: JobState; message?: string }
  | { type: 'object-started'; key: string; worker: number; bytes: number }
  | {
      type: 'object-copied'
      key: string
      bytes: number
      md5?: string
      multipart: boolean
      attempts: number
      encodedMetadata?: string[]
      /** Copied without its Swift user metadata, which came to this many bytes (over S3's 2 KB). */
      metadataDropped?: number
    }
  | { type: 'object-skipped'; key: string; bytes: number; reason: string }
  | { type: 'object-failed'; key: string; reason: string; attempts: number }
  | { type: 'retry'; key: string; attempt: number; waitMs: number; reason: string }
  | {
      type: 'extra'
      key: string
      bytes: number
      action: 'reported' | 'deleted' | 'would-delete' | 'kept-cap'
    }
  | { type: 'warning'; message: string }
  /** S3 refused credentials that worked earlier in this job (expired): new ones are needed to go on. */
  | { type: 'credentials-required'; reason: string; key: string }

export type TransferListener = (event: TransferEvent) => void
