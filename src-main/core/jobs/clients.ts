import type { Logger } from '../log/logger'
import { S3Target } from '../s3/target'
import { SwiftClient } from '../swift/swift-client'
import type { JobSpec } from './job-spec'

/** The Swift client and S3 target(s) of a job, sized to its worker count. */
export function swiftClientFor(spec: JobSpec, logger: Logger): SwiftClient {
  const transport: NonNullable<ConstructorParameters<typeof SwiftClient>[0]['transport']> = {
    connections: spec.options.maxWorkers + 4,
  }
  if (spec.source.caBundle) transport.caBundle = spec.source.caBundle
  if (spec.source.tls.insecure) transport.insecure = true
  if (spec.source.proxyUrl) transport.proxyUrl = spec.source.proxyUrl
  // A run should ride out a proxy restart or a short outage; "Test connection" wants the fast default.
  return new SwiftClient({
    auth: spec.source.auth,
    transport,
    logger,
    retry: { attempts: 8, baseMs: 500, capMs: 15_000 },
  })
}

export function s3TargetFor(spec: JobSpec, bucket: string, logger: Logger): S3Target {
  const { bucketMode: _mode, destPrefix: _prefix, ...options } = spec.target
  // Parts of several objects are in flight at once; the SDK's 50 sockets would queue them.
  return new S3Target(
    { ...options, bucket, maxSockets: options.maxSockets ?? Math.max(50, spec.options.maxWorkers * 3) },
    { logger },
  )
}
