import { expect } from 'vitest'
import { parseCli } from './args'
import { CliUsageError } from './errors'
import type { CliParse, CliRunDirect, CliRunWithProfile } from './types'

/** Fixtures shared by the CLI parsing tests. */

export const CWD = '/home/ops/migration'
export const KEYSTONE = 'https://keystone.example.com:5000/v3'
export const SWIFT_SECRET = 'swift-Secret-Value-42'
export const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
export const AWS_TOKEN = 'FwoGZXIvYXdzEXAMPLE-session-token'

/** The original script's environment: an application credential and static AWS keys. */
export const ENV: Record<string, string> = {
  OS_AUTH_URL: KEYSTONE,
  OS_APPLICATION_CREDENTIAL_ID: 'abc123',
  OS_APPLICATION_CREDENTIAL_SECRET: SWIFT_SECRET,
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: AWS_SECRET,
  AWS_SESSION_TOKEN: AWS_TOKEN,
}

export const MINIMAL = ['--openStackContainer', 'photos', '--s3Bucket', 'archive']

export function parse(argv: string[], env: Record<string, string | undefined> = ENV): CliParse {
  return parseCli(argv, env, CWD)
}

/** Parses a run without --profile and returns it. */
export function run(argv: string[], env: Record<string, string | undefined> = ENV): CliRunDirect {
  const result = parse(argv, env)
  if (result.kind !== 'run' || result.profile !== undefined)
    throw new Error(`expected a run, got ${result.kind}`)
  return result
}

export function profileRun(argv: string[], env: Record<string, string | undefined> = ENV): CliRunWithProfile {
  const result = parse(argv, env)
  if (result.kind !== 'run' || result.profile === undefined) throw new Error('expected a --profile run')
  return result
}

/** The CliUsageError the arguments cause; checks that no secret of the environment shows in it. */
export function usageError(argv: string[], env: Record<string, string | undefined> = ENV): CliUsageError {
  try {
    parse(argv, env)
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError)
    const usage = error as CliUsageError
    expect(usage.code).toBe('VALIDATION')
    for (const secret of [SWIFT_SECRET, AWS_SECRET, AWS_TOKEN]) expect(usage.message).not.toContain(secret)
    return usage
  }
  throw new Error(`expected a CliUsageError for: ${argv.join(' ')}`)
}
