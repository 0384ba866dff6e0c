import type { Logger } from '../log/logger'
import type { TransferEvent } from '../transfer/events'

/** One log line per engine event, in the spirit of the original's log: objects created, attempts, retries. */
export function logEvent(logger: Logger, bucket: string, event: TransferEvent): void {
  switch (event.type) {
    case 'state':
      logger.log(
        event.state === 'failed' ? 'error' : 'info',
        `Job ${event.state}${event.message ? `: ${event.message}` : ''}`,
      )
      break
    case 'object-started':
      logger.log('debug', `Copying ${event.key}`, { bytes: event.bytes, worker: event.worker })
      break
    case 'object-copied':
      logger.log('info', `Created object ${event.key} in bucket ${bucket}`, {
        bytes: event.bytes,
        md5: event.md5,
        multipart: event.multipart,
        attempts: event.attempts,
      })
      if (event.metadataDropped !== undefined) {
        logger.log(
          'warn',
          `Metadata dropped for ${event.key}: its Swift user metadata came to ${event.metadataDropped} bytes, over S3's 2 KB; copied without it`,
        )
      }
      break
    case 'object-skipped':
      logger.log('debug', `Skipped ${event.key}: ${event.reason}`, { bytes: event.bytes })
      break
    case 'object-failed':
      logger.log('error', `Failed ${event.key} after ${event.attempts} attempt(s): ${event.reason}`)
      break
    case 'retry':
      logger.log(
        'warn',
        `Attempt ${event.attempt} for ${event.key} failed; retrying in ${event.waitMs} ms: ${event.reason}`,
      )
      break
    case 'extra':
      logger.log(
        event.action === 'deleted' ? 'warn' : 'info',
        `Extra object on the target: ${event.key} (${event.action})`,
        { bytes: event.bytes },
      )
      break
    case 'warning':
      logger.log('warn', event.message)
      break
  }
}
