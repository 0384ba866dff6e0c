import type { ReactNode } from 'react'
import { useNavigation } from '../../stores/navigation'
import { CliCommandModal } from './CliCommandModal'
import { MigrationsHome } from './MigrationsHome'
import { SecretPromptModal } from './SecretPromptModal'
import { MigrationWizard } from './wizard/MigrationWizard'

/**
 * Migrations: the list (`#/migrations`), a new one (`#/migrations/new`) or a saved one being edited
 * (`#/migrations/edit/<definitionId>`).
 */
export function MigrationsScreen(): ReactNode {
  const [action, id] = useNavigation((state) => state.path)
  return (
    <>
      {action === 'new' ? (
        <MigrationWizard key="new" definitionId={null} />
      ) : action === 'edit' && id ? (
        <MigrationWizard key={`edit-${id}`} definitionId={id} />
      ) : (
        <MigrationsHome />
      )}
      <SecretPromptModal />
      <CliCommandModal />
    </>
  )
}
