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
