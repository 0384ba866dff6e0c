import { UnsupportedObjectError } from './errors'

/**
 * Content-MD5 is the base64 of the 16 raw digest bytes. Swift ETags are hex, so the easy mistake is to
 * pass the hex string (or base64 of the hex text); both are caught here, before S3 answers InvalidDigest.
 */

const MD5_BASE64 = /^[A-Za-z0-9+/]{21}[AQgw]==$/
const MD5_HEX = /^[0-9a-f]{32}$/i

export function md5HexToBase64(hex: string): string {
  if (!MD5_HEX.test(hex)) throw new UnsupportedObjectError(`"${hex}" is not a hex MD5 (32 hex digits).`)
  return Buffer.from(hex, 'hex').toString('base64')
}

/** @throws UnsupportedObjectError when the value is not the base64 of a 16-byte digest. */
export function checkMd5Base64(value: unknown, field = 'contentMd5Base64'): string {
  if (typeof value === 'string' && MD5_BASE64.test(value)) return value
  const hint =
    typeof value === 'string' && MD5_HEX.test(value)
      ? ' It looks like hex; convert it with md5HexToBase64().'
      : ''
  throw new UnsupportedObjectError(
    `${field} must be the base64 of a 16-byte MD5 (24 characters ending in "==").${hint}`,
    field,
  )
}

/** S3 ETags are quoted on the wire; callers compare them bare. */
export function unquoteEtag(etag: string | undefined): string {
  if (!etag) return ''
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag
  return bare.length >= 2 && bare.startsWith('"') && bare.endsWith('"') ? bare.slice(1, -1) : bare
}
