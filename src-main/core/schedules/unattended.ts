import { AppError } from '../errors'
import type { JobDefinition } from '../profiles/job-definition'
import type { ProfileLookup } from '../profiles/resolve-job-spec'
import { s3SecretSlots, type S3Profile } from '../profiles/s3-profile'
import { swiftSecretSlots, type SwiftProfile } from '../profiles/swift-profile'
import type { SecretVault } from '../secrets/vault'

/**
 * Can a saved migration run with nobody at the screen? A scheduled run at 02:00 cannot ask for a
 * password, so every secret it needs must be kept between sessions (not for this session only), and
 * credentials that expire must renew themselves. Saving or enabling a schedule runs this and says why
 * not, in words that name the profile and what to change.
 */

/**
 * How an AWS shared-config profile gets its keys, as the profile reader classifies it, with the two
 * cases that look self-sufficient but are not: a role assumed with an MFA code (`role-mfa`) and keys
 * that carry a session token (`temporary-keys`).
 */
export type AwsCredentialSource =
  'keys' | 'temporary-keys' | 'role' | 'role-mfa' | 'sso' | 'process' | 'unknown'

/** Looks up how a named AWS profile gets credentials; undefined when there is no such profile. */
export type AwsProfileLookup = (name: string) => Promise<AwsCredentialSource | undefined>

export interface UnattendedCheck {
  /** True when nothing stands in the way of a run nobody watches. */
  ok: boolean
  /** What would stop a run; each names the profile and what to do. */
  problems: string[]
  /** Things that work but are worth knowing (an SSO session that needs a login now and then). */
  notes: string[]
}

export interface UnattendedDeps {
  profiles: ProfileLookup
  vault: Pick<SecretVault, 'status'>
  awsProfile: AwsProfileLookup
}

function find<T>(get: () => T): T | undefined {
  try {
    return get()
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined
    throw error
  }
}

async function secretProblems(
  slots: { label: string; ref: string }[],
  what: string,
  vault: UnattendedDeps['vault'],
): Promise<string[]> {
  const problems: string[] = []
  for (const slot of slots) {
    const status = await vault.status(slot.ref)
    if (status === 'session') {
      problems.push(
        `${what} keeps its ${slot.label} for this session only, so a run after a restart could not sign in. ` +
          'Save it again in Profiles and let the app keep it.',
      )
    } else if (status === 'unset') {
      problems.push(`${what} has no ${slot.label} saved. Enter it in Profiles and let the app keep it.`)
    }
  }
  return problems
}

async function checkSwift(profile: SwiftProfile, deps: UnattendedDeps, out: UnattendedCheck): Promise<void> {
  const what = `The Swift profile "${profile.name}"`
  const type = profile.auth.type
  if (type === 'v3token' || type === 'preauth') {
    out.problems.push(
      `${what} signs in with a token, which expires within hours and cannot renew itself. ` +
        'Use an application credential (or a password) for scheduled runs.',
    )
    return
  }
  out.problems.push(...(await secretProblems(swiftSecretSlots(profile), what, deps.vault)))
}

async function checkS3(profile: S3Profile, deps: UnattendedDeps, out: UnattendedCheck): Promise<void> {
  const what = `The S3 profile "${profile.name}"`
  const credentials = profile.credentials
  switch (credentials.type) {
    case 'keys':
      out.problems.push(...(await secretProblems(s3SecretSlots(profile), what, deps.vault)))
      return
    case 'default-chain':
      out.notes.push(
        `${what} uses the AWS SDK's default credentials (environment variables, an instance or container ` +
          'role). Make sure they are there when the app runs on its own, for example after a restart.',
      )
      return
    case 'aws-profile': {
      const source = await deps.awsProfile(credentials.profile)
      const named = `${what} uses the AWS profile "${credentials.profile}"`
      if (source === undefined) {
        out.problems.push(`${named}, which is not in ~/.aws/config or ~/.aws/credentials on this computer.`)
      } else if (source === 'sso') {
        out.notes.push(
          `${named}, which signs in with AWS SSO: its keys renew themselves until the SSO session ends; ` +
            'then sign in again with "aws sso login".',
        )
      } else if (source === 'role-mfa') {
        out.problems.push(
          `${named}, which assumes its role with an MFA code (mfa_serial). Nobody is there to type the ` +
            'code when a schedule runs, so the run could not get keys. Use a role without MFA, SSO or a ' +
            'credential_process for scheduled runs.',
        )
      } else if (source === 'temporary-keys') {
        out.problems.push(
          `${named}, whose keys in ~/.aws come with a session token (aws_session_token): they are ` +
            'temporary, expire within hours, and a run after that could not sign in. Use long-lived keys, ' +
            'a role, SSO or a credential_process, unless something on this computer renews them.',
        )
      } else if (source === 'unknown') {
        out.problems.push(
          `${named}, and the app cannot tell where its keys come from. Give it keys, a role, SSO or a ` +
            'credential_process.',
        )
      }
      // Long-lived keys kept in ~/.aws, a role without MFA and credential_process all work unattended.
      return
    }
  }
}

/** Checks a saved migration's two profiles for a run nobody watches. */
export async function checkUnattended(
  definition: JobDefinition | undefined,
  deps: UnattendedDeps,
): Promise<UnattendedCheck> {
  const out: UnattendedCheck = { ok: true, problems: [], notes: [] }
  if (!definition) {
    out.problems.push('The saved migration this schedule runs no longer exists. Pick another one.')
    return { ...out, ok: false }
  }
  const swift = find(() => deps.profiles.swift.get(definition.source.profileId))
  if (swift) await checkSwift(swift, deps, out)
  else out.problems.push(`The Swift profile of "${definition.name}" was deleted. Edit the migration.`)
  const s3 = find(() => deps.profiles.s3.get(definition.target.profileId))
  if (s3) await checkS3(s3, deps, out)
  else out.problems.push(`The S3 profile of "${definition.name}" was deleted. Edit the migration.`)
  return { ...out, ok: out.problems.length === 0 }
}
