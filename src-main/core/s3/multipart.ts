import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import type { S3Connection } from './connection'
import { NoSuchUploadError, S3ServerError, UnsupportedObjectError } from './errors'
import { contentHeaderParams, encodeMetadata } from './headers'
import { checkMd5Base64, unquoteEtag } from './md5'
import type { CompletedPart, CreateMultipartInput, UploadPartInput } from './types'

/**
 * Our own multipart loop instead of lib-storage's Upload: lib-storage sends the same parameters with every
 * part, so it cannot give each part its own Content-MD5, and S3-compatible servers without the SDK's CRC
 * checksums (WHEN_REQUIRED) would then verify nothing. Parts are Buffers, which the SDK can retry.
 */

export const MAX_PARTS = 10_000
/** S3's upper bound for one part; the 5 MiB lower bound (all but the last part) is checked at complete. */
export const MAX_PART_SIZE = 5 * 1024 ** 3

function sendOptions(signal: AbortSignal | undefined) {
  return signal ? { abortSignal: signal } : {}
}

function checkUploadId(uploadId: unknown): string {
  if (typeof uploadId !== 'string' || uploadId === '') {
    throw new UnsupportedObjectError('uploadId is missing.', 'uploadId')
  }
  return uploadId
}

function checkPartNumber(partNumber: unknown): number {
  if (
    typeof partNumber !== 'number' ||
    !Number.isInteger(partNumber) ||
    partNumber < 1 ||
    partNumber > MAX_PARTS
  ) {
    throw new UnsupportedObjectError(
      `partNumber must be a whole number from 1 to ${MAX_PARTS}.`,
      'partNumber',
    )
  }
  return partNumber
}

/** Starts an upload with the object's metadata, headers, storage class and encryption; returns its id. */
export async function createMultipartUpload(
  connection: S3Connection,
  input: CreateMultipartInput,
): Promise<string> {
  const { key } = input
  const metadata = encodeMetadata(input.metadata)
  const headers = contentHeaderParams(input.headers)
  const out = await connection.call({ operation: 'CreateMultipartUpload', key }, (client) =>
    client.send(
      new CreateMultipartUploadCommand({
        Bucket: connection.bucket,
        Key: key,
        Metadata: metadata,
        ...headers,
        ...connection.writeParams(),
      }),
      sendOptions(input.signal),
    ),
  )
  if (!out.UploadId) {
    throw new S3ServerError(
      `S3 started a multipart upload of "${key}" but returned no upload id.`,
      true,
      'retry',
    )
  }
  return out.UploadId
}

/** Uploads one part with its own Content-MD5; returns the part's ETag (unquoted). */
export async function uploadPart(connection: S3Connection, input: UploadPartInput): Promise<string> {
  const { key, body } = input
  const uploadId = checkUploadId(input.uploadId)
  const partNumber = checkPartNumber(input.partNumber)
  const contentMd5 = checkMd5Base64(input.contentMd5Base64)
  if (!Buffer.isBuffer(body) || body.length > MAX_PART_SIZE) {
    throw new UnsupportedObjectError('A part body must be a Buffer of at most 5 GiB.', 'body')
  }
  const out = await connection.call({ operation: 'UploadPart', key, uploadId, partNumber }, (client) =>
    client.send(
      new UploadPartCommand({
        Bucket: connection.bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: partNumber,
        Body: body,
        ContentLength: body.length,
        ContentMD5: contentMd5,
      }),
      sendOptions(input.signal),
    ),
  )
  if (!out.ETag) {
    throw new S3ServerError(`S3 stored part ${partNumber} of "${key}" but returned no ETag.`, true, 'retry')
  }
  return unquoteEtag(out.ETag)
}

/** Assembles the parts (in part-number order, whatever order they finished in); returns the object's ETag. */
export async function completeMultipartUpload(
  connection: S3Connection,
  key: string,
  uploadId: string,
  parts: CompletedPart[],
  signal?: AbortSignal,
): Promise<{ etag: string }> {
  checkUploadId(uploadId)
  if (parts.length === 0)
    throw new UnsupportedObjectError('A multipart upload needs at least one part.', 'parts')
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber)
  for (const [index, part] of sorted.entries()) {
    checkPartNumber(part.partNumber)
    if (index > 0 && sorted[index - 1]?.partNumber === part.partNumber) {
      throw new UnsupportedObjectError(`Part ${part.partNumber} is listed twice.`, 'parts')
    }
  }
  const out = await connection.call({ operation: 'CompleteMultipartUpload', key, uploadId }, (client) =>
    client.send(
      new CompleteMultipartUploadCommand({
        Bucket: connection.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: {
          Parts: sorted.map((part) => ({ PartNumber: part.partNumber, ETag: `"${unquoteEtag(part.etag)}"` })),
        },
      }),
      sendOptions(signal),
    ),
  )
  return { etag: unquoteEtag(out.ETag) }
}

/** Discards an upload and its stored parts. An upload that is already gone counts as aborted. */
export async function abortMultipartUpload(
  connection: S3Connection,
  key: string,
  uploadId: string,
  signal?: AbortSignal,
): Promise<void> {
  checkUploadId(uploadId)
  try {
    await connection.call({ operation: 'AbortMultipartUpload', key, uploadId }, (client) =>
      client.send(
        new AbortMultipartUploadCommand({ Bucket: connection.bucket, Key: key, UploadId: uploadId }),
        sendOptions(signal),
      ),
    )
  } catch (error) {
    if (!(error instanceof NoSuchUploadError)) throw error
  }
}

/** Multipart uploads open under a prefix (paged), for crash recovery and the report of unknown ones. */
export async function listMultipartUploads(
  connection: S3Connection,
  prefix: string,
  signal?: AbortSignal,
): Promise<{ key: string; uploadId: string; initiated?: Date }[]> {
  const out: { key: string; uploadId: string; initiated?: Date }[] = []
  let keyMarker: string | undefined
  let uploadIdMarker: string | undefined
  for (;;) {
    const page = await connection.call({ operation: 'ListMultipartUploads' }, (client) =>
      client.send(
        new ListMultipartUploadsCommand({
          Bucket: connection.bucket,
          Prefix: prefix,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(uploadIdMarker ? { UploadIdMarker: uploadIdMarker } : {}),
        }),
        sendOptions(signal),
      ),
    )
    for (const upload of page.Uploads ?? []) {
      if (upload.Key && upload.UploadId) {
        out.push({
          key: upload.Key,
          uploadId: upload.UploadId,
          ...(upload.Initiated ? { initiated: upload.Initiated } : {}),
        })
      }
    }
    if (!page.IsTruncated) return out
    keyMarker = page.NextKeyMarker
    uploadIdMarker = page.NextUploadIdMarker
    if (!keyMarker && !uploadIdMarker) return out
  }
}
