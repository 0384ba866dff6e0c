import { useState, type ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import { CallError } from '../../ipc/bridge'
import { retryFailedJob } from '../../stores/jobs'
import { navigate } from '../../stores/navigation'
import { SecretAskModal } from './SecretAskModal'

/** What "run again" is called for a finished run: it copies only what is missing or changed. */
export function rerunLabel(job: Pick<JobSummary, 'totals'>): string {
  return job.totals.failed > 0 ? 'Retry failed' : 'Run again'
}

/**
 * Runs a finished job again (the planner copies only what is missing or changed, so this is the retry of
 * the failed objects), or resumes an interrupted one with `run` = resumeJob, and opens the new run. A run from an earlier session has no secrets in memory:
 * main names the one it lacks in an AUTH error, and the user is asked for it.
 */
export function useRerun(
  jobId: string,
  run: (id: string, secrets?: Record<string, string>) => Promise<JobSummary> = retryFailedJob,
): {
  rerun: () => void
  busy: boolean
  error: string | null
  prompt: ReactNode
} {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [ask, setAsk] = useState<{ message: string; resolve: (value: string | null) => void } | null>(null)

  async function attempt(): Promise<void> {
    const secrets: Record<string, string> = {}
    for (;;) {
      try {
        const next = await run(jobId, Object.keys(secrets).length > 0 ? secrets : undefined)
        navigate('job', next.id)
        return
      } catch (e) {
        const field = e instanceof CallError && e.code === 'AUTH' ? e.field : undefined
        // A secret already given and still refused is a real failure: say so rather than ask in a loop.
        if (field === undefined || field in secrets || !(e instanceof Error)) throw e
        const message = e.message
        const value = await new Promise<string | null>((resolve) => setAsk({ message, resolve }))
        setAsk(null)
        if (value === null) return
        secrets[field] = value
      }
    }
  }

  return {
    rerun: () => {
      setBusy(true)
      setError(null)
      attempt()
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        .finally(() => setBusy(false))
    },
    busy,
    error,
    prompt: ask ? <SecretAskModal message={ask.message} onAnswer={ask.resolve} /> : null,
  }
}
