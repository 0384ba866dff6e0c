import type { JobCommandInput, JobRunOptions, JobStartInput } from '../../../src-preload/contract/jobs'
import { AppError } from '../../core/errors'
import type { JobManager } from '../../core/jobs/job-manager'
import { isFinished } from '../../core/jobs/job-manager-states'
import type { JobSpec } from '../../core/jobs/job-spec'
import { cliCommandFor } from '../../core/profiles/cli-command'
import { jobDefinitionInputSchema, type JobDefinition } from '../../core/profiles/job-definition'
import { currentS3Credentials } from '../../core/profiles/refresh-credentials'
import { parseOrThrow, resolveJobSpec, type JobRunOverrides, type ProfileStore } from '../../core/profiles'
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

  return {
    'jobs.start': async (input) => {
      const { options, secrets } = input
      const source = definitionOf(ctx.store(), input)
      const { spec, name } = await specOf(source, options, secrets)
      const definitionId = 'definitionId' in input ? input.definitionId : undefined
      return jobs.manager().start({ spec, name, definitionId })
    },

    'jobs.list': () => jobs.manager().list(),

    'jobs.get': ({ id }) => jobs.manager().get(id),

    'jobs.pause': ({ id }) => {
      jobs.manager().pause(id)
      return summaryOf(jobs.manager(), id)
    },

    'jobs.resume': async ({ id, secrets }) => {
      const manager = jobs.manager()
      const { state, definitionId, spec } = manager.get(id)
      if (state !== 'interrupted') {
        manager.resume(id)
        return summaryOf(manager, id)
      }
      // The app stopped mid-run and kept no secrets: resolve the saved migration again and rerun it,
      // which copies only what is missing or changed.
      if (definitionId === null) {
        throw new AppError(
          'CONFLICT',
          'This run was started without saving its migration, so it cannot be resumed after a restart; start it again from New migration (only what is missing will be copied).',
        )
      }
      const resolved = await specOf(definitionId, spec.options, secrets)
      return manager.resumeInterrupted(id, resolved.spec)
    },

    'jobs.cancel': ({ id }) => {
      jobs.manager().cancel(id)
      return summaryOf(jobs.manager(), id)
    },

    'jobs.retryFailed': async ({ id, secrets }) => {
      const manager = jobs.manager()
      try {
        return manager.retryFailed(id)
      } catch (error) {
        // Secrets of a run from an earlier session are not kept: resolve its saved migration again,
        // with the options that run had (dry run, workers …), so the retry is the same run.
        const { definitionId, spec } = manager.get(id)
        if (!(error instanceof AppError) || error.code !== 'AUTH' || definitionId === null) throw error
        const resolved = await specOf(definitionId, spec.options, secrets)
        return manager.retryFailed(id, resolved.spec)
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
      const { definitionId, state, name } = manager.get(id)
      // Checked before reading: a credential_process or SSO call is not worth making for a finished run.
      if (isFinished(state)) {
        throw new AppError('CONFLICT', `The job "${name}" is not running (${state}).`)
      }
      if (definitionId === null) {
        throw new AppError(
          'CONFLICT',
          'This run was started without saving its migration, so there is no profile to read keys from; enter the keys here instead.',
        )
      }
      const store = ctx.store()
      let profileId: string
      try {
        profileId = store.jobs.get(definitionId).target.profileId
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error
        throw new AppError(
          'CONFLICT',
          'The saved migration of this run has been deleted, so there is no profile to read keys from; enter the keys here instead.',
        )
      }
      const credentials = await currentS3Credentials(store.s3.get(profileId), ctx.vault)
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
 * The saved migration an input names, or the unsaved one it carries, checked field by field as
 * profiles.save would check it (VALIDATION naming e.g. `target.bucket`) but not stored.
 */
function definitionOf(store: ProfileStore, input: JobStartInput | JobCommandInput): JobDefinition {
  if ('definitionId' in input) return store.jobs.get(input.definitionId)
  const draft = parseOrThrow(jobDefinitionInputSchema, input.definition, 'Migration')
  const now = new Date().toISOString()
  return { ...draft, id: draft.id ?? 'unsaved', createdAt: now, updatedAt: now } as JobDefinition
}
