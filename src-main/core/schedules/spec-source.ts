import { AppError } from '../errors'
import type { JobSpec } from '../jobs/job-spec'
import type { JobDefinition } from '../profiles/job-definition'
import type { ProfileStore } from '../profiles/profile-store'
import { resolveJobSpec, type JobRunOverrides } from '../profiles/resolve-job-spec'
import { listAwsProfiles, type AwsProfileInfo } from '../s3/aws-profiles'
import type { SecretVault } from '../secrets/vault'
import {
  checkUnattended,
  type AwsCredentialSource,
  type AwsProfileLookup,
  type UnattendedCheck,
} from './unattended'

/** Where the scheduler gets what it runs: saved migrations, resolved with the vault's secrets. */
export interface SpecSource {
  /** The saved migration, or undefined when it was deleted. */
  definition(id: string): JobDefinition | undefined
  /**
   * The spec to run, with secrets from the vault.
   * @throws MissingSecretError (AUTH) when a secret is not there; AppError NOT_FOUND for a deleted profile.
   */
  resolve(id: string): Promise<JobSpec>
  /**
   * The spec with a placeholder for every secret, for history entries of runs that never started
   * (history drops secrets anyway); undefined when the migration or a profile is gone.
   */
  outline(id: string): Promise<JobSpec | undefined>
  unattended(id: string): Promise<UnattendedCheck>
}

export interface ProfileSpecSourceOptions {
  profiles: () => ProfileStore
  vault: SecretVault
  /** Where runs write their logs and reports, read at each run (Settings may change it). */
  logDir: () => string
  /** What options a saved migration leaves unset take (Settings), as for a run started by hand. */
  defaults?: () => JobRunOverrides['defaults']
  /** How a named AWS profile gets its keys; ~/.aws on this machine unless a test says otherwise. */
  awsProfile?: AwsProfileLookup
}

/** Reads ~/.aws (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE) for how a profile gets its keys. */
export const localAwsProfile: AwsProfileLookup = async (name) => {
  const profile = (await listAwsProfiles()).profiles.find((p) => p.name === name)
  return profile && awsCredentialSource(profile)
}

/** A profile of ~/.aws as the unattended check sees it. */
export function awsCredentialSource(profile: AwsProfileInfo): AwsCredentialSource {
  if (profile.needsMfa) return 'role-mfa'
  if (profile.temporaryKeys) return 'temporary-keys'
  return profile.source
}

const PLACEHOLDER_VAULT = { get: () => Promise.resolve('(not stored)') }

/** The spec source over the profile store and the vault, as the jobs.* handlers resolve runs. */
export function profileSpecSource(options: ProfileSpecSourceOptions): SpecSource {
  const definition = (id: string): JobDefinition | undefined => options.profiles().jobs.find(id)
  const overrides = (): JobRunOverrides => {
    const defaults = options.defaults?.()
    return { output: { logDir: options.logDir() }, ...(defaults !== undefined && { defaults }) }
  }
  return {
    definition,
    async resolve(id) {
      const found = definition(id)
      if (!found)
        throw new AppError('NOT_FOUND', 'The saved migration this schedule runs was deleted.', 'definitionId')
      return resolveJobSpec(found, options.profiles(), options.vault, overrides())
    },
    async outline(id) {
      const found = definition(id)
      if (!found) return undefined
      try {
        return await resolveJobSpec(found, options.profiles(), PLACEHOLDER_VAULT, overrides())
      } catch {
        return undefined
      }
    },
    unattended: (id) =>
      checkUnattended(definition(id), {
        profiles: options.profiles(),
        vault: options.vault,
        awsProfile: options.awsProfile ?? localAwsProfile,
      }),
  }
}
