import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import type { S3Connection } from './connection'
import { S3ServerError } from './errors'
import { unquoteEtag } from './md5'
import type { ListedObject, ListOptions } from './types'

/**
 * Pages through ListObjectsV2 by continuation token, one page in memory at a time.
 *
 * Keys are asked for URL-encoded (EncodingType=url): XML 1.0 cannot carry every character a key may
 * hold (control characters are legal in S3 keys and in Swift names), and an unencoded listing of such
 * a key is unparseable. S3 encodes a space as "+" there, so "+" is decoded as a space.
 */
export const MAX_PAGE_SIZE = 1000

export function decodeListedKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '))
}

export async function* listObjects(
  connection: S3Connection,
  prefix: string,
  startAfter: string | undefined,
  options: ListOptions = {},
): AsyncGenerator<ListedObject> {
  const send = options.signal ? { abortSignal: options.signal } : {}
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? MAX_PAGE_SIZE)), MAX_PAGE_SIZE)
  let token: string | undefined
  for (;;) {
    const page = await connection.call({ operation: 'ListObjectsV2' }, (client) =>
      client.send(
        new ListObjectsV2Command({
          Bucket: connection.bucket,
          MaxKeys: pageSize,
          EncodingType: 'url',
          ...(prefix ? { Prefix: prefix } : {}),
          ...(token ? { ContinuationToken: token } : startAfter ? { StartAfter: startAfter } : {}),
        }),
        send,
      ),
    )
    // The server echoes EncodingType when it encoded; one that ignores the parameter sends raw keys.
    const encoded = page.EncodingType === 'url'
    for (const item of page.Contents ?? []) {
      if (item.Key === undefined) continue
      yield {
        key: encoded ? decodeListedKey(item.Key) : item.Key,
        size: item.Size ?? 0,
        etag: unquoteEtag(item.ETag),
        lastModified: item.LastModified ?? new Date(0),
      }
    }
    if (!page.IsTruncated) return
    if (!page.NextContinuationToken) {
      throw new S3ServerError(
        `S3 said the listing of bucket "${connection.bucket}" continues but gave no continuation token.`,
        false,
        'stop-job',
      )
    }
    token = page.NextContinuationToken
  }
}
