import type { VaultInfo } from '../../../../src-preload/contract/secrets'
import type { ShellMode } from '../../../../src-preload/contract/types'

/** How secrets are kept, in one plain sentence, and whether that is as it should be. */
export interface SecretsStatus {
  tone: 'ok' | 'warning'
  text: string
}

/** Says in plain words where secrets go, from main's `secrets.backend` answer. */
export function secretsStatus(vault: VaultInfo, mode: ShellMode | undefined): SecretsStatus {
  const why = vault.problem ? ` ${vault.problem}` : ''
  switch (vault.kind) {
    case 'os-keychain':
      return {
        tone: 'ok',
        text: `Secrets are encrypted with the system keychain${vault.detail ? ` (${vault.detail})` : ''}.`,
      }
    case 'encrypted-file':
      return {
        tone: 'ok',
        text: 'Secrets are encrypted in the data folder with the key browser mode was started with (SWIFT2S3_VAULT_KEY).',
      }
    case 'memory':
      return {
        tone: 'warning',
        text:
          'Secrets are kept in memory for this session only: after a restart, migrations ask for them again.' +
          (mode === 'browser'
            ? ' Start browser mode with SWIFT2S3_VAULT_KEY to keep them encrypted on disk.'
            : '') +
          why,
      }
    case 'basic_text':
      return {
        tone: 'warning',
        text: vault.persistent
          ? 'This machine has no secure store: secrets are written to a file that anyone who can read your files can read, as you agreed.'
          : `This machine has no secure store: secrets are kept for this session only.${why}`,
      }
    case 'unavailable':
      return {
        tone: 'warning',
        text: `This machine has no secure store: secrets are kept for this session only.${why}`,
      }
  }
}
