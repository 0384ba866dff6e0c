import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto'

const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32

/** scrypt cost as stored next to the salt, so the cost can be raised later without losing old files. */
export interface ScryptParams {
  N: number
  r: number
  p: number
}

// ~16 MiB and well under a second: the key is usually random, the cost only slows guessing a weak one.
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 }

/** A 256-bit key from a passphrase or random string; the salt makes equal passphrases give different keys. */
export function deriveKey(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 }
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/**
 * AES-256-GCM: base64 of iv | tag | ciphertext. `context` is authenticated but not stored (the entry's
 * name), so a ciphertext moved to another entry fails to open instead of yielding the wrong secret.
 */
export function seal(key: Buffer, text: string, context: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

/** Reverses {@link seal}; throws when the key, the context or any byte is wrong. */
export function open(key: Buffer, sealed: string, context: string): string {
  const data = Buffer.from(sealed, 'base64')
  if (data.length < IV_BYTES + TAG_BYTES) throw new Error('ciphertext too short')
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES))
  decipher.setAAD(Buffer.from(context, 'utf8'))
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  )
}
