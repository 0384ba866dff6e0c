import { Alert, List, Text } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { ImportedSecret } from '../../../../src-preload/contract/profile-import'
import type { SecretField } from '../../../../src-preload/contract/profiles'
import type { SecretOrigin } from './form-support'

/** What the Swift form keeps of an import: main's id for the secrets it holds, and what to tell the user. */
export interface ImportState {
  id: string | undefined
  source: string
  notes: string[]
  secrets: ImportedSecret[]
}

/** A secret the file had shows as found; the rest are typed. */
export function importedOrigin(secrets: ImportedSecret[]): (field: SecretField) => SecretOrigin {
  return (field) => (secrets.some((s) => s.field === field && s.found) ? 'imported' : 'unset')
}

/** Where the settings came from, which secrets the file lacked, and main's notes about it. */
export function SwiftImportBanner({ imported }: { imported: ImportState }): ReactNode {
  const missing = imported.secrets.filter((secret) => !secret.found)
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconFileImport size={18} />}
      title={`Imported from ${imported.source}`}
    >
      <Text size="sm">Check the settings below, then save. Nothing is saved until you do.</Text>
      {(imported.notes.length > 0 || missing.length > 0) && (
        <List size="sm" mt={4} spacing={2}>
          {missing.map((secret) => (
            <List.Item key={secret.field}>The file has no {secret.label}: type it below.</List.Item>
          ))}
          {imported.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}
