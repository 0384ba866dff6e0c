import type { Readable } from 'node:stream'
import { bucketRegion, checkBucket, createBucket } from './bucket'
import { S3Connection } from './connection'
import { listObjects } from './listing'
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  uploadPart,
} from './multipart'
import { deleteObject, getObject, headObject } from './objects'
import type { ResolvedS3Options } from './options'
import type {
  CompletedPart,
  CreateMultipartInput,
  ListedObject,
  ListOptions,
  ObjectHead,
  PutObjectInput,
  S3Credentials,
  S3Runtime,
  S3TargetOptions,
  UploadPartInput,
} from './types'
import { putObject } from './uploads'

/**
 * The S3 bucket a migration writes to. Keys passed to every operation are full keys; the profile's
 * `prefix` is only the default for {@link list}, so the engine decides once how Swift names map to keys.
 *
 * Every failure is a typed error from ./errors carrying `action` (retry, fail-object, stop-job,
 * need-credentials); `classifyS3Error` gives the same for errors from elsewhere. Every operation takes
 * an AbortSignal. Options are validated by the constructor (S3ConfigError naming the field).
 */
export class S3Target {
  private readonly connection: S3Connection

  constructor(options: S3TargetOptions, runtime: S3Runtime = {}) {
    this.connection = new S3Connection(options, runtime)
  }

  /** The validated options with defaults applied (region, path style, effective checksum mode). */
  get options(): ResolvedS3Options {
    return this.connection.options
  }

  get bucket(): string {
    return this.connection.bucket
  }

  /** Bucket exists, keys work, region is right; each failure is its own error. Writes nothing. */
  checkBucket(signal?: AbortSignal): Promise<void> {
    return checkBucket(this.connection, signal)
  }

  /** Where the bucket is, as S3 says (GetBucketLocation), to compare with the region requests are signed for. */
  bucketRegion(signal?: AbortSignal): Promise<string> {
    return bucketRegion(this.connection, signal)
  }

  /** Creates the bucket in the profile's region; done already when these keys own it. */
  createBucket(signal?: AbortSignal): Promise<void> {
    return createBucket(this.connection, signal)
  }

  /** Objects under `prefix` (the profile's prefix when omitted) after `startAfter`, in key order. */
  list(prefix?: string, startAfter?: string, options?: ListOptions): AsyncGenerator<ListedObject> {
    return listObjects(this.connection, prefix ?? this.connection.options.prefix, startAfter, options)
  }

  /** Size, ETag, metadata and content headers, or undefined when the key does not exist. */
  head(key: string, signal?: AbortSignal): Promise<ObjectHead | undefined> {
    return headObject(this.connection, key, signal)
  }

  /** One PUT with Content-MD5 (up to 5 GiB); returns the unquoted ETag. */
  putObject(input: PutObjectInput): Promise<{ etag: string }> {
    return putObject(this.connection, input)
  }

  createMultipartUpload(input: CreateMultipartInput): Promise<string> {
    return createMultipartUpload(this.connection, input)
  }

  uploadPart(input: UploadPartInput): Promise<string> {
    return uploadPart(this.connection, input)
  }

  completeMultipartUpload(
    key: string,
    uploadId: string,
    parts: CompletedPart[],
    signal?: AbortSignal,
  ): Promise<{ etag: string }> {
    return completeMultipartUpload(this.connection, key, uploadId, parts, signal)
  }

  abortMultipartUpload(key: string, uploadId: string, signal?: AbortSignal): Promise<void> {
    return abortMultipartUpload(this.connection, key, uploadId, signal)
  }

  /** Multipart uploads open under `prefix`: crash recovery aborts its own, and reports the others. */
  listMultipartUploads(
    prefix: string,
    signal?: AbortSignal,
  ): Promise<{ key: string; uploadId: string; initiated?: Date }[]> {
    return listMultipartUploads(this.connection, prefix, signal)
  }

  deleteObject(key: string, signal?: AbortSignal): Promise<void> {
    return deleteObject(this.connection, key, signal)
  }

  /** The object's bytes, for verification. */
  getObject(key: string, signal?: AbortSignal): Promise<Readable> {
    return getObject(this.connection, key, signal)
  }

  /** New keys for the live target, e.g. after ExpiredToken; requests under way finish with the old ones. */
  setCredentials(credentials: S3Credentials): void {
    this.connection.setCredentials(credentials)
  }

  /** Closes the sockets; the target cannot be used afterwards. */
  close(): void {
    this.connection.close()
  }
}
