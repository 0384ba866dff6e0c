import type { Readable } from 'node:stream'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { guardBody } from './body-guard'
import type { S3Connection } from './connection'
import { UnsupportedObjectError } from './errors'
import { contentHeaderParams, encodeMetadata } from './headers'
import { checkMd5Base64, unquoteEtag } from './md5'
import { linkAbort } from './signal'
import type { PutObjectInput } from './types'

/**
 * A single PutObject with Content-MD5 and a known Content-Length. With WHEN_REQUIRED checksums (every
 * non-AWS endpoint under `auto`) the SDK sends a Readable as a plain body with UNSIGNED-PAYLOAD, never
 * aws-chunked, so a Swift download can be streamed straight through. The SDK does not retry a stream
 * (it cannot rewind it): a failed streamed PUT is the engine's to retry.
 */

/** S3's limit for a single PUT: 5 GiB. */
export const MAX_PUT_SIZE = 5 * 1024 ** 3

export function checkContentLength(value: unknown, max = MAX_PUT_SIZE): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new UnsupportedObjectError('contentLength must be a whole number of bytes.', 'contentLength')
  }
  if (value > max) {
    throw new UnsupportedObjectError(
      `A single PUT can carry at most 5 GiB (${max} bytes); use a multipart upload for ${value} bytes.`,
      'contentLength',
    )
  }
  return value
}

export async function putObject(connection: S3Connection, input: PutObjectInput): Promise<{ etag: string }> {
  const { key } = input
  const streamed = !Buffer.isBuffer(input.body)
  const link = linkAbort(input.signal)
  let bodyError: unknown
  try {
    const contentLength = checkContentLength(input.contentLength)
    const contentMd5 = checkMd5Base64(input.contentMd5Base64)
    const metadata = encodeMetadata(input.metadata)
    const headers = contentHeaderParams(input.headers)
    if (Buffer.isBuffer(input.body) && input.body.length !== contentLength) {
      throw new UnsupportedObjectError(
        `The body of "${key}" has ${input.body.length} bytes but contentLength says ${contentLength}.`,
        'contentLength',
      )
    }
    const body = Buffer.isBuffer(input.body)
      ? input.body
      : guardBody(input.body, key, contentLength, (error) => {
          bodyError = error
          link.abort(error)
        })
    const out = await connection.call({ operation: 'PutObject', key }, (client) =>
      client.send(
        new PutObjectCommand({
          Bucket: connection.bucket,
          Key: key,
          Body: body,
          ContentLength: contentLength,
          ContentMD5: contentMd5,
          Metadata: metadata,
          ...headers,
          ...connection.writeParams(),
        }),
        { abortSignal: link.signal },
      ),
    )
    return { etag: unquoteEtag(out.ETag) }
  } catch (error) {
    // Release the source (a Swift download holds a socket); the request is over either way.
    if (streamed) (input.body as Readable).destroy()
    // When the source failed, that is the story, not the abort it caused.
    throw bodyError ?? error
  } finally {
    link.dispose()
  }
}
