import type { Logger } from '../log/logger'
import type { S3Target } from '../s3/target'
import type { SwiftClient } from '../swift/swift-client'
import { planBucketMapping } from '../transfer/bucket-naming'
import { s3TargetFor, swiftClientFor } from './clients'
import type { SourceContainer } from './job-manager-types'
import type { JobSpec } from './job-spec'

/**
 * Everything checked before the first write: Swift credentials, every container, the container →
 * bucket mapping, and every bucket with its credentials and region. A failure here is a configuration
 * error (exit code 2; a form error in the app), and nothing has been written.
 */
export interface Preflight {
  swift: SwiftClient
  storageUrl: string
  containers: SourceContainer[]
  mapping: { container: string; bucket: string; keyPrefix: string }[]
  target(bucket: string): S3Target
  checkBuckets(): Promise<void>
  close(): void
}

export async function preflight(spec: JobSpec, logger: Logger, signal?: AbortSignal): Promise<Preflight> {
  const swift = swiftClientFor(spec, logger)
  const targets = new Map<string, S3Target>()
  const close = () => {
    void swift.close()
    for (const target of targets.values()) target.close()
  }
  try {
    const storageUrl = await swift.storageUrl()
    logger.log('info', `Authenticated to Swift (${spec.source.auth.type}); storage URL ${storageUrl}`)
    const names: string[] = []
    if (spec.source.containers === 'all') {
      for await (const entry of swift.listContainers(signal ? { signal } : {})) names.push(entry.name)
      logger.log('info', `All containers of the account: ${names.length}`)
    } else names.push(...spec.source.containers)
    if (names.length === 0) throw new Error('There is no container to migrate: the account has none.')
    const containers = []
    for (const name of names) {
      const stats = await swift.headContainer(name, signal)
      containers.push({ name, objectCount: stats.objectCount, bytesUsed: stats.bytesUsed })
      logger.log('info', `Container ${name}: ${stats.objectCount} objects, ${stats.bytesUsed} bytes`)
    }
    const destPrefix = spec.target.destPrefix ?? ''
    // Per container, the bucket is a pattern around `{container}` (e.g. acme-{container}); the container
    // part is made a valid, unique bucket name.
    const [bucketPrefix = '', bucketSuffix = ''] = spec.target.bucket.split('{container}')
    const mapping =
      spec.target.bucketMode === 'per-container'
        ? planBucketMapping(names, { prefix: bucketPrefix, suffix: bucketSuffix }).map(
            ({ container, bucket }) => ({
              container,
              bucket,
              keyPrefix: destPrefix,
            }),
          )
        : names.map((container) => ({
            container,
            bucket: spec.target.bucket,
            keyPrefix: `${names.length > 1 ? `${container}/` : ''}${destPrefix}`,
          }))
    for (const m of mapping)
      logger.log('info', `Mapping: container ${m.container} → s3://${m.bucket}/${m.keyPrefix}`)
    const target = (bucket: string) => {
      let found = targets.get(bucket)
      if (!found) {
        found = s3TargetFor(spec, bucket, logger)
        targets.set(bucket, found)
      }
      return found
    }
    const checkBuckets = async () => {
      for (const bucket of new Set(mapping.map((m) => m.bucket))) {
        await target(bucket).checkBucket(signal)
        logger.log('info', `Bucket ${bucket} exists and the credentials can use it`)
      }
    }
    return { swift, storageUrl, containers, mapping, target, checkBuckets, close }
  } catch (error) {
    close()
    throw error
  }
}
