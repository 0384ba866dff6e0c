import { AppError } from '../../core/errors'
import { LogService, type FileOffer } from '../../core/logs'
import type { Handlers } from '../router'
import type { JobsDeps } from './jobs'

type LogChannels = 'logs.list' | 'logs.read' | 'logs.find' | 'logs.export' | 'logs.openReport'

/** The log service the shell opened (shared with its log.appended events) and how it hands files over. */
export interface LogsDeps {
  service: LogService
  files: FileOffer
}

/** For a shell that has no way to hand files over: export and open say so. */
const noFileOffer: FileOffer = {
  save: () => Promise.reject(new AppError('UNAVAILABLE', 'Exporting files is not available here.')),
  open: () => Promise.reject(new AppError('UNAVAILABLE', 'Opening reports is not available here.')),
}

/** Logs over the job manager's history, for shells (and tests) that do not pass their own. */
export function defaultLogs(jobs: JobsDeps): LogsDeps {
  return { service: new LogService({ jobs: () => jobs.manager() }), files: noFileOffer }
}

/**
 * The logs.* channels: every call names a run by its job id; the file behind it comes from the job
 * history main wrote, and only file names and one-time URLs go back, never a path.
 */
export function logHandlers({ service, files }: LogsDeps): Pick<Handlers, LogChannels> {
  return {
    'logs.list': () => service.list(),
    'logs.read': (input) => service.read(input),
    'logs.find': (input) => service.find(input),
    'logs.export': async ({ jobId, what }) => files.save(await service.file(jobId, what)),
    'logs.openReport': async ({ jobId }) => files.open(await service.file(jobId, 'html')),
  }
}
