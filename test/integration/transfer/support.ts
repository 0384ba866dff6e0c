import { createHash } from 'node:crypto'
import type { S3Target } from '../../../src-main/core/s3'
import type { SwiftClient } from '../../../src-main/core/swift'
import {
  createShared,
  Transfer,
  type TransferDeps,
  type TransferSpec,
} from '../../../src-main/core/transfer/engine'
import type { TransferEvent } from '../../../src-main/core/transfer/events'
import { classifyS3Error } from '../../../src-main/core/s3'

/** Runs a transfer against the real servers and collects its events. */
export async function runTransfer(
  swift: SwiftClient,
  target: S3Target,
  spec: Partial<TransferSpec> & Pick<TransferSpec, 'container'>,
  deps: Partial<TransferDeps> = {},
) {
  const events: TransferEvent[] = []
  const transfer = new Transfer(
    {
      maxWorkers: 8,
      multipartThreshold: 8 * 1024 * 1024,
      retry: { attempts: 4, baseMs: 10, capMs: 50 },
      ...spec,
    },
    {
      source: swift,
      target,
      shared: createShared(),
      classifyTarget: (error) => classifyS3Error(error).action,
      ...deps,
    },
  )
  transfer.on((event) => events.push(event))
  const summary = await transfer.run()
  const keys = (type: TransferEvent['type']) =>
    events.filter((e) => e.type === type).map((e) => ('key' in e ? e.key : ''))
  return { summary, events, keys }
}

export async function readTarget(target: S3Target, key: string): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of await target.getObject(key)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export const md5hex = (data: Buffer) => createHash('md5').update(data).digest('hex')
