import type { ReactNode } from 'react'
import { SecretAskModal } from '../../components/SecretAskModal'
import { answerSecret, useSecretPrompt } from './secret-prompt'

/** The modal behind askForSecret: one password field, used for this run only. */
export function SecretPromptModal(): ReactNode {
  const pending = useSecretPrompt((state) => state.pending)
  // Keyed by the field so a second question starts with an empty input.
  return pending ? (
    <SecretAskModal
      key={pending.field}
      title="A secret is needed to start"
      message={pending.message}
      onAnswer={answerSecret}
    />
  ) : null
}
