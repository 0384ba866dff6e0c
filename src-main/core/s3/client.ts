import http from 'node:http'
import https from 'node:https'
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { silentLogger, type Logger } from '../log/logger'
import { defaultTrustedRoots } from '../swift/transport'
import { S3ConfigError } from './errors'
import type { ResolvedS3Options } from './options'
import type { S3Credentials, S3Runtime } from './types'

/**
 * Builds the SDK client for one target: checksum behaviour chosen per endpoint, the same TLS trust as the
 * Swift side (system store + bundled roots + the profile's PEM), keep-alive sockets sized to the upload
 * concurrency, and proxies through Node's own agent proxy support.
 */

const CONNECT_TIMEOUT_MS = 15_000
/** A transfer that sends or receives nothing for this long is dead; the engine retries the object. */
const IDLE_SOCKET_TIMEOUT_MS = 120_000

/** Node gained proxy support in http(s).Agent (the `proxyEnv` option) in 24.5.0; before, it is ignored. */
export function nodeSupportsAgentProxy(version = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return major > 24 || (major === 24 && minor >= 5)
}

type ProxyEnv = NonNullable<http.AgentOptions['proxyEnv']>

/** The profile's proxy for every request, else HTTP(S)_PROXY / NO_PROXY as the Swift transport reads them. */
function proxyEnvFor(options: ResolvedS3Options, runtime: S3Runtime): ProxyEnv | undefined {
  if (options.proxyUrl) return { HTTP_PROXY: options.proxyUrl, HTTPS_PROXY: options.proxyUrl }
  const env = runtime.env ?? process.env
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '')
  const httpProxy = pick('http_proxy', 'HTTP_PROXY')
  const httpsProxy = pick('https_proxy', 'HTTPS_PROXY')
  if (!httpProxy && !httpsProxy) return undefined
  const noProxy = pick('no_proxy', 'NO_PROXY')
  return {
    ...(httpProxy ? { HTTP_PROXY: httpProxy } : {}),
    ...(httpsProxy ? { HTTPS_PROXY: httpsProxy } : {}),
    ...(noProxy ? { NO_PROXY: noProxy } : {}),
  }
}

function describeTarget(options: ResolvedS3Options): string {
  return options.endpoint ?? `AWS S3 (${options.region})`
}

/** Keep-alive sockets shared by every client a target builds, so swapping credentials keeps connections. */
export interface S3Agents {
  httpAgent: http.Agent
  httpsAgent: https.Agent
}

/**
 * The agents under the SDK's NodeHttpHandler: TLS trust, socket limit and proxy. Destroying a client
 * built over them destroys them.
 */
export function createAgents(options: ResolvedS3Options, runtime: S3Runtime = {}): S3Agents {
  const logger = runtime.logger ?? silentLogger
  let proxyEnv = proxyEnvFor(options, runtime)
  if (proxyEnv && !nodeSupportsAgentProxy()) {
    if (options.proxyUrl) {
      throw new S3ConfigError(
        `Proxy for S3 is not supported yet on Node ${process.versions.node} (it needs Node 24.5 or later); remove the proxy URL or connect directly.`,
        'proxyUrl',
      )
    }
    logger.log(
      'warn',
      'HTTP(S)_PROXY is set but S3 connections cannot use it on this Node; connecting directly',
      {
        node: process.versions.node,
      },
    )
    proxyEnv = undefined
  }
  const common: http.AgentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets,
    ...(proxyEnv ? { proxyEnv } : {}),
  }
  const tlsOptions: https.AgentOptions = options.insecure
    ? { rejectUnauthorized: false }
    : { ca: [...defaultTrustedRoots(), ...options.extraCaCerts] }
  return { httpAgent: new http.Agent(common), httpsAgent: new https.Agent({ ...common, ...tlsOptions }) }
}

/**
 * The SDK's logger interface over ours. Only warnings that are plain text are passed on: the SDK's info
 * and error entries are whole request/response objects, and errors are reported by the target itself.
 */
function sdkLogger(logger: Logger) {
  const ignore = () => {}
  return {
    trace: ignore,
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (...content: unknown[]) => {
      if (typeof content[0] === 'string') logger.log('warn', `AWS SDK: ${content[0]}`)
    },
  }
}

/** The SDK's checksum settings for a mode; `sdk-default` leaves them (and AWS_* env overrides) alone. */
export function checksumConfig(
  mode: ResolvedS3Options['checksumMode'],
): Pick<S3ClientConfig, 'requestChecksumCalculation' | 'responseChecksumValidation'> {
  return mode === 'when-required'
    ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
    : {}
}

/**
 * One SDK client over the target's agents. Without static keys the SDK's default chain supplies them
 * (environment, ~/.aws profiles, SSO, credential_process, container/instance roles).
 */
export function createS3Client(
  options: ResolvedS3Options,
  agents: S3Agents,
  credentials: S3Credentials | undefined,
  runtime: S3Runtime = {},
): S3Client {
  const logger = runtime.logger ?? silentLogger
  if (options.insecure) {
    logger.log(
      'warn',
      'TLS certificate verification is OFF for this S3 target (insecure mode): anyone on the network path can read or alter the data',
      { target: describeTarget(options) },
    )
  }
  return new S3Client({
    region: options.region,
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    ...(credentials ? { credentials } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...checksumConfig(options.checksumMode),
    ...(runtime.maxAttempts !== undefined ? { maxAttempts: runtime.maxAttempts } : {}),
    // Options rather than a NodeHttpHandler instance: the SDK builds its own handler from them, and
    // @smithy/node-http-handler (not a direct dependency) need not be imported.
    requestHandler: {
      ...agents,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: IDLE_SOCKET_TIMEOUT_MS,
      logger: sdkLogger(logger),
    },
    logger: sdkLogger(logger),
  })
}
