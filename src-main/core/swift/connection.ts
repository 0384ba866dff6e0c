import type { Readable } from 'node:stream'
import { silentLogger, type Logger } from '../log/logger'
import { Redactor } from '../log/redact'
import { AuthError, ForbiddenError, isAbort, NotFoundError, ServerError } from './errors'
import { toNetworkError } from './network-errors'
import { discard, readErrorText, send, type HttpMethod, type HttpResponse } from './http'
import { keystoneAuthenticate, keystoneToken, methodOf, withStorageUrl, type AuthResult } from './keystone'
import { splitStorageUrl } from './paths'
import { DEFAULT_RETRY, withRetries, type RetryDeps, type RetryPolicy } from './retry'
import { AuthSession } from './session'
import type { SignIn } from './sign-in'
import { createTransport, type Transport, type TransportOptions } from './transport'
import type { SwiftAuth } from './types'
import { v1Authenticate } from './v1-auth'

export interface SwiftClientOptions {
  auth: SwiftAuth
  transport?: Omit<TransportOptions, 'logger'>
  logger?: Logger
  retry?: Partial<RetryPolicy>
  /** Test seams: the clock for token expiry, and the retry sleep/jitter. */
  now?: () => number
  sleep?: RetryDeps['sleep']
  random?: RetryDeps['random']
  refreshMarginMs?: number
  /** Wraps the real authenticator, e.g. to count token requests in a test. */
  wrapAuthenticate?: (authenticate: () => Promise<AuthResult>) => () => Promise<AuthResult>
  headersTimeoutMs?: number
  bodyTimeoutMs?: number
}

/** Names the thing a request is about, for NotFoundError and log lines. */
export interface Target {
  container?: string
  object?: string
}

export interface RequestSpec extends Target {
  method: HttpMethod
  /** Path below the account (already encoded), e.g. `/photos/a%20b.jpg`, plus query. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer | Readable
  signal?: AbortSignal
  /** Safe to send again: GET, HEAD, and PUT/DELETE with a replayable body. */
  idempotent: boolean
  /** Statuses that are not errors for this call (e.g. 404 on a DELETE that may race). */
  accept?: number[]
}

/**
 * The connection to one Swift account: auth, transport, retries and error mapping. The listing and
 * object operations in listing.ts and objects.ts are built on `request`.
 */
export class SwiftConnection {
  readonly logger: Logger
  readonly redactor = new Redactor()
  readonly session: AuthSession
  private readonly transport: Transport
  private readonly retry: RetryPolicy
  private readonly retryDeps: RetryDeps

  constructor(readonly options: SwiftClientOptions) {
    this.logger = options.logger ?? silentLogger
    this.transport = createTransport({ ...options.transport, logger: this.logger })
    this.retry = { ...DEFAULT_RETRY, ...options.retry }
    this.retryDeps = { logger: this.logger }
    if (options.sleep) this.retryDeps.sleep = options.sleep
    if (options.random) this.retryDeps.random = options.random
    const base = () => this.authenticate()
    const authenticate = options.wrapAuthenticate ? options.wrapAuthenticate(base) : base
    this.session = new AuthSession({
      authenticate,
      renewable: options.auth.type !== 'preauth',
      logger: this.logger,
      ...(options.now ? { now: options.now } : {}),
      ...(options.refreshMarginMs !== undefined ? { refreshMarginMs: options.refreshMarginMs } : {}),
    })
    if (options.auth.type === 'preauth') {
      this.redactor.add(options.auth.token)
      this.session.seed({ token: options.auth.token, storageUrl: options.auth.storageUrl })
    }
  }

  private authenticate(): Promise<AuthResult> {
    const auth = this.options.auth
    const ctx = { dispatcher: this.transport.dispatcher, redactor: this.redactor }
    return withRetries('Authentication', this.retry, this.retryDeps, () => {
      switch (auth.type) {
        case 'v1':
          return v1Authenticate(auth, ctx)
        case 'preauth':
          throw new AuthError(
            'pre-authenticated token',
            auth.storageUrl,
            'The pre-authenticated token was rejected; get a new token.',
          )
        default:
          return keystoneAuthenticate(auth, ctx)
      }
    })
  }

  /**
   * Authenticates without choosing the storage URL, so "Test connection" can report the credentials and
   * the catalog endpoint as two steps from one request; `use` then makes it this connection's session.
   * A pre-authenticated token asks nothing of a server (the first request tells whether it works).
   */
  async signIn(): Promise<SignIn> {
    const auth = this.options.auth
    const use = (result: AuthResult) => this.session.accept(result)
    if (auth.type === 'preauth') {
      return { kind: 'preauth', storageUrl: auth.storageUrl, use: () => undefined }
    }
    const ctx = { dispatcher: this.transport.dispatcher, redactor: this.redactor }
    if (auth.type === 'v1') {
      const result = await withRetries('Authentication', this.retry, this.retryDeps, () =>
        v1Authenticate(auth, ctx),
      )
      return {
        kind: 'v1',
        url: auth.authUrl,
        storageUrl: result.storageUrl,
        storageUrlFromProfile: auth.storageUrl !== undefined,
        use: (storageUrl) => use({ ...result, storageUrl }),
      }
    }
    const issued = await withRetries('Authentication', this.retry, this.retryDeps, () =>
      keystoneToken(auth, ctx),
    )
    return {
      kind: 'keystone',
      method: issued.method,
      url: issued.url,
      catalog: issued.catalog,
      ...(issued.expiresAt !== undefined && { expiresAt: issued.expiresAt }),
      use: (storageUrl) => use(withStorageUrl(issued, storageUrl)),
    }
  }

  /** Sends a request with the current token; re-authenticates once on 401; retries transient failures. */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const replayable = spec.body === undefined || typeof spec.body === 'string' || Buffer.isBuffer(spec.body)
    const policy = spec.idempotent && replayable ? this.retry : { ...this.retry, attempts: 1 }
    const what = `${spec.method} ${describe(spec)}`
    return withRetries(what, policy, this.retryDeps, () => this.attempt(spec), spec.signal)
  }

  /**
   * A request whose JSON body is read inside the retry: a connection reset halfway through a listing
   * page is retried like any other network error (204 reads as an empty array, as older Swifts answer).
   */
  async requestJson(spec: RequestSpec): Promise<unknown> {
    const replayable = spec.body === undefined || typeof spec.body === 'string' || Buffer.isBuffer(spec.body)
    const policy = spec.idempotent && replayable ? this.retry : { ...this.retry, attempts: 1 }
    return withRetries(
      `${spec.method} ${describe(spec)}`,
      policy,
      this.retryDeps,
      async () => {
        const response = await this.attempt(spec)
        if (response.status === 204) {
          discard(response)
          return []
        }
        try {
          return await response.body.json()
        } catch (error) {
          if (isAbort(error) || error instanceof SyntaxError) throw error
          throw toNetworkError(error, `${describe(spec)}`)
        }
      },
      spec.signal,
    )
  }

  private async attempt(spec: RequestSpec): Promise<HttpResponse> {
    let credentials = await this.session.get()
    for (let reauthenticated = false; ; reauthenticated = true) {
      const { origin, basePath } = splitStorageUrl(credentials.storageUrl)
      const response = await send(this.transport.dispatcher, {
        method: spec.method,
        origin,
        path: `${basePath}${spec.path}`,
        headers: { ...spec.headers, 'x-auth-token': credentials.token },
        ...(spec.body !== undefined ? { body: spec.body } : {}),
        ...(spec.signal ? { signal: spec.signal } : {}),
        ...(this.options.headersTimeoutMs ? { headersTimeoutMs: this.options.headersTimeoutMs } : {}),
        ...(this.options.bodyTimeoutMs ? { bodyTimeoutMs: this.options.bodyTimeoutMs } : {}),
      })
      if (response.status === 401 && !reauthenticated && this.session.renewable) {
        discard(response)
        this.logger.log('info', 'Token rejected (401); authenticating again', {
          request: `${spec.method} ${describe(spec)}`,
        })
        credentials = await this.session.renewAfterRejection(credentials.token)
        continue
      }
      if (response.status < 300 || response.status === 304 || spec.accept?.includes(response.status))
        return response
      throw await this.errorFor(spec, response, `${origin}${basePath}${spec.path.split('?')[0]}`)
    }
  }

  private async errorFor(spec: RequestSpec, response: HttpResponse, url: string): Promise<Error> {
    const status = response.status
    const said = this.redactor.text(await readErrorText(response, 512))
    const requestId = response.headers['x-openstack-request-id'] ?? response.headers['x-trans-id']
    const target = describe(spec)
    if (status === 401) {
      const auth = this.options.auth
      const method =
        auth.type === 'v1'
          ? 'v1 (tempauth)'
          : auth.type === 'preauth'
            ? 'pre-authenticated token'
            : methodOf(auth)
      // A pre-authenticated token was never renewed, so "again" would be untrue.
      const said =
        auth.type === 'preauth'
          ? `Swift refused the pre-authenticated token for ${target} (HTTP 401); get a new token.`
          : `Swift refused the token for ${target} (HTTP 401) even after authenticating again.`
      return new AuthError(method, url, said, 401)
    }
    if (status === 404) {
      const kind =
        spec.object !== undefined ? 'object' : spec.container !== undefined ? 'container' : 'account'
      return new NotFoundError(
        kind,
        spec.container,
        spec.object,
        `${capitalise(target)} does not exist (HTTP 404).`,
      )
    }
    if (status === 403) {
      return new ForbiddenError(
        `Access to ${target} is forbidden (HTTP 403): the credentials lack permission.${said ? ` ${said}` : ''}`,
        status,
      )
    }
    const retryAfter = Number(response.headers['retry-after'])
    return new ServerError(
      status,
      url,
      requestId,
      `Swift answered HTTP ${status} for ${spec.method} ${target}${said ? `: ${said}` : ''}${requestId ? ` (request id ${requestId})` : ''}.`,
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
    )
  }

  /** The storage URL in use (authenticating first if needed). */
  async storageUrl(): Promise<string> {
    return (await this.session.get()).storageUrl
  }

  close(): Promise<void> {
    return this.transport.close()
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function describe(target: Target): string {
  if (target.object !== undefined) return `object "${target.object}" in container "${target.container}"`
  if (target.container !== undefined) return `container "${target.container}"`
  return 'the account'
}
