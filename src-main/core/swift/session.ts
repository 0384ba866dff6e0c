import type { Logger } from '../log/logger'
import type { AuthResult } from './keystone'

/**
 * Holds one profile's token. Authentication is single-flight: however many workers ask at once, one
 * request goes to Keystone and everyone awaits it. Expiry is tracked on the local monotonic-ish clock
 * from the lifetime the server stated, so a desktop clock that is off by an hour changes nothing.
 */
export interface Credentials {
  token: string
  storageUrl: string
  /** Local clock (ms) at which the token stops working; undefined when the server did not say. */
  expiresAtMs?: number
  /** Local clock (ms) from which the token is renewed ahead of expiry. */
  refreshAtMs?: number
}

export interface SessionOptions {
  authenticate: () => Promise<AuthResult>
  /** False for pre-authenticated tokens: nothing can renew them. */
  renewable: boolean
  logger: Logger
  now?: () => number
  /** Renew this long before expiry (capped at a quarter of the token's lifetime). */
  refreshMarginMs?: number
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000

export class AuthSession {
  private credentials: Credentials | undefined
  private inflight: Promise<Credentials> | undefined
  private readonly now: () => number
  private readonly margin: number
  /** How many times the server was asked for a token; read by tests and the run log. */
  authCount = 0

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now
    this.margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS
  }

  get renewable(): boolean {
    return this.options.renewable
  }

  /** Starts from a token obtained elsewhere (a saved session, or a test's deliberately bad token). */
  seed(credentials: Credentials): void {
    this.credentials = credentials
  }

  /** Starts from an authentication done outside the session ("Test connection" signs in step by step). */
  accept(result: AuthResult): void {
    this.credentials = this.toCredentials(result)
  }

  current(): Credentials | undefined {
    return this.credentials
  }

  async get(): Promise<Credentials> {
    const held = this.credentials
    if (held && (held.refreshAtMs === undefined || this.now() < held.refreshAtMs)) return held
    if (held && !this.options.renewable) return held
    try {
      return await this.renew()
    } catch (error) {
      // A failed early renewal is not fatal while the old token still works.
      if (held && held.expiresAtMs !== undefined && this.now() < held.expiresAtMs) {
        this.options.logger.log('warn', 'Token renewal failed; using the current token until it expires', {
          error: error instanceof Error ? error.message : String(error),
        })
        return held
      }
      throw error
    }
  }

  /**
   * The server refused `rejected`. If no one has replaced it yet, authenticate again (single-flight),
   * so 32 workers hitting 401 together cause one token request.
   */
  async renewAfterRejection(rejected: string): Promise<Credentials> {
    if (this.credentials && this.credentials.token !== rejected) return this.credentials
    if (this.inflight) return this.inflight
    this.credentials = undefined
    return this.renew()
  }

  private renew(): Promise<Credentials> {
    this.inflight ??= (async () => {
      try {
        this.authCount++
        const result = await this.options.authenticate()
        const credentials = this.toCredentials(result)
        this.credentials = credentials
        this.options.logger.log('info', 'Authenticated', {
          storageUrl: credentials.storageUrl,
          expiresAt: result.expiresAt,
          lifetimeS: result.lifetimeMs === undefined ? undefined : Math.round(result.lifetimeMs / 1000),
        })
        return credentials
      } finally {
        this.inflight = undefined
      }
    })()
    return this.inflight
  }

  private toCredentials(result: AuthResult): Credentials {
    const credentials: Credentials = { token: result.token, storageUrl: result.storageUrl }
    if (result.lifetimeMs !== undefined) {
      const received = this.now()
      credentials.expiresAtMs = received + result.lifetimeMs
      credentials.refreshAtMs = credentials.expiresAtMs - Math.min(this.margin, result.lifetimeMs / 4)
    }
    return credentials
  }
}
