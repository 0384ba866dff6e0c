import type { Readable } from 'node:stream'
import type { ObjectInfo } from '../swift/object-info'
import type { ByteRange, ObjectDownload } from '../swift/objects'
import type { TargetHeaders } from './metadata'

/**
 * What the copier needs from the source and the target. The Swift client and the S3 target satisfy
 * these as they are; tests and a future remote worker can supply their own.
 */
export interface SourcePort {
  headObject(container: string, name: string, signal?: AbortSignal): Promise<ObjectInfo>
  getObject(
    container: string,
    name: string,
    options?: { range?: ByteRange; signal?: AbortSignal },
  ): Promise<ObjectDownload>
}

export interface TargetHead {
  size: number
  etag: string
  metadata: Record<string, string>
}

export interface PutParams {
  key: string
  body: Buffer | Readable
  contentLength: number
  contentMd5Base64: string
  metadata: Record<string, string>
  headers: TargetHeaders
  signal?: AbortSignal
}

export interface TargetPort {
  head(key: string, signal?: AbortSignal): Promise<TargetHead | undefined>
  putObject(params: PutParams): Promise<unknown>
  createMultipartUpload(params: {
    key: string
    metadata: Record<string, string>
    headers: TargetHeaders
    signal?: AbortSignal
  }): Promise<string>
  uploadPart(params: {
    key: string
    uploadId: string
    partNumber: number
    body: Buffer
    contentMd5Base64: string
    signal?: AbortSignal
  }): Promise<string>
  completeMultipartUpload(
    key: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
    signal?: AbortSignal,
  ): Promise<unknown>
  abortMultipartUpload(key: string, uploadId: string): Promise<unknown>
}

/** Where open multipart uploads are recorded before their first part, so a crash leaves none behind unknown. */
export interface UploadJournal {
  uploadStarted(key: string, uploadId: string): void | Promise<void>
  uploadEnded(key: string, uploadId: string): void | Promise<void>
}
