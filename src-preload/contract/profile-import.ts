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

/** One profile of the AWS shared config (~/.aws/config and ~/.aws/credentials), without its secrets. */
export interface AwsProfileSummary {
  name: string
  region?: string
  /** S3 endpoint from the profile's `endpoint_url` or `services` section, when it has one. */
  endpoint?: string
  /**
   * How the profile gets credentials: static keys, a role it assumes, SSO, a credential_process, or
   * `unknown`. All but static keys refresh themselves, which matters for unattended runs.
   */
  source: 'keys' | 'role' | 'sso' | 'process' | 'unknown'
  /** A role assumed with an MFA code (`mfa_serial`): it cannot get keys with nobody there. */
  needsMfa?: true
  /** Static keys with an `aws_session_token`: temporary, they expire. */
  temporaryKeys?: true
}

/** What `profiles.awsProfiles` returns: the profiles on the machine running the engine. */
export interface AwsProfileList {
  profiles: AwsProfileSummary[]
  /** Where they were read from, for the UI ("~/.aws/config"), with the home folder abbreviated. */
  files: string[]
}
