import { create } from 'zustand'
import { CallError } from '../../ipc/bridge'

/**
 * Asking for a secret the vault lacks, for one run. Main refuses `jobs.start` with an AUTH error whose
 * `field` is the secret's vault reference and whose message says which profile needs what; the user
 * types it in a modal and the call is made again with `secrets: { [field]: value }`. The value stays
 * in this page's memory for the wizard's session and is never written anywhere.
 */

interface PendingAsk {
  field: string
  message: string
  resolve: (value: string | null) => void
}

export const useSecretPrompt = create<{ pending: PendingAsk | null }>(() => ({ pending: null }))

/** Opens the modal; resolves with what was typed, or null when the user cancelled. */
export function askForSecret(field: string, message: string): Promise<string | null> {
  useSecretPrompt.getState().pending?.resolve(null)
  return new Promise((resolve) => {
    useSecretPrompt.setState({ pending: { field, message, resolve } })
  })
}

/** Closes the modal with the user's answer. */
export function answerSecret(value: string | null): void {
  const pending = useSecretPrompt.getState().pending
  useSecretPrompt.setState({ pending: null })
  pending?.resolve(value)
}

/** Thrown when the user closes the secret modal instead of answering. */
export class SecretCancelled extends Error {
  constructor() {
    super('Cancelled: the run needs the secret to start.')
    this.name = 'SecretCancelled'
  }
}

/**
 * Runs `attempt` with the secrets known so far; while main answers AUTH naming a secret not yet given,
 * asks for it (`ask`: this screen's modal by default) and tries again; throws SecretCancelled when the
 * person cancels. `known` is filled in place so later calls (the real run after the preview) do not
 * ask twice.
 */
export async function withSecrets<T>(
  known: Record<string, string>,
  attempt: (secrets: Record<string, string> | undefined) => Promise<T>,
  ask: (field: string, message: string) => Promise<string | null> = askForSecret,
): Promise<T> {
  for (;;) {
    try {
      return await attempt(Object.keys(known).length > 0 ? { ...known } : undefined)
    } catch (error) {
      const field = error instanceof CallError && error.code === 'AUTH' ? error.field : undefined
      // A secret already given and still refused is a real failure: show it rather than ask in a loop.
      if (field === undefined || field in known || !(error instanceof Error)) throw error
      const value = await ask(field, error.message)
      if (value === null) throw new SecretCancelled()
      known[field] = value
    }
  }
}
