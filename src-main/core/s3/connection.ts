import type { S3Client, ServerSideEncryption, StorageClass } from '@aws-sdk/client-s3'
import { Redactor } from '../log/redact'
import { classifyS3Error, type S3ErrorContext } from './classify'
import { createAgents, createS3Client, type S3Agents } from './client'
import { S3Error } from './errors'
import { resolveS3Options, validateCredentials, type ResolvedS3Options } from './options'
import type { S3Credentials, S3Runtime, S3TargetOptions } from './types'

/** Per-call context for error messages; bucket, region and endpoint are added by the connection. */
export type CallContext = Pick<S3ErrorContext, 'operation' | 'key' | 'uploadId' | 'partNumber'>

/**
 * What every S3 operation needs: the current SDK client (replaced when credentials are swapped), the
 * target's write settings, and one place where SDK errors become typed errors with secrets masked.
 */
export class S3Connection {
  readonly options: ResolvedS3Options
  private readonly agents: S3Agents
  private readonly redactor = new Redactor()
  private current: S3Client
  private closed = false

  constructor(
    options: S3TargetOptions,
    private readonly runtime: S3Runtime = {},
  ) {
    this.options = resolveS3Options(options)
    this.agents = createAgents(this.options, runtime)
    this.redactor.add(this.options.credentials?.secretAccessKey, this.options.credentials?.sessionToken)
    this.current = createS3Client(this.options, this.agents, this.options.credentials, runtime)
  }

  get bucket(): string {
    return this.options.bucket
  }

  /** The live SDK client; read it per request, as {@link setCredentials} replaces it. */
  get client(): S3Client {
    if (this.closed) throw new S3Error('INTERNAL', 'stop-job', 'The S3 target has been closed.')
    return this.current
  }

  /**
   * Swaps the keys of the live target. A new SDK client is built over the same agents (sockets): the
   * SDK caches static credentials for a client's lifetime, and requests already under way finish with
   * the old keys. The old client holds nothing else, so it is left to the garbage collector.
   */
  setCredentials(credentials: S3Credentials): void {
    const checked = validateCredentials(credentials)
    this.redactor.add(checked.secretAccessKey, checked.sessionToken)
    this.current = createS3Client(this.options, this.agents, checked, this.runtime)
  }

  /** Runs one SDK call and turns whatever it throws into a typed error. */
  async call<T>(ctx: CallContext, run: (client: S3Client) => Promise<T>): Promise<T> {
    const client = this.client
    try {
      return await run(client)
    } catch (error) {
      throw this.translate(error, ctx)
    }
  }

  translate(error: unknown, ctx: CallContext): Error {
    return classifyS3Error(error, {
      ...ctx,
      bucket: this.options.bucket,
      region: this.options.region,
      url: this.options.endpoint ?? `https://s3.${this.options.region}.amazonaws.com`,
      redactor: this.redactor,
    }).error
  }

  /** Storage class and encryption, applied to every PUT and multipart upload. */
  writeParams(): {
    StorageClass?: StorageClass
    ServerSideEncryption?: ServerSideEncryption
    SSEKMSKeyId?: string
  } {
    const { storageClass, serverSideEncryption, sseKmsKeyId } = this.options
    return {
      // Validated against the SDK's list for AWS; other servers may name their own classes.
      ...(storageClass ? { StorageClass: storageClass as StorageClass } : {}),
      ...(serverSideEncryption ? { ServerSideEncryption: serverSideEncryption } : {}),
      ...(sseKmsKeyId ? { SSEKMSKeyId: sseKmsKeyId } : {}),
    }
  }

  /** Closes the sockets. Requests still running fail; later calls throw. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.current.destroy()
  }
}
