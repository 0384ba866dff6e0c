import type { JobRunOptions } from '../../../src-preload/contract/jobs'
import { AppError } from '../../core/errors'
import type { JobManager } from '../../core/jobs/job-manager'
import type { JobSpec } from '../../core/jobs/job-spec'
import { resolveJobSpec } from '../../core/profiles'
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
  | 'jobs.report'

/** The job manager the shell opened, and where runs write their logs and reports. */
export interface JobsDeps {
  manager: () => JobManager
  logDir: string
}

/**
 * The jobs.* channels: saved migrations are resolved here (profiles + vault + secrets typed in for this
 * run), then handed to the job manager, which owns the runs; closing a window never stops one.
 */
export function jobHandlers(ctx: RecordsContext, jobs: JobsDeps): Pick<Handlers, JobChannels> {
  /** Resolves a saved migration; a missing secret throws MissingSecretError (AUTH, field = its ref). */
  async function specOf(
    definitionId: string,
    options: Partial<JobRunOptions> | undefined,
    secrets: Record<string, string> | undefined,
  ): Promise<{ spec: JobSpec; name: string }> {
    const store = ctx.store()
    const definition = store.jobs.get(definitionId)
    const spec = await resolveJobSpec(definition, store, ctx.vault, {
      output: { logDir: jobs.logDir },
      ...(options !== undefined && { options }),
      ...(secrets !== undefined && { secrets }),
    })
    return { spec, name: definition.name }
  }

  return {
    'jobs.start': async ({ definitionId, options, secrets }) => {
      const { spec, name } = await specOf(definitionId, options, secrets)
      return jobs.manager().start({ spec, name, definitionId })
    },

    'jobs.list': () => jobs.manager().list(),

    'jobs.get': ({ id }) => jobs.manager().get(id),

    'jobs.pause': ({ id }) => {
      jobs.manager().pause(id)
      return summaryOf(jobs.manager(), id)
    },

    'jobs.resume': ({ id }) => {
      jobs.manager().resume(id)
      return summaryOf(jobs.manager(), id)
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

    'jobs.report': async ({ id }) => reportView(id, await jobs.manager().report(id)),
  }
}
