import { NetworkError, TimeoutError, type NetworkProblem } from './errors'

/**
 * Turns what undici and the socket layer throw into a NetworkError or TimeoutError a person can act on.
 * The OS code is kept for the log; the message says what it means.
 */

const TLS_HINTS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate is signed by a CA this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server certificate is signed by a CA this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'the server certificate is signed by a CA this computer does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed CA this computer does not trust',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server uses a self-signed certificate',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet (check this computer’s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host',
  CERT_REVOKED: 'the server certificate has been revoked',
}

const TRUST_ADVICE =
  'Add your organisation’s CA bundle (PEM) to the profile’s TLS settings, or install the CA in the system certificate store.'

function codesOf(error: unknown): { code?: string; message: string; host?: string } {
  // undici wraps socket errors; the useful code can sit one or two causes deep.
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') {
      const host = (current as { hostname?: unknown }).hostname
      return typeof host === 'string'
        ? { code, message: current.message, host }
        : { code, message: current.message }
    }
    current = current.cause
  }
  return { message: error instanceof Error ? error.message : String(error) }
}

export function toNetworkError(error: unknown, url: string): NetworkError | TimeoutError {
  const { code, message } = codesOf(error)
  const options = { cause: error }
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError(
        url,
        'connect',
        `Could not connect to ${url} in time (connect timeout).`,
        options,
      )
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError(
        url,
        'headers',
        `${url} accepted the request but did not answer in time.`,
        options,
      )
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError(url, 'body', `${url} stopped sending data (body timeout).`, options)
    case 'ETIMEDOUT':
      return new TimeoutError(url, 'connect', `The connection to ${url} timed out.`, options)
  }
  const tlsHint = code ? TLS_HINTS[code] : undefined
  if (tlsHint || (code && /^(ERR_SSL|ERR_TLS|CERT_)/.test(code))) {
    const what = tlsHint ?? message
    return new NetworkError(
      'tls',
      url,
      `TLS failed for ${url}: ${what} (${code}). ${TRUST_ADVICE}`,
      code,
      options,
    )
  }
  const [problem, text] = describe(code, message)
  return new NetworkError(problem, url, `${text} ${url}${code ? ` (${code})` : ''}.`, code, options)
}

function describe(code: string | undefined, message: string): [NetworkProblem, string] {
  switch (code) {
    case 'ECONNREFUSED':
      return ['refused', 'Connection refused: nothing is listening at']
    case 'ENOTFOUND':
      return ['dns', 'Host name not found (DNS) for']
    case 'EAI_AGAIN':
      return ['other', 'DNS lookup failed temporarily for']
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_CLOSED':
      return ['reset', 'The connection was closed unexpectedly by']
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return ['other', 'No network route to']
    default:
      return ['other', `Network error (${message}) talking to`]
  }
}
