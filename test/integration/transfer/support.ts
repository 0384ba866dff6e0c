import { createHash } from 'node:crypto'
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3'
import { expect } from 'vitest'
import { classifyS3Error, S3Target } from '../../../src-main/core/s3'
import { rawClient, targetOptions } from '../s3/s3-support'
import type { SwiftClient } from '../../../src-main/core/swift'
import {
  createShared,
  Transfer,
  type TransferDeps,
  type TransferSpec,
} from '../../../src-main/core/transfer/engine'
import type { TransferEvent } from '../../../src-main/core/transfer/events'

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

/** A transfer over the given source and target, with its events collected as they come. */
export function newTransfer(
  source: SwiftClient,
  target: S3Target,
  spec: Partial<TransferSpec> & Pick<TransferSpec, 'container'>,
  deps: Partial<TransferDeps> = {},
) {
  const events: TransferEvent[] = []
  const transfer = new Transfer(
    {
      maxWorkers: 4,
      multipartThreshold: 8 * 1024 * 1024,
      retry: { attempts: 3, baseMs: 10, capMs: 50 },
      ...spec,
    },
    { source, target, shared: createShared(), classifyTarget: (e) => classifyS3Error(e).action, ...deps },
  )
  transfer.on((e) => events.push(e))
  return { transfer, events }
}

/** Every object is on the target byte for byte, and no multipart upload is left open. */
export async function expectIntact(bucket: string, objects: { name: string; data: Buffer }[]): Promise<void> {
  const target = new S3Target(targetOptions(bucket), { env: {} })
  for (const o of objects) expect(md5hex(await readTarget(target, o.name)), o.name).toBe(md5hex(o.data))
  target.close()
  const open = await rawClient().send(new ListMultipartUploadsCommand({ Bucket: bucket }))
  expect(open.Uploads ?? []).toEqual([])
}

/** Puts objects into a fresh container, and takes them away again. */
export async function seed(swift: SwiftClient, container: string, objects: { name: string; data: Buffer }[]) {
  await swift.putContainer(container)
  for (const o of objects) await swift.putObject(container, o.name, o.data)
}

export async function unseed(swift: SwiftClient, container: string, objects: { name: string }[]) {
  for (const o of objects) await swift.deleteObject(container, o.name)
  await swift.deleteContainer(container)
}
