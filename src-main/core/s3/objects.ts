import { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import type { S3Connection } from './connection'
import { ObjectNotFoundError, S3ServerError } from './errors'
import { decodeMetadata } from './headers'
import { unquoteEtag } from './md5'
import type { ObjectHead } from './types'

/** Reads and deletes of single objects. */

function sendOptions(signal: AbortSignal | undefined) {
  return signal ? { abortSignal: signal } : {}
}

/**
 * HeadObject, or undefined when there is no such key. A missing bucket also answers a bodyless 404, so
 * run {@link checkBucket} before relying on "undefined" meaning "not copied yet".
 */
export async function headObject(
  connection: S3Connection,
  key: string,
  signal?: AbortSignal,
): Promise<ObjectHead | undefined> {
  try {
    const out = await connection.call({ operation: 'HeadObject', key }, (client) =>
      client.send(new HeadObjectCommand({ Bucket: connection.bucket, Key: key }), sendOptions(signal)),
    )
    const expires = out.ExpiresString ?? out.Expires?.toUTCString()
    return {
      size: out.ContentLength ?? 0,
      etag: unquoteEtag(out.ETag),
      metadata: decodeMetadata(out.Metadata),
      ...(out.ContentType !== undefined ? { contentType: out.ContentType } : {}),
      ...(out.ContentEncoding !== undefined ? { contentEncoding: out.ContentEncoding } : {}),
      ...(out.ContentDisposition !== undefined ? { contentDisposition: out.ContentDisposition } : {}),
      ...(out.ContentLanguage !== undefined ? { contentLanguage: out.ContentLanguage } : {}),
      ...(out.CacheControl !== undefined ? { cacheControl: out.CacheControl } : {}),
      ...(expires !== undefined ? { expires } : {}),
      ...(out.LastModified !== undefined ? { lastModified: out.LastModified } : {}),
    }
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined
    throw error
  }
}

/** The object's bytes as a stream; aborting the signal destroys it. */
export async function getObject(
  connection: S3Connection,
  key: string,
  signal?: AbortSignal,
): Promise<Readable> {
  const out = await connection.call({ operation: 'GetObject', key }, (client) =>
    client.send(new GetObjectCommand({ Bucket: connection.bucket, Key: key }), sendOptions(signal)),
  )
  if (!(out.Body instanceof Readable)) {
    throw new S3ServerError(`S3 returned no readable body for "${key}".`, false, 'fail-object')
  }
  return out.Body
}

/**
 * A single DeleteObject. Not DeleteObjects: the SDK always attaches a CRC32 to that one (its checksum is
 * "required"), which older S3-compatible servers reject. Deleting a missing key succeeds, as on S3.
 */
export async function deleteObject(
  connection: S3Connection,
  key: string,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await connection.call({ operation: 'DeleteObject', key }, (client) =>
      client.send(new DeleteObjectCommand({ Bucket: connection.bucket, Key: key }), sendOptions(signal)),
    )
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error
  }
}
