import { X509Certificate } from 'node:crypto'
import diagnostics from 'node:diagnostics_channel'
import tls from 'node:tls'
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici'
import { silentLogger, type Logger } from '../log/logger'
import { SwiftConfigError } from './errors'

/**
 * The HTTP layer under one Swift client: a keep-alive pool sized to the worker count, TLS that trusts
 * the operating system's store (a corporate CA installed on the desktop just works) as well as Node's
 * bundled roots and an optional per-profile PEM bundle, and proxies from the profile or the environment.
 */
export interface TransportOptions {
  /** PEM text of extra CAs to trust for this profile. */
  caBundle?: string
  /** Skip certificate verification. Never the default; every new connection logs a warning. */
  insecure?: boolean
  /** Per-profile proxy, e.g. http://proxy.corp:3128. Overrides HTTPS_PROXY / HTTP_PROXY. */
  proxyUrl?: string
  /** Environment to read HTTPS_PROXY / HTTP_PROXY / NO_PROXY from; process.env when omitted. */
  env?: Record<string, string | undefined>
  /** Connections per origin: the worker count plus room for listing and auth. */
  connections?: number
  connectTimeoutMs?: number
  logger?: Logger
}

export interface Transport {
  dispatcher: Dispatcher
  close(): Promise<void>
}

let trustedRoots: string[] | undefined

/** Bundled + system + NODE_EXTRA_CA_CERTS roots, loaded once: reading the system store is not free. */
export function defaultTrustedRoots(): string[] {
  if (!trustedRoots) {
    const roots = new Set<string>(tls.rootCertificates)
    if (typeof tls.getCACertificates === 'function') {
      for (const kind of ['bundled', 'system', 'extra'] as const) {
        try {
          for (const pem of tls.getCACertificates(kind)) roots.add(pem)
        } catch {
          // A platform without a readable system store still has the bundled roots.
        }
      }
    }
    trustedRoots = [...roots]
  }
  return trustedRoots
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** Splits a PEM bundle into certificates, rejecting text that holds none (a key, a DER file, a typo). */
export function parsePemBundle(text: string, field = 'caBundle'): string[] {
  const certs = text.match(PEM_BLOCK) ?? []
  if (certs.length === 0) {
    throw new SwiftConfigError(
      'The CA bundle holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). Choose a .pem or .crt file in PEM format.',
      field,
    )
  }
  for (const [index, pem] of certs.entries()) {
    try {
      new X509Certificate(pem)
    } catch {
      throw new SwiftConfigError(`Certificate ${index + 1} in the CA bundle cannot be read as PEM.`, field)
    }
  }
  return certs
}

function proxyFromEnv(env: Record<string, string | undefined>): {
  httpProxy?: string
  httpsProxy?: string
  noProxy?: string
} {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '')
  const out: { httpProxy?: string; httpsProxy?: string; noProxy?: string } = {}
  const httpProxy = pick('http_proxy', 'HTTP_PROXY')
  const httpsProxy = pick('https_proxy', 'HTTPS_PROXY')
  const noProxy = pick('no_proxy', 'NO_PROXY')
  if (httpProxy) out.httpProxy = httpProxy
  if (httpsProxy) out.httpsProxy = httpsProxy
  if (noProxy) out.noProxy = noProxy
  return out
}

function validProxyUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new SwiftConfigError(
      `The proxy URL "${value}" is not a URL; use e.g. http://proxy.example.com:3128.`,
      'proxyUrl',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SwiftConfigError(
      `The proxy URL must start with http:// or https:// (got ${url.protocol}).`,
      'proxyUrl',
    )
  }
  return value
}

export function createTransport(options: TransportOptions = {}): Transport {
  const logger = options.logger ?? silentLogger
  const tlsOptions: tls.ConnectionOptions = options.insecure
    ? { rejectUnauthorized: false }
    : { ca: [...defaultTrustedRoots(), ...(options.caBundle ? parsePemBundle(options.caBundle) : [])] }
  const common = {
    connections: Math.max(1, options.connections ?? 8),
    keepAliveTimeout: 15_000,
    keepAliveMaxTimeout: 60_000,
    connect: { ...tlsOptions, timeout: options.connectTimeoutMs ?? 15_000 },
  }
  let dispatcher: Dispatcher
  const envProxy = proxyFromEnv(options.env ?? process.env)
  if (options.proxyUrl) {
    dispatcher = new ProxyAgent({
      ...common,
      uri: validProxyUrl(options.proxyUrl),
      requestTls: tlsOptions,
      proxyTls: tlsOptions,
    })
  } else if (envProxy.httpProxy || envProxy.httpsProxy) {
    dispatcher = new EnvHttpProxyAgent({
      ...common,
      ...envProxy,
      requestTls: tlsOptions,
      proxyTls: tlsOptions,
    })
  } else {
    dispatcher = new Agent(common)
  }
  const stopWarning = options.insecure ? warnOnUnverifiedConnections(dispatcher, logger) : () => {}
  return {
    dispatcher,
    close: async () => {
      stopWarning()
      await dispatcher.close()
    },
  }
}

/**
 * With verification off, every new TLS connection is logged so the switch cannot be forgotten.
 * undici reports connections on a process-wide channel; only sockets opened without verification for
 * origins this transport has dispatched to are ours.
 */
function warnOnUnverifiedConnections(dispatcher: Dispatcher, logger: Logger): () => void {
  const origins = new Set<string>()
  const dispatch = dispatcher.dispatch.bind(dispatcher)
  dispatcher.dispatch = (opts, handler) => {
    if (opts.origin) origins.add(new URL(String(opts.origin)).host)
    return dispatch(opts, handler)
  }
  const onConnected = (message: unknown) => {
    const { connectParams, socket } = message as {
      connectParams: { host?: string; hostname: string; port: string; protocol: string }
      socket: { authorized?: boolean; authorizationError?: Error }
    }
    if (connectParams.protocol !== 'https:') return
    const host =
      connectParams.host ?? `${connectParams.hostname}${connectParams.port ? `:${connectParams.port}` : ''}`
    if (!origins.has(host) && !origins.has(connectParams.hostname)) return
    logger.log('warn', 'TLS certificate verification is OFF for this connection (insecure mode)', {
      host,
      certificate: socket.authorized ? 'valid' : (socket.authorizationError?.message ?? 'not verified'),
    })
  }
  diagnostics.subscribe('undici:client:connected', onConnected)
  return () => diagnostics.unsubscribe('undici:client:connected', onConnected)
}
