import { defaultConfigDir, ProfileStore } from '../core/profiles'
import { MissingSecretError, resolveJobSpec } from '../core/profiles/resolve-job-spec'
import type { JobSpec } from '../core/jobs/job-spec'
import { MemoryVault } from '../core/secrets/memory-vault'
import { CliUsageError } from './errors'
import type { CliRunWithProfile } from './types'

/**
 * `--profile NAME` runs a migration saved in the desktop app (a job definition, with its Swift and S3
 * profiles) from the same profile file. The app's secrets are encrypted with the OS keychain, which a
 * CLI cannot open, so secrets come from the usual environment variables or, on a terminal, a prompt.
 * Flags given on the command line override what the saved migration says.
 */
const ENV_FOR_SECRET: Record<string, string> = {
  applicationCredentialSecret: 'OS_APPLICATION_CREDENTIAL_SECRET',
  password: 'OS_PASSWORD',
  token: 'OS_AUTH_TOKEN',
  key: 'ST_KEY',
  secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
}

export type AskSecret = (label: string) => Promise<string>

export async function specFromProfile(
  parsed: CliRunWithProfile,
  env: Record<string, string | undefined>,
  ask: AskSecret | undefined,
): Promise<JobSpec> {
  const store = new ProfileStore({ cwd: env['SWIFT2S3_CONFIG_DIR'] ?? defaultConfigDir() })
  const definition = store.jobs.findByName(parsed.profile)
  if (!definition) {
    const saved = store.jobs.list().map((j) => `"${j.name}"`)
    throw new CliUsageError(
      `--profile: there is no saved migration named "${parsed.profile}"${saved.length ? `; saved: ${saved.join(', ')}` : ' (none are saved yet)'}.`,
      '--profile',
    )
  }
  const draft = parsed.spec
  const given = parsed.given
  const options: Partial<JobSpec['options']> = {}
  for (const key of [
    'maxWorkers',
    'bandwidthLimitMb',
    'dryRun',
    'verifyOnly',
    'deep',
    'partBudgetMb',
    'multipartThresholdMb',
  ] as const) {
    if (given[key] === 'flag') Object.assign(options, { [key]: draft.options[key] })
  }
  if (given.mirror === 'flag' || given.maxDeletes === 'flag') options.mirror = draft.options.mirror
  // Each metadata flag replaces its own part of the saved choice; the rest stays as saved.
  const saved = definition.options.metadata
  const flags = draft.options.metadata ?? saved
  if (given.noUserMetadata === 'flag' || given.setMetadata === 'flag' || given.oversizedMetadata === 'flag') {
    options.metadata = {
      userMetadata: given.noUserMetadata === 'flag' ? flags.userMetadata : saved.userMetadata,
      extra: given.setMetadata === 'flag' ? flags.extra : saved.extra,
      oversized: given.oversizedMetadata === 'flag' ? flags.oversized : saved.oversized,
    }
  }
  const secrets: Record<string, string> = {}
  for (let round = 0; ; round++) {
    try {
      const spec = await resolveJobSpec(definition, store, new MemoryVault(), {
        output: draft.output,
        options,
        secrets,
      })
      return applyFlags(spec, parsed)
    } catch (error) {
      if (!(error instanceof MissingSecretError) || round > 0) throw error
      for (const missing of error.missing) {
        const variable = ENV_FOR_SECRET[missing.field]
        const fromEnv = variable ? env[variable] : undefined
        const value =
          fromEnv ||
          (ask
            ? await ask(
                `${missing.label} for the ${missing.profileKind === 'swift' ? 'Swift' : 'S3'} profile "${missing.profileName}"`,
              )
            : '')
        if (!value) {
          throw new CliUsageError(
            `--profile "${parsed.profile}" needs the ${missing.label} of the ${missing.profileKind === 'swift' ? 'Swift' : 'S3'} profile "${missing.profileName}": set ${variable ?? 'it'} (the app's saved secrets are only readable by the app).`,
            variable ?? '--profile',
          )
        }
        secrets[missing.ref] = value
      }
    }
  }
}

/** Flags on the command line beat the saved migration. */
function applyFlags(spec: JobSpec, parsed: CliRunWithProfile): JobSpec {
  const { given, spec: draft } = parsed
  if (given.containers === 'flag' && draft.source.containers) spec.source.containers = draft.source.containers
  if (given.s3Bucket === 'flag' && draft.target.bucket) spec.target.bucket = draft.target.bucket
  if (given.prefix === 'flag' && draft.source.prefix !== undefined) spec.source.prefix = draft.source.prefix
  if (given.destPrefix === 'flag' && draft.target.destPrefix !== undefined)
    spec.target.destPrefix = draft.target.destPrefix
  if (given.include === 'flag' && draft.source.include) spec.source.include = draft.source.include
  if (given.exclude === 'flag' && draft.source.exclude) spec.source.exclude = draft.source.exclude
  if (given.skipDirectoryMarkers === 'flag') spec.source.directoryMarkers = draft.source.directoryMarkers
  return spec
}
