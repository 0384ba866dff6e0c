import type { SecretField, SwiftProfileDraft } from './profiles'

/**
 * `profiles.import`: the renderer reads the file the user picked (an <input type=file>) and sends its
 * text; main never opens a path it was given.
 */
export interface ProfileImportInput {
  kind: 'openrc' | 'clouds.yaml'
  text: string
  /** Which cloud of a clouds.yaml; may be left out when the file defines only one. */
  cloud?: string
}

/** Whether the imported file held a secret; the value itself stays in main. */
export interface ImportedSecret {
  field: SecretField
  label: string
  found: boolean
}

/** What an import yields. */
export type ProfileImportResult =
  | {
      /** A clouds.yaml with several clouds and none chosen: ask, then import again with `cloud`. */
      status: 'choose-cloud'
      clouds: string[]
    }
  | {
      status: 'imported'
      /** Non-secret settings for the profile form; nothing is saved yet. */
      draft: SwiftProfileDraft
      secrets: ImportedSecret[]
      /**
       * Present when secrets were found: pass it to `profiles.save` to store them with the profile.
       * Main holds them for a limited time and forgets them once used.
       */
      importId?: string
      /** Where the settings came from, for the UI ("clouds.yaml: prod"). */
      source: string
      /** The clouds of a clouds.yaml, so the UI can offer the others. */
      clouds?: string[]
      /** Things the user has to do or know (a CA file the app cannot read from a path, checks turned off). */
      notes: string[]
    }
