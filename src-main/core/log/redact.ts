/**
 * Secrets must never reach a log line, an error message or the renderer. Two layers: header names
 * that always carry secrets are masked by name, and every secret value a client knows (tokens,
 * passwords, keys) is registered so it is masked wherever it shows up in free text.
 */
export const REDACTED = '[redacted]'

const SECRET_HEADERS = new Set([
  'x-auth-token',
  'x-storage-token',
  'x-auth-key',
  'x-subject-token',
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'cookie',
  'set-cookie',
])

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase())
}

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = isSecretHeader(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** Holds the secret values one client has seen; `text()` masks them in any string. */
export class Redactor {
  // Short values would mask innocent text (and cannot be secrets worth the name).
  private static readonly MIN_LENGTH = 4
  private readonly secrets = new Set<string>()

  add(...values: (string | undefined)[]): void {
    for (const value of values) if (value && value.length >= Redactor.MIN_LENGTH) this.secrets.add(value)
  }

  text(input: string): string {
    let out = input
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED)
      const encoded = encodeURIComponent(secret)
      if (encoded !== secret) out = out.split(encoded).join(REDACTED)
    }
    return out
  }
}

// A secret header written out as text: `Authorization: AWS4-HMAC-SHA256 …`, `"x-auth-token":"…"`.
const HEADER_VALUE = new RegExp(
  `(\\b(?:${[...SECRET_HEADERS].join('|')})\\b["']?\\s*[:=]\\s*["']?)[^"'\\r\\n]+`,
  'gi',
)
// Query parameters that carry a signature or a credential (presigned S3 URLs, Swift temp URLs).
const QUERY_SECRET =
  /([?&;](?:x-amz-signature|x-amz-credential|x-amz-security-token|signature|awsaccesskeyid|temp_url_sig|token|password|secret)=)[^&\s"'#]*/gi
// user:password@ in a URL (a proxy URL given on the command line may have one).
const USER_INFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi
const BEARER = /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi

/**
 * Free text (an error message, a stack) with what always looks like a secret masked: secret header
 * values, signatures and credentials in URLs, user info in URLs, bearer tokens; and, with a redactor,
 * every value registered with it.
 */
export function redactText(text: string, redactor?: Redactor): string {
  const masked = redactor ? redactor.text(text) : text
  return masked
    .replace(HEADER_VALUE, `$1${REDACTED}`)
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(USER_INFO, `$1${REDACTED}@`)
    .replace(BEARER, `$1${REDACTED}`)
}

/**
 * An error as one loggable text: message and stack of it and of its causes, redacted as by
 * {@link redactText}. Only these are kept: an error's own properties (an SDK's request and response,
 * a client's options) are where credentials hide, and a raw object dump would print them.
 */
export function redactError(error: unknown, redactor?: Redactor): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      parts.push(current.stack ?? `${current.name}: ${current.message}`)
      current = current.cause
    } else {
      parts.push(
        typeof current === 'string' ? current : `(thrown ${Object.prototype.toString.call(current)})`,
      )
      current = undefined
    }
  }
  return redactText(parts.join('\ncaused by: '), redactor)
}
