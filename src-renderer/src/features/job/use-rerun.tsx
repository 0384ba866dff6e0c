import { useState, type ReactNode } from 'react'
import type { JobSummary } from '../../../../src-preload/contract/jobs'
import { SecretAskModal } from '../../components/SecretAskModal'
import { retryFailedJob } from '../../stores/jobs'
import { navigate } from '../../stores/navigation'
import { SecretCancelled, withSecrets } from '../migrations/secret-prompt'

/** What "run again" is called for a finished run: it copies only what is missing or changed. */
export function rerunLabel(job: Pick<JobSummary, 'totals'>): string {
  return job.totals.failed > 0 ? 'Retry failed' : 'Run again'
}

/**
 * Runs a finished job again (the planner copies only what is missing or changed, so this is the retry
 * of the failed objects), or resumes an interrupted one with `run` = resumeJob, and opens the new run.
 * A run from an earlier session has no secrets in memory: main names the one it lacks in an AUTH
 * error, and the user is asked for it.
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

  const askHere = (_field: string, message: string): Promise<string | null> =>
    new Promise<string | null>((resolve) => setAsk({ message, resolve })).finally(() => setAsk(null))

  async function attempt(): Promise<void> {
    try {
      const next = await withSecrets({}, (secrets) => run(jobId, secrets), askHere)
      navigate('job', next.id)
    } catch (e) {
      if (!(e instanceof SecretCancelled)) throw e
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
    prompt: ask ? (
      <SecretAskModal title="A secret is needed" message={ask.message} onAnswer={ask.resolve} />
    ) : null,
  }
}
