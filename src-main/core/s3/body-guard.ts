import { pipeline, Transform, type Readable } from 'node:stream'
import { AppError } from '../errors'
import { BodyLengthError, SourceReadError } from './errors'

/**
 * Puts a streamed request body behind a byte counter. The SDK pipes a Readable body into the request
 * with `pipe()`, which neither ends nor destroys the request when the source fails or runs short; the
 * PUT would then hang until the server times out. The guard reports such a source at once through
 * `onError` (the target aborts the request there) and never lets more than `expected` bytes through.
 * Untyped source errors are wrapped so they are not mistaken for a failure of the S3 connection.
 */
export function guardBody(
  source: Readable,
  key: string,
  expected: number,
  onError: (error: unknown) => void,
): Readable {
  let received = 0
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length
      if (received > expected) callback(new BodyLengthError(key, expected, received))
      else callback(null, chunk)
    },
    flush(callback) {
      callback(received === expected ? null : new BodyLengthError(key, expected, received))
    },
  })
  pipeline(source, guard, (error) => {
    if (!error) return
    // Typed errors (a Swift NetworkError, our length check) already say what happened.
    if (error instanceof AppError) onError(error)
    else {
      const message = `Reading the source of "${key}" failed after ${received} of ${expected} bytes: ${error.message}`
      onError(new SourceReadError(key, message, error))
    }
  })
  return guard
}
