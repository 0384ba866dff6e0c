import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ipcHarness, valueOf } from '../../../src-main/ipc/handlers/test-support'
import { createBucket, rawClient, removeBucket } from '../s3/s3-support'
import { client, servers, tempauth, unique } from '../support/swift-clients'
import { saveLoopbackProfiles } from './loopback-profiles'

/** browse.containers and the bucket channels through the IPC router against the real loopback servers. */

const prefix = unique('ipc-browse')
const containers = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]
const bucket = unique('ipc-browse')
const swift = client({ auth: tempauth() })
const s3Client = rawClient()
const created = unique('ipc-created')

let ipc: ReturnType<typeof ipcHarness>
let swiftId: string
let s3Id: string

beforeAll(async () => {
  for (const container of containers) await swift.putContainer(container)
  await createBucket(s3Client, bucket)
  ipc = ipcHarness()
  ;({ swiftId, s3Id } = await saveLoopbackProfiles(ipc))
})

afterAll(async () => {
  ipc.cleanup()
  for (const container of containers) await swift.deleteContainer(container)
  await swift.close()
  await removeBucket(s3Client, bucket)
  await removeBucket(s3Client, created).catch(() => {})
  s3Client.destroy()
})

describe('browse.containers', () => {
  it('pages through the containers with their counts and bytes', async () => {
    const first = valueOf(await ipc.call('browse.containers', { profileId: swiftId, prefix, limit: 2 }))
    expect(first.containers.map((c) => c.name)).toEqual(containers.slice(0, 2))
    // Totals as the account listing has them; Swift's container-updater fills them in a little later.
    expect(first.containers[0]).toMatchObject({ count: expect.any(Number), bytes: expect.any(Number) })
    expect(first.nextMarker).toBe(containers[1])

    const second = valueOf(
      await ipc.call('browse.containers', { profileId: swiftId, prefix, limit: 2, marker: first.nextMarker }),
    )
    expect(second).toEqual({ containers: [expect.objectContaining({ name: containers[2] })] })
  })
})

describe('browse.bucket', () => {
  it('says a bucket exists and where', async () => {
    expect(valueOf(await ipc.call('browse.bucket', { profileId: s3Id, bucket }))).toEqual({
      bucket,
      exists: true,
      region: servers.s3.region,
    })
  })

  it('says a bucket does not exist, with the reason', async () => {
    const missing = unique('ipc-none')
    expect(valueOf(await ipc.call('browse.bucket', { profileId: s3Id, bucket: missing }))).toMatchObject({
      bucket: missing,
      exists: false,
      error: { code: 'NOT_FOUND', field: 'bucket' },
    })
  })
})

describe('browse.buckets and browse.createBucket', () => {
  it('lists the buckets the keys can see', async () => {
    const { buckets } = valueOf(await ipc.call('browse.buckets', { profileId: s3Id }))
    expect(buckets).toContain(bucket)
    expect([...buckets].sort()).toEqual(buckets)
  })

  it('creates a bucket, answers like browse.bucket, and creating it again is harmless', async () => {
    const first = valueOf(await ipc.call('browse.createBucket', { profileId: s3Id, bucket: created }))
    expect(first).toEqual({ bucket: created, exists: true, region: servers.s3.region })
    expect(valueOf(await ipc.call('browse.buckets', { profileId: s3Id })).buckets).toContain(created)
    expect(valueOf(await ipc.call('browse.createBucket', { profileId: s3Id, bucket: created }))).toEqual(
      first,
    )
  })

  it('refuses a name S3 cannot have, naming the field, and creates nothing', async () => {
    const result = await ipc.call('browse.createBucket', { profileId: s3Id, bucket: 'Bad_Name' })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'bucket' } })
    expect(valueOf(await ipc.call('browse.buckets', { profileId: s3Id })).buckets).not.toContain('Bad_Name')
  })
})
