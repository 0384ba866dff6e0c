import { createHash, type Hash } from 'node:crypto'
import { AppError } from '../errors'

/** The bytes read or written do not match what the source says they are. Retried: the next read may be clean. */
export class IntegrityError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message)
    this.name = 'IntegrityError'
  }
}

/** MD5 over a stream of chunks, with a byte count: the content MD5 we record and compare. */
export class RunningMd5 {
  private readonly hash: Hash = createHash('md5')
  bytes = 0

  update(chunk: Buffer): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
  }

  hex(): string {
    return this.hash.digest('hex')
  }
}

export function md5Base64(data: Buffer): string {
  return createHash('md5').update(data).digest('base64')
}

export function md5Hex(data: Buffer): string {
  return createHash('md5').update(data).digest('hex')
}
