import type { JobCommandInput, JobRunOptions, JobStartInput } from '../../../src-preload/contract/jobs'
import { AppError } from '../../core/errors'
import type { JobManager } from '../../core/jobs/job-manager'
import { isFinished, unfinishedRunOf } from '../../core/jobs/job-manager-states'
import type { JobSpec } from '../../core/jobs/job-spec'
import { cliCommandFor } from '../../core/profiles/cli-command'
import { jobDefinitionInputSchema, type JobDefinition } from '../../core/profiles/job-definition'
import { currentS3Credentials } from '../../core/profiles/refresh-credentials'
import type { RunProfiles } from '../../core/jobs/job-manager-types'
import {
  parseOrThrow,
  resolveJobSpec,
  restoreRunSpec,
  type JobRunOverrides,
  type ProfileStore,
} from '../../core/profiles'
import type { Handlers } from '../router'
import type { RecordsContext } from './records'
import { reportView, summaryOf } from './job-views'

type JobChannels =
  | 'jobs.start'
  | 'jobs.list'
  | 'jobs.get'
  | 'jobs.pause'
  | 'jobs.resume'
  | 'jobs.cancel'
  | 'jobs.retryFailed'
  | 'jobs.setBandwidth'
  | 'jobs.provideCredentials'
  | 'jobs.reloadCredentials'
  | 'jobs.report'
  | 'jobs.cliCommand'

/** The job manager the shell opened, and where runs write their logs and reports. */
export interface JobsDeps {
  manager: () => JobManager
  /** Read at every start: the shells back it with a getter over Settings, so a new folder applies to the next run. */
  readonly logDir: string
  /** What options a saved migration leaves unset take (Settings); the engine's defaults when absent. */
  runDefaults?: () => JobRunOverrides['defaults']
}

/**
 * The jobs.* channels: saved migrations are resolved here (profiles + vault + secrets typed in for this
 * run), then handed to the job manager, which owns the runs; closing a window never stops one.
 */
export function jobHandlers(ctx: RecordsContext, jobs: JobsDeps): Pick<Handlers, JobChannels> {
  /** Resolves a saved migration; a missing secret throws MissingSecretError (AUTH, field = its ref). */
  async function specOf(
    source: string | JobDefinition,
    options: Partial<JobRunOptions> | undefined,
    secrets: Record<string, string> | undefined,
  ): Promise<{ spec: JobSpec; name: string }> {
    const store = ctx.store()
    const definition = typeof source === 'string' ? store.jobs.get(source) : source
    const spec = await resolveJobSpec(definition, store, ctx.vault, {
      output: { logDir: jobs.logDir },
      ...(jobs.runDefaults !== undefined && { defaults: jobs.runDefaults() }),
      ...(options !== undefined && { options }),
      ...(secrets !== undefined && { secrets }),
    })
    return { spec, name: definition.name }
  }

  /**
   * A run of an earlier session made runnable again from its own recorded spec, so an edited or deleted
   * saved migration (or none: the wizard's Start) changes nothing about what it does; only the secrets
   * are looked up again. A missing one throws MissingSecretError, as for jobs.start.
   */
  async function rebuilt(id: string, secrets: Record<string, string> | undefined): Promise<JobSpec> {
    const { spec, profiles, definitionId } = jobs.manager().get(id)
    const store = ctx.store()
    return restoreRunSpec(spec, profiles ?? profilesOfDefinition(store, definitionId), store, ctx.vault, {
      output: { logDir: jobs.logDir },
      ...(secrets !== undefined && { secrets }),
    })
  }

  return {
    'jobs.start': async (input) => {
      const { options, secrets } = input
      const source = definitionOf(ctx.store(), input)
      const { spec, name } = await specOf(source, options, secrets)
      const definitionId = 'definitionId' in input ? input.definitionId : undefined
      if (definitionId !== undefined && !spec.options.dryRun)
        refuseSecondRun(jobs.manager(), definitionId, name)
      const profiles = { swift: source.source.profileId, s3: source.target.profileId }
      return jobs.manager().start({ spec, name, definitionId, profiles })
    },

    'jobs.list': () => jobs.manager().list(),

    'jobs.get': ({ id }) => jobs.manager().get(id),

    'jobs.pause': ({ id }) => {
      jobs.manager().pause(id)
      return summaryOf(jobs.manager(), id)
    },

    'jobs.resume': async ({ id, secrets }) => {
      const manager = jobs.manager()
      const { state } = manager.get(id)
      if (state !== 'interrupted') {
        manager.resume(id)
        return summaryOf(manager, id)
      }
      // The app stopped mid-run and kept no secrets: rebuild the run and go on with it, which copies
      // only what is missing or changed.
      return manager.resumeInterrupted(id, await rebuilt(id, secrets))
    },

    'jobs.cancel': ({ id }) => {
      jobs.manager().cancel(id)
      return summaryOf(jobs.manager(), id)
    },

    'jobs.retryFailed': async ({ id, secrets }) => {
      const manager = jobs.manager()
      try {
        return await manager.retryFailed(id)
      } catch (error) {
        // Secrets of a run from an earlier session are not kept: rebuild it, so the retry is that run.
        if (!(error instanceof AppError) || error.code !== 'AUTH') throw error
        return manager.retryFailed(id, await rebuilt(id, secrets))
      }
    },

    'jobs.setBandwidth': ({ id, mb }) => {
      jobs.manager().setBandwidth(id, mb)
      return summaryOf(jobs.manager(), id)
    },

    // Write-only: the keys go to the run and only the job's summary comes back.
    'jobs.provideCredentials': ({ id, accessKeyId, secretAccessKey, sessionToken }) => {
      jobs.manager().provideCredentials(id, {
        accessKeyId,
        secretAccessKey,
        ...(sessionToken !== undefined && { sessionToken }),
      })
      return summaryOf(jobs.manager(), id)
    },

    // The keys the run's S3 profile gives now: the secret just replaced on the Profiles screen, or the
    // AWS profile after `aws sso login` / a rotated ~/.aws/credentials. Only the summary comes back.
    'jobs.reloadCredentials': async ({ id }) => {
      const manager = jobs.manager()
      const { definitionId, profiles, state, name } = manager.get(id)
      // Checked before reading: a credential_process or SSO call is not worth making for a finished run.
      if (isFinished(state)) {
        throw new AppError('CONFLICT', `The job "${name}" is not running (${state}).`)
      }
      const store = ctx.store()
      // The profile the run started with, whether or not its migration was saved (or since edited).
      const profileId = (profiles ?? profilesOfDefinition(store, definitionId))?.s3
      const profile = profileId === undefined ? undefined : store.s3.find(profileId)
      if (!profile) {
        throw new AppError(
          'CONFLICT',
          profileId === undefined
            ? 'This run does not say which S3 profile it used, so there is no profile to read keys from; enter the keys here instead.'
            : 'The S3 profile of this run has been deleted, so there is no profile to read keys from; enter the keys here instead.',
        )
      }
      const credentials = await currentS3Credentials(profile, ctx.vault)
      manager.provideCredentials(id, credentials)
      return summaryOf(manager, id)
    },

    'jobs.report': async ({ id }) => reportView(id, await jobs.manager().report(id)),

    'jobs.cliCommand': (input) => {
      const store = ctx.store()
      const definition = definitionOf(store, input)
      return cliCommandFor(
        definition,
        store.swift.get(definition.source.profileId),
        store.s3.get(definition.target.profileId),
      )
    },
  }
}

/**
 * The profiles of a run recorded before runs kept theirs: its saved migration's, while it exists.
 */
function profilesOfDefinition(store: ProfileStore, definitionId: string | null): RunProfiles | null {
  const definition = definitionId === null ? undefined : store.jobs.find(definitionId)
  return definition ? { swift: definition.source.profileId, s3: definition.target.profileId } : null
}

/**
 * The saved migration an input names, or the unsaved one it carries, checked field by field as
 * profiles.save would check it (VALIDATION naming e.g. `target.bucket`) but not stored.
 */
function definitionOf(store: ProfileStore, input: JobStartInput | JobCommandInput): JobDefinition {
  if ('definitionId' in input) return store.jobs.get(input.definitionId)
  const draft = parseOrThrow(jobDefinitionInputSchema, input.definition, 'Migration')
  const now = new Date().toISOString()
  return { ...draft, id: draft.id ?? 'unsaved', createdAt: now, updatedAt: now } as JobDefinition
}

/**
 * Two runs of one saved migration would list, compare and upload the same objects side by side (twice
 * the traffic, and each one's report blind to the other's writes), so a second is refused while the
 * first is under way; a preview writes nothing and may run beside it. Schedules skip such a due time
 * the same way (core/schedules/overlap.ts).
 */
function refuseSecondRun(manager: JobManager, definitionId: string, name: string): void {
  const running = unfinishedRunOf(manager.list(), definitionId)
  if (running === undefined) return
  throw new AppError(
    'CONFLICT',
    `"${name}" is already running (started ${running.trigger === 'schedule' ? `by ${running.startedBy}` : 'by hand'}); open that run, or wait until it ends.`,
  )
}
