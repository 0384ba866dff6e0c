import { AppError } from '../errors'
import type { S3Credentials } from '../s3/types'
import type { SwiftAuth } from '../swift/types'
import type { JobSpec } from './job-spec'

/** The field that holds each Swift auth kind's secret. */
const SWIFT_SECRET = {
  v3applicationcredential: 'applicationCredentialSecret',
  v3password: 'password',
  v3token: 'token',
  v1: 'key',
  preauth: 'token',
} as const satisfies { [K in SwiftAuth['type']]: keyof Extract<SwiftAuth, { type: K }> }

type SwiftSecretField = (typeof SWIFT_SECRET)[keyof typeof SWIFT_SECRET]

/** A Swift auth of any kind without its secret. */
export type RedactedSwiftAuth = SwiftAuth extends infer A
  ? A extends SwiftAuth
    ? Omit<A, Extract<keyof A, SwiftSecretField>>
    : never
  : never

/** A JobSpec as history stores it: everything but the secrets, which stay in the vault. */
export interface RedactedJobSpec extends Omit<JobSpec, 'source' | 'target'> {
  source: Omit<JobSpec['source'], 'auth'> & { auth: RedactedSwiftAuth }
  target: Omit<JobSpec['target'], 'credentials'> & { credentials?: { accessKeyId: string } }
}

/** The secrets {@link restoreSecrets} puts back. */
export interface SpecSecrets {
  /** The Swift auth's secret: application credential secret, password, token or v1 key. */
  swift: string
  /** Needed only when the spec had static S3 keys. */
  s3?: Omit<S3Credentials, 'accessKeyId'>
}

/**
 * The spec without secrets, for a history file that anyone with access to the disk can read: the Swift
 * auth's secret, the S3 secret key and session token are dropped; the access key id, being an
 * identifier, is kept so the rerun knows which key to ask for. User info in URLs is dropped too: a
 * spec built from CLI flags may carry `https://user:pass@proxy` even though profiles reject it.
 */
export function redactSpec(spec: JobSpec): RedactedJobSpec {
  const { auth, ...source } = spec.source
  const { credentials, ...target } = spec.target
  const field = SWIFT_SECRET[auth.type]
  const { [field]: _secret, ...keptAuth } = auth as SwiftAuth & Record<SwiftSecretField, unknown>
  const redacted: RedactedJobSpec = structuredClone({
    ...spec,
    source: { ...source, auth: keptAuth as RedactedSwiftAuth },
    target: {
      ...target,
      ...(credentials ? { credentials: { accessKeyId: credentials.accessKeyId } } : {}),
    },
  })
  const a = redacted.source.auth as { authUrl?: string; storageUrl?: string }
  if (a.authUrl !== undefined) a.authUrl = withoutUserInfo(a.authUrl)
  if (a.storageUrl !== undefined) a.storageUrl = withoutUserInfo(a.storageUrl)
  if (redacted.source.proxyUrl !== undefined)
    redacted.source.proxyUrl = withoutUserInfo(redacted.source.proxyUrl)
  if (redacted.target.proxyUrl !== undefined)
    redacted.target.proxyUrl = withoutUserInfo(redacted.target.proxyUrl)
  if (redacted.target.endpoint !== undefined)
    redacted.target.endpoint = withoutUserInfo(redacted.target.endpoint)
  return redacted
}

/**
 * A runnable spec again from a redacted one and the secrets, for an ad-hoc run that has no saved
 * migration to resolve them from (a saved one goes through resolveJobSpec instead).
 */
export function restoreSecrets(spec: RedactedJobSpec, secrets: SpecSecrets): JobSpec {
  const copy = structuredClone(spec)
  const auth = { ...copy.source.auth, [SWIFT_SECRET[copy.source.auth.type]]: secrets.swift } as SwiftAuth
  const { credentials, ...target } = copy.target
  // Without this the SDK would fall back to its default chain: a different identity, silently.
  if (credentials && !secrets.s3)
    throw new AppError('AUTH', 'The S3 secret access key is needed to run this again.', 'secretAccessKey')
  return {
    ...copy,
    source: { ...copy.source, auth },
    target: {
      ...target,
      ...(credentials && secrets.s3
        ? { credentials: { accessKeyId: credentials.accessKeyId, ...secrets.s3 } }
        : {}),
    },
  }
}

function withoutUserInfo(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.username === '' && parsed.password === '') return url
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    // Not a URL we can parse: it cannot be used as one either, and may still hold user info.
    return url.replace(/\/\/[^/@]*@/, '//')
  }
}
